/**
 * Axes the charts share: few, rounded ticks, short labels (SI prefixes for big numbers), and a title on each
 * axis. Tick counts follow the width, so labels never run into each other in a 600 px panel.
 */
import * as d3 from 'd3';

/** About one tick per this many pixels: room for a 6-character label at 11 px with a gap on either side. */
export const PIXELS_PER_TICK = 80;

/** How many ticks to ask d3 for on an axis `length` pixels long: at least 2, at most `max`. */
export function tickCount(length: number, max = 8): number {
  return Math.max(2, Math.min(max, Math.floor(length / PIXELS_PER_TICK)));
}

/**
 * A tick label for a value on an axis whose ticks are `ticks`: SI prefixes from 10,000 on ("120k", "1.5M"), plain
 * rounded numbers below ("2.5", "1,200"), never more digits than the tick step needs.
 *
 * @example tickFormat([0, 50000, 100000])(50000) // '50k'
 */
export function tickFormat(ticks: readonly number[]): (value: number) => string {
  const largest = Math.max(0, ...ticks.map((t) => Math.abs(t)).filter(Number.isFinite));
  if (largest >= 10_000) return d3.format('.3~s');
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  return d3.format(`,.${d3.precisionFixed(step || 1)}~f`);
}

/** Percent ticks: "0%", "25%", with a decimal only when the step needs one. */
export function percentFormat(ticks: readonly number[]): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  return d3.format(`.${d3.precisionFixed(step * 100 || 1)}~%`);
}
