/**
 * Distinct-1, distinct-2 and compression ratio as paired horizontal bars, real against synthetic, on one scale:
 * the measures are the y axis's categories, the x axis is the measure's value (all are ratios).
 */
import * as d3 from 'd3';
import type { DiversityReport } from '../types';
import { diversityChartData } from './data/diversity';
import { tickCount, tickFormat } from './axes';
import { axisTitle } from './axisTitle';
import { addHatch } from './hatch';
import { formatDecimal } from '../format';

export function diversityChart(diversity: DiversityReport): SVGSVGElement {
  const data = diversityChartData(diversity);
  const width = 560;
  const row = 34;
  const left = 200;
  const height = data.measures.length * row + 50;
  const svg = d3.create('svg').attr('class', 'chart diversity-chart').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('aria-label', data.description);
  const hatch = addHatch(svg);
  const x = d3.scaleLinear().domain([0, data.xMax]).range([left, width - 50]);
  const groups = svg.selectAll('g.measure').data(data.measures).join('g').attr('class', 'measure').attr('transform', (_, i) => `translate(0,${i * row})`);
  groups.append('text').attr('class', 'measure-label').attr('x', 0).attr('y', 18).text((m) => m.label);
  for (const [i, key] of [[0, 'real'], [1, 'synthetic']] as const) {
    groups
      .append('rect')
      .attr('class', `bar bar-${key}`)
      .attr('x', left)
      .attr('y', 4 + i * 13)
      .attr('height', 11)
      .attr('width', (m) => Math.max(0, x(m[key]) - left))
      .attr('fill', key === 'synthetic' ? hatch : null);
    groups
      .append('text')
      .attr('class', 'bar-value')
      .attr('x', (m) => x(m[key]) + 4)
      .attr('y', 13 + i * 13)
      .text((m) => formatDecimal(m[key], 2));
  }
  const ticks = x.ticks(tickCount(width - 50 - left, 6));
  const format = tickFormat(ticks);
  const axisY = data.measures.length * row + 2;
  svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${axisY})`).call(d3.axisBottom(x).tickValues(ticks).tickFormat((value) => format(Number(value))).tickSizeOuter(0));
  axisTitle(svg, 'Value (higher is more varied)', { x: (left + width - 50) / 2, y: axisY + 36 });
  return svg.node() as SVGSVGElement;
}
