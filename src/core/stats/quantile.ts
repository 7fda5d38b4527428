/**
 * The p-quantile of values already sorted ascending, by linear interpolation between closest ranks
 * (the R-7 / d3.quantileSorted definition). NaN for empty input; p is clamped to [0, 1].
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const q = Math.min(1, Math.max(0, p));
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** A sorted Float64Array copy of the values. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Share of sorted values strictly below `value`, plus half the share equal to it (the mid-rank percentile),
 * in [0, 1]. 0.5 for empty input, so an empty reference says "typical", not "extreme".
 *
 * @example percentileRank([1, 2, 3, 4], 3) // 0.625
 */
export function percentileRank(sorted: ArrayLike<number>, value: number): number {
  const n = sorted.length;
  if (n === 0) return 0.5;
  const below = lowerBound(sorted, value);
  const equal = upperBound(sorted, value) - below;
  return (below + equal / 2) / n;
}

/** First index whose value is greater than `value` (binary search over ascending values). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is not less than `value` (binary search over ascending values). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
