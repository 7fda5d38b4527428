/** An axis title in a chart's SVG (kept apart from axes.ts, whose tick formats are unit-tested outside a browser). */
import type { Selection } from 'd3';

/** An axis title: centred under the x axis, or turned and centred beside the y axis. */
export function axisTitle(svg: Selection<SVGSVGElement, undefined, null, undefined>, text: string, at: { readonly x: number; readonly y: number }, vertical = false): void {
  svg
    .append('text')
    .attr('class', `axis-title axis-title-${vertical ? 'y' : 'x'}`)
    .attr('text-anchor', 'middle')
    .attr('transform', vertical ? `translate(${at.x},${at.y}) rotate(-90)` : `translate(${at.x},${at.y})`)
    .text(text);
}
