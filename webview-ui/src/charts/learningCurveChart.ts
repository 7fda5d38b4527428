/**
 * The probe's learning curve: accuracy on held-out real rows (y) of models trained on growing samples of the
 * real rows (x, log scale, as such curves are near straight on it), its 95% band, the synthetic-only accuracy
 * as a horizontal line, and where the two meet: how many real rows the synthetic rows are worth.
 */
import * as d3 from 'd3';
import type { PanelProbe } from '../../../src/shared/panel';
import { percentFormat, tickFormat } from './axes';
import { axisTitle } from './axisTitle';
import { formatCount, formatShare } from '../format';

type Curve = NonNullable<PanelProbe['curve']>;
type Worth = NonNullable<PanelProbe['worth']>;

export function learningCurveChart(curve: Curve, worth: Worth): SVGSVGElement {
  const width = 560;
  const height = 230;
  const margin = { left: 56, right: 16, top: 12, bottom: 44 };
  const first = curve[0].rows;
  const last = curve[curve.length - 1].rows;
  const lowest = Math.min(worth.accuracy, ...curve.map((point) => point.low));
  const x = d3.scaleLog().domain([first, Math.max(last, first * 2)]).range([margin.left, width - margin.right]);
  const y = d3.scaleLinear().domain([Math.max(0, Math.floor(lowest * 10) / 10), 1]).range([height - margin.bottom, margin.top]);
  const label = worth.relation === 'about' ? `about ${formatCount(roundRows(worth.estimate))}` : worth.relation === 'atLeast' ? `at least ${formatCount(worth.estimate)}` : `fewer than ${formatCount(worth.estimate)}`;
  const svg = d3
    .create('svg')
    .attr('class', 'chart learning-curve-chart')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `Accuracy on real rows by real rows trained on, from ${formatShare(curve[0].accuracy)} with ${formatCount(first)} to ${formatShare(curve[curve.length - 1].accuracy)} with ${formatCount(last)}; the synthetic rows alone score ${formatShare(worth.accuracy)}, worth ${label} real rows.`);
  const xTicks = sizeTicks(curve.map((point) => point.rows), x);
  const yTicks = y.ticks(5);
  const yFormat = percentFormat(yTicks);
  const xFormat = tickFormat(xTicks);
  svg.append('g').attr('class', 'grid').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickSize(-(width - margin.left - margin.right)).tickFormat(() => ''));
  svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).tickValues(xTicks).tickFormat((value) => xFormat(Number(value))).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickFormat((value) => yFormat(Number(value))).tickSizeOuter(0));
  axisTitle(svg, 'Real rows trained on (log scale)', { x: (margin.left + width - margin.right) / 2, y: height - 8 });
  axisTitle(svg, 'Accuracy on real rows', { x: 14, y: (margin.top + height - margin.bottom) / 2 }, true);
  const area = d3.area<Curve[number]>().x((point) => x(point.rows)).y0((point) => y(point.low)).y1((point) => y(point.high));
  svg.append('path').attr('class', 'curve-band').attr('d', area(curve));
  svg.append('path').attr('class', 'curve-line').attr('d', d3.line<Curve[number]>().x((point) => x(point.rows)).y((point) => y(point.accuracy))(curve));
  svg.selectAll('circle.curve-point').data(curve).join('circle').attr('class', 'curve-point').attr('r', 2.5).attr('cx', (point) => x(point.rows)).attr('cy', (point) => y(point.accuracy));
  const target = y(worth.accuracy);
  svg.append('line').attr('class', 'synthetic-line').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', target).attr('y2', target);
  svg.append('text').attr('class', 'synthetic-label').attr('x', width - margin.right).attr('y', target + 14).attr('text-anchor', 'end').text(`synthetic rows alone: ${formatShare(worth.accuracy)}`);
  const at = x(Math.min(Math.max(worth.estimate, first), last));
  svg.append('line').attr('class', 'crossing-line').attr('x1', at).attr('x2', at).attr('y1', target).attr('y2', height - margin.bottom);
  svg.append('circle').attr('class', 'crossing-point').attr('r', 4.5).attr('cx', at).attr('cy', target);
  const leftSide = at > (margin.left + width) / 2;
  svg.append('text').attr('class', 'crossing-label').attr('x', at + (leftSide ? -8 : 8)).attr('y', target - 8).attr('text-anchor', leftSide ? 'end' : 'start').text(`worth ${label} real rows`);
  return svg.node() as SVGSVGElement;
}

/** Room between two x tick labels' anchors: a 6-character label at 11 px and a gap. */
const TICK_SPACING = 48;

/**
 * The sizes measured, as x ticks, thinned so no two labels meet: the first and last always, the others kept
 * from the left while they sit TICK_SPACING px past the previous one and before the last.
 */
function sizeTicks(sizes: readonly number[], x: d3.ScaleLogarithmic<number, number>): number[] {
  const last = sizes[sizes.length - 1];
  const ticks = [sizes[0]];
  for (const size of sizes.slice(1, -1)) if (x(size) - x(ticks[ticks.length - 1]) >= TICK_SPACING && x(last) - x(size) >= TICK_SPACING) ticks.push(size);
  if (last !== sizes[0]) ticks.push(last);
  return ticks;
}

/** Rows to two significant figures, as `synthgap probe` words the estimate (roundRows in src/core/probe/format.ts). */
function roundRows(rows: number): number {
  if (rows < 100) return Math.round(rows);
  const unit = 10 ** (Math.floor(Math.log10(rows)) - 1);
  return Math.round(rows / unit) * unit;
}
