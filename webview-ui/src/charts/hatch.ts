/** The hatch pattern that marks synthetic marks, so the sides differ by pattern as well as by color. */
import type { Selection } from 'd3';

let counter = 0;

/** Adds a hatch `<pattern>` to the svg's defs and returns its `url(#…)` for a fill. */
export function addHatch(svg: Selection<SVGSVGElement, undefined, null, undefined>): string {
  const id = `synthgap-hatch-${++counter}`;
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', id)
    .attr('width', 4)
    .attr('height', 4)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('class', 'hatch-ground').attr('width', 4).attr('height', 4);
  pattern.append('line').attr('class', 'hatch-line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 4);
  return `url(#${id})`;
}
