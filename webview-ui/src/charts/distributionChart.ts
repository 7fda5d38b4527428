/**
 * A gap's chart: real and synthetic shares on the same bins and the same scales, with labelled axes. Real bars
 * are solid blue; synthetic bars orange, hatched and outlined, so the sides differ by hue, pattern and outline.
 * Binary features are two categories ("no", "yes"), numeric ones a histogram; either way the sides stand side by
 * side. Ticks are few and rounded, so labels do not run together at the panel's width.
 */
import * as d3 from 'd3';
import type { FeatureGap } from '../types';
import { percentFormat, tickCount, tickFormat } from './axes';
import { axisTitle } from './axisTitle';
import { distributionChartData } from './data/distribution';
import { addHatch } from './hatch';
import { formatShare } from '../format';

/** Sizes in the viewBox's units (shown 1:1 at these widths, smaller in a narrower panel). */
const SIZES = {
  // The preview beside a gap's sentence: ticks on both axes, a y title, no x title (the gap's heading names it).
  small: { width: 260, height: 110, margin: { top: 6, right: 8, bottom: 22, left: 46 } },
  large: { width: 560, height: 240, margin: { top: 10, right: 16, bottom: 46, left: 58 } },
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
  const y = d3.scaleLinear().domain([0, data.yMax || 1]).range([height - margin.bottom, margin.top]).nice(size === 'small' ? 2 : 4);
  const proportion = data.kind === 'proportion';
  // The two sides side by side within each category or bin, never on top of each other (overlaid bars mix their
  // colours into a third one a reader cannot place). Categories leave room between them; bins fill their width.
  const inset = proportion ? 0.15 : 0.04;
  const span = (x0: number, x1: number, side: 0 | 1): [number, number] => {
    const left = x(x0) + (x(x1) - x(x0)) * inset;
    const half = ((x(x1) - x(x0)) * (1 - 2 * inset)) / 2;
    return [left + side * half, Math.max(left + side * half + 1, left + (side + 1) * half - (proportion ? 1 : 0.5))];
  };
  const yTicks = y.ticks(size === 'small' ? 2 : 4);
  svg
    .append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(yTicks.filter((t) => t > 0))
    .join('line')
    .attr('x1', margin.left)
    .attr('x2', width - margin.right)
    .attr('y1', (t) => y(t))
    .attr('y2', (t) => y(t));
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
  const plotWidth = width - margin.left - margin.right;
  const axisX = proportion
    ? d3.axisBottom(x).tickValues(data.bins.map((bin) => (bin.x0 + bin.x1) / 2)).tickFormat((_, i) => data.bins[i]?.label ?? '')
    : (() => {
        const ticks = x.ticks(tickCount(plotWidth, size === 'small' ? 4 : 7));
        const format = tickFormat(ticks);
        return d3.axisBottom(x).tickValues(ticks).tickFormat((value) => format(Number(value)));
      })();
  svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${height - margin.bottom})`).call(axisX.tickSizeOuter(0));
  const yFormat = percentFormat(yTicks);
  svg.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickFormat((value) => yFormat(Number(value))).tickSizeOuter(0));
  const middleY = (margin.top + height - margin.bottom) / 2;
  axisTitle(svg, '% of rows', { x: 12, y: middleY }, true);
  if (size === 'large') {
    const bins = data.unitWidth !== undefined ? ` (bar height per ${tickFormat([data.unitWidth])(data.unitWidth)}-wide bin)` : '';
    axisTitle(svg, proportion ? gap.name : `${gap.name}${bins}`, { x: margin.left + plotWidth / 2, y: height - 8 });
  }
  return svg.node() as SVGSVGElement;
}
