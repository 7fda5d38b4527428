import { lowerBound, quantileSorted } from './quantile';

export interface BinOptions {
  /** Most bins to make. Default 20: fixed bins keep the two sides' charts aligned and readable. */
  readonly bins?: number;
  /** Values are whole numbers (counts): bins then sit between integers, at least one integer wide. */
  readonly integer?: boolean;
}

/**
 * Bin edges shared by two samples, both sorted ascending: `bins` equal-width bins over the pooled 1st–99th
 * percentile, so a few extreme rows cannot squash the chart (values outside fall into the end bins; see
 * {@link histogramShares}). Fixed bins rather than Freedman–Diaconis because FD gives hundreds of bins at
 * 100K rows and the two sides must share one set anyway. With `integer`, edges sit at half-integers and each
 * bin is a whole number of integers wide, so a count of 3 never straddles two bins. A constant sample gets
 * one bin of width 1 around its value. Empty when both samples are empty.
 *
 * @example sharedBins([0, 1, 2], [2, 3], { integer: true }) // [-0.5, 0.5, 1.5, 2.5, 3.5]
 */
export function sharedBins(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>, options: BinOptions = {}): number[] {
  const bins = Math.max(1, Math.floor(options.bins ?? 20));
  const pooled = mergeSorted(sortedA, sortedB);
  if (pooled.length === 0) return [];
  let lo = quantileSorted(pooled, 0.01);
  let hi = quantileSorted(pooled, 0.99);
  if (options.integer) {
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
    const width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
    const count = Math.ceil((hi - lo + 1) / width);
    return Array.from({ length: count + 1 }, (_, i) => lo - 0.5 + i * width);
  }
  if (hi === lo) return [lo - 0.5, lo + 0.5];
  const width = (hi - lo) / bins;
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
}

/**
 * Share of the sorted values in each bin: bin i holds [edges[i], edges[i+1]), the last bin also its upper
 * edge; values below the first edge count in the first bin and values above the last in the last, so the
 * shares sum to 1. O(bins · log n). `[]` when `edges` has fewer than two entries; all zeros for no values.
 *
 * @example histogramShares([1, 1, 2, 9], [0, 1, 2, 3]) // [0, 0.5, 0.5]
 */
export function histogramShares(sorted: ArrayLike<number>, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  if (bins < 1) return [];
  const n = sorted.length;
  const shares = new Array<number>(bins).fill(0);
  if (n === 0) return shares;
  let previous = 0;
  for (let i = 0; i < bins; i++) {
    const below = i === bins - 1 ? n : lowerBound(sorted, edges[i + 1]);
    shares[i] = (below - previous) / n;
    previous = below;
  }
  return shares;
}

/** The two ascending inputs merged into one ascending Float64Array, in O(n + m). */
export function mergeSorted(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): Float64Array {
  const out = new Float64Array(sortedA.length + sortedB.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sortedA.length && j < sortedB.length) out[k++] = sortedA[i] <= sortedB[j] ? sortedA[i++] : sortedB[j++];
  while (i < sortedA.length) out[k++] = sortedA[i++];
  while (j < sortedB.length) out[k++] = sortedB[j++];
  return out;
}
