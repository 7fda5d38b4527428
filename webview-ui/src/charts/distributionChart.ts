/**
 * A gap's chart: real and synthetic shares overlaid on the same bins and the same scales. Real bars are solid
 * blue, synthetic bars hatched orange with an outline, so the sides differ without color too.
 */
import * as d3 from 'd3';
import type { FeatureGap } from '../types';
import { distributionChartData } from './data/distribution';
import { addHatch } from './hatch';
import { formatShare } from '../format';

const SIZES = {
  small: { width: 240, height: 64, margin: { top: 4, right: 4, bottom: 4, left: 4 } },
  large: { width: 560, height: 200, margin: { top: 10, right: 12, bottom: 34, left: 44 } },
};

export function distributionChart(gap: FeatureGap, size: 'small' | 'large'): SVGSVGElement {
  const data = distributionChartData(gap);
  const { width, height, margin } = SIZES[size];
  const svg = d3
    .create('svg')
    .attr('class', `chart distribution-chart chart-${size}`)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', data.description)
    .attr('data-feature', gap.feature);
  const hatch = addHatch(svg);
  const x = d3.scaleLinear().domain(data.xDomain).range([margin.left, width - margin.right]);
  const y = d3.scaleLinear().domain([0, data.yMax || 1]).range([height - margin.bottom, margin.top]);
  const proportion = data.kind === 'proportion';
  // Proportions: the two sides side by side within each category. Histograms: overlaid on the whole bin.
  const span = (x0: number, x1: number, side: 0 | 1): [number, number] => {
    if (!proportion) return [x(x0) + 0.5, Math.max(x(x1) - 0.5, x(x0) + 1)];
    const left = x(x0) + (x(x1) - x(x0)) * 0.15;
    const half = ((x(x1) - x(x0)) * 0.7) / 2;
    return [left + side * half, left + (side + 1) * half - 1];
  };
  const bars = svg.append('g').attr('class', 'bars');
  for (const [side, key] of [[0, 'real'], [1, 'synthetic']] as const) {
    bars
      .selectAll(`rect.bar-${key}`)
      .data(data.bins)
      .join('rect')
      .attr('class', `bar bar-${key}`)
      .attr('x', (bin) => span(bin.x0, bin.x1, side)[0])
      .attr('width', (bin) => span(bin.x0, bin.x1, side)[1] - span(bin.x0, bin.x1, side)[0])
      .attr('y', (bin) => y(bin[`${key}Height`]))
      .attr('height', (bin) => y(0) - y(bin[`${key}Height`]))
      .attr('fill', key === 'synthetic' ? hatch : null)
      .append('title')
      .text((bin) => `${bin.label}: ${formatShare(bin[key])} of ${key} rows`);
  }
  svg.append('line').attr('class', 'baseline').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', y(0)).attr('y2', y(0));
  if (size === 'large') {
    const ticks = proportion ? [] : [...new Set(data.bins.flatMap((bin) => [bin.x0, bin.x1]))];
    const axisX = proportion
      ? d3.axisBottom(x).tickValues(data.bins.map((bin) => (bin.x0 + bin.x1) / 2)).tickFormat((_, i) => data.bins[i]?.label ?? '')
      : d3.axisBottom(x).tickValues(ticks).tickFormat(d3.format('~g'));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`).call(axisX);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('.0%')));
    if (data.unitWidth !== undefined) {
      svg.append('text').attr('class', 'axis-note').attr('x', width - margin.right).attr('y', height - 2).attr('text-anchor', 'end').text(`share of rows per ${d3.format('~g')(data.unitWidth)}-wide bin`);
    }
  }
  return svg.node() as SVGSVGElement;
}
