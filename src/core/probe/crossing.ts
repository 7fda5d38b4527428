/** Where a learning curve meets an accuracy: the number of real rows a model trained elsewhere is worth. */

/** How the crossing relates to the sizes measured: between two of them, past the largest, or before the smallest. */
export type CrossingRelation = 'about' | 'atLeast' | 'fewerThan';

export interface Crossing {
  readonly relation: CrossingRelation;
  /** Rows at the crossing; the largest size for `atLeast`, the smallest for `fewerThan`. */
  readonly rows: number;
}

/**
 * The training size at which a learning curve first reaches `target`: the curve (accuracy at increasing `sizes`)
 * is first made non-decreasing (pool-adjacent-violators), because more real rows do not make a model worse on
 * average and a dip from one seeded sample would otherwise give two crossings; then the crossing is
 * interpolated linearly in log(size), the scale on which such curves are close to straight. A target above the
 * whole curve is `atLeast` the largest size; one below its first point `fewerThan` the smallest. NaN rows for
 * no sizes or a NaN target.
 *
 * @example crossingRows([100, 200, 400], [0.5, 0.6, 0.7], 0.65) // { relation: 'about', rows: 282.8 }
 */
export function crossingRows(sizes: readonly number[], accuracy: readonly number[], target: number): Crossing {
  const n = Math.min(sizes.length, accuracy.length);
  if (n === 0 || !Number.isFinite(target)) return { relation: 'about', rows: NaN };
  const curve = nonDecreasing(accuracy.slice(0, n));
  if (target < curve[0]) return { relation: 'fewerThan', rows: sizes[0] };
  if (target > curve[n - 1]) return { relation: 'atLeast', rows: sizes[n - 1] };
  let i = 0;
  while (curve[i] < target) i++;
  if (i === 0) return { relation: 'about', rows: sizes[0] };
  const t = (target - curve[i - 1]) / (curve[i] - curve[i - 1]);
  const log = Math.log(sizes[i - 1]) + t * (Math.log(sizes[i]) - Math.log(sizes[i - 1]));
  return { relation: 'about', rows: Math.exp(log) };
}

/**
 * The closest non-decreasing sequence in least squares (pool adjacent violators, equal weights); NaN values
 * are carried as they come. @example nonDecreasing([1, 3, 2, 4]) // [1, 2.5, 2.5, 4]
 */
export function nonDecreasing(values: readonly number[]): number[] {
  const means: number[] = [];
  const counts: number[] = [];
  for (const value of values) {
    let mean = value;
    let count = 1;
    while (means.length > 0 && means[means.length - 1] > mean) {
      const c = counts.pop() as number;
      mean = (mean * count + (means.pop() as number) * c) / (count + c);
      count += c;
    }
    means.push(mean);
    counts.push(count);
  }
  return means.flatMap((mean, i) => Array.from({ length: counts[i] }, () => mean));
}

/**
 * Sizes for a learning curve: `first`, then doubling while below `max`, then `max` itself (the full training
 * set). Doubling keeps the points evenly spaced on a log axis, and a factor of two between neighbours is
 * finer than the accuracy of the answer needs. Just `[max]` when max ≤ first; [] when max < 1.
 *
 * @example curveSizes(300) // [25, 50, 100, 200, 300]
 */
export function curveSizes(max: number, first = 25): number[] {
  if (max < 1) return [];
  const sizes: number[] = [];
  for (let size = first; size < max; size *= 2) sizes.push(size);
  sizes.push(max);
  return sizes;
}
