import type { CancellationToken } from '../host';
import { throwIfCancelled } from '../host';
import { sameScore, splitSorted } from './auc';
import { poisson } from './bootstrapPoisson';
import { quantileSorted } from './quantile';
import { seededRandom } from './random';

export interface AucInterval {
  /** The AUC of the data itself (equal to `auc(scores, isPositive)`). */
  readonly auc: number;
  readonly low: number;
  readonly high: number;
}

export interface BootstrapOptions {
  /** Bootstrap replicates; default 200, enough for a 95% interval to be stable to about ±0.005. */
  readonly replicates?: number;
  /** Default 0; the same seed gives the same interval. */
  readonly seed?: number;
  /** Coverage of the interval; default 0.95. */
  readonly level?: number;
  readonly token?: CancellationToken;
}

/**
 * A percentile bootstrap interval for the AUC, stratified by class: each replicate gives every row a
 * Poisson(1) weight (the large-sample equivalent of resampling each class with replacement, the "Poisson
 * bootstrap") and computes the weighted Mann–Whitney AUC, so each class keeps about its size. The rows are
 * sorted once and cut into runs of one class (see {@link runs}); a run's total weight is one Poisson draw,
 * so a replicate costs one pass over the runs: at most about twice the smaller class, whatever the larger.
 * The interval is widened to include the point estimate if needed. An empty class gives
 * `{ auc: 0.5, low: 0.5, high: 0.5 }`.
 *
 * @example bootstrapAuc(scores, isSynthetic, { seed: 7 }) // { auc: 0.91, low: 0.89, high: 0.93 }
 */
export function bootstrapAuc(
  scores: ArrayLike<number>,
  isPositive: ArrayLike<number | boolean>,
  options: BootstrapOptions = {},
): AucInterval {
  const { positives, negatives } = runs(scores, isPositive);
  const estimate = aucOfRuns(positives, negatives, (count) => count);
  if (Number.isNaN(estimate)) return { auc: 0.5, low: 0.5, high: 0.5 };
  const replicates = Math.max(0, Math.floor(options.replicates ?? 200));
  if (replicates === 0) return { auc: estimate, low: estimate, high: estimate };
  const random = seededRandom(options.seed ?? 0);
  const resample = (count: number) => poisson(count, random);
  const values = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    throwIfCancelled(options.token);
    const value = aucOfRuns(positives, negatives, resample);
    values[r] = Number.isNaN(value) ? estimate : value;
  }
  values.sort();
  const alpha = (1 - (options.level ?? 0.95)) / 2;
  return {
    auc: estimate,
    low: Math.min(estimate, quantileSorted(values, alpha)),
    high: Math.max(estimate, quantileSorted(values, 1 - alpha)),
  };
}

/**
 * The rows in ascending score order, cut into runs: a maximal stretch of one class, or a group of tied
 * scores that holds both. Within a run every row is interchangeable for the AUC, so a run is just its two
 * counts (`positives[r]`, `negatives[r]`), one of them 0 unless the run is a mixed tie.
 */
function runs(scores: ArrayLike<number>, isPositive: ArrayLike<number | boolean>) {
  const sorted = splitSorted(scores, isPositive);
  const p = sorted.positives;
  const q = sorted.negatives;
  const positives: number[] = [];
  const negatives: number[] = [];
  let i = 0;
  let j = 0;
  let last = -1; // class of the open run: 1 positive, 0 negative, -1 none or a closed mixed tie
  while (i < p.length || j < q.length) {
    // NaN compares false, so NaNs of either class come last, after every number.
    const value = j >= q.length || (i < p.length && !(q[j] < p[i])) ? p[i] : q[j];
    let tiedPositive = 0;
    let tiedNegative = 0;
    while (i < p.length && sameScore(p[i], value)) {
      tiedPositive++;
      i++;
    }
    while (j < q.length && sameScore(q[j], value)) {
      tiedNegative++;
      j++;
    }
    const kind = tiedPositive > 0 && tiedNegative > 0 ? -1 : tiedPositive > 0 ? 1 : 0;
    if (kind >= 0 && kind === last) {
      positives[positives.length - 1] += tiedPositive;
      negatives[negatives.length - 1] += tiedNegative;
    } else {
      positives.push(tiedPositive);
      negatives.push(tiedNegative);
    }
    last = kind;
  }
  return { positives: Float64Array.from(positives), negatives: Float64Array.from(negatives) };
}

/**
 * The Mann–Whitney AUC over runs whose counts are first passed through `weigh` (the identity for the AUC
 * itself, a Poisson draw for a bootstrap replicate); NaN when a class weighs nothing.
 */
function aucOfRuns(positives: Float64Array, negatives: Float64Array, weigh: (count: number) => number): number {
  let u = 0;
  let negativeBelow = 0;
  let positiveTotal = 0;
  for (let r = 0; r < positives.length; r++) {
    const wp = positives[r] > 0 ? weigh(positives[r]) : 0;
    const wn = negatives[r] > 0 ? weigh(negatives[r]) : 0;
    u += wp * (negativeBelow + wn / 2);
    negativeBelow += wn;
    positiveTotal += wp;
  }
  return positiveTotal > 0 && negativeBelow > 0 ? u / positiveTotal / negativeBelow : NaN;
}
