import type { CancellationToken } from '../host';
import { throwIfCancelled } from '../host';
import { sameScore, splitSorted } from './auc';
import { poisson } from './bootstrapPoisson';
import { quantileSorted } from './quantile';
import type { Random } from './random';
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
 * sorted once and cut into runs of one class (see {@link runs}); a run's total weight is one Poisson draw of
 * its length, so a replicate costs one pass over the runs, at most about twice the smaller class. With
 * 200 replicates: 10K against 1M rows take about 0.3 s, 500K against 500K about 3 s. The interval is
 * widened to include the point estimate if needed. An empty class gives `{ auc: 0.5, low: 0.5, high: 0.5 }`.
 *
 * @example bootstrapAuc(scores, isSynthetic, { seed: 7 }) // { auc: 0.91, low: 0.89, high: 0.93 }
 */
export function bootstrapAuc(
  scores: ArrayLike<number>,
  isPositive: ArrayLike<number | boolean>,
  options: BootstrapOptions = {},
): AucInterval {
  const { positives, negatives } = runs(scores, isPositive);
  const estimate = aucOfRuns(positives, negatives);
  if (Number.isNaN(estimate)) return { auc: 0.5, low: 0.5, high: 0.5 };
  const replicates = Math.max(0, Math.floor(options.replicates ?? 200));
  if (replicates === 0) return { auc: estimate, low: estimate, high: estimate };
  const random = seededRandom(options.seed ?? 0);
  const plan = drawPlan(positives, negatives);
  const values = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    throwIfCancelled(options.token);
    const value = replicateAuc(positives, negatives, random, plan);
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

/** The Mann–Whitney AUC over runs; NaN when a class is empty. */
function aucOfRuns(positives: Float64Array, negatives: Float64Array): number {
  let u = 0;
  let negativeBelow = 0;
  let positiveTotal = 0;
  for (let r = 0; r < positives.length; r++) {
    u += positives[r] * (negativeBelow + negatives[r] / 2);
    negativeBelow += negatives[r];
    positiveTotal += positives[r];
  }
  return positiveTotal > 0 && negativeBelow > 0 ? u / positiveTotal / negativeBelow : NaN;
}

/** Runs up to this long get their Poisson draw as a sum of Poisson(1) draws; longer ones draw directly. */
const SHORT_RUN = 8;

/** Where each run's short counts sit among the Poisson(1) draws of a replicate. */
interface DrawPlan {
  /** Run r's positives use draws [bounds[2r], bounds[2r + 1]), its negatives [bounds[2r + 1], bounds[2r + 2]). */
  readonly bounds: Int32Array;
  /** Cumulative Poisson(1) draws of the current replicate, one more than the short runs hold. */
  readonly cumulative: Int32Array;
}

function drawPlan(positives: Float64Array, negatives: Float64Array): DrawPlan {
  const bounds = new Int32Array(2 * positives.length + 1);
  let at = 0;
  for (let r = 0; r < positives.length; r++) {
    bounds[2 * r] = at;
    if (positives[r] <= SHORT_RUN) at += positives[r];
    bounds[2 * r + 1] = at;
    if (negatives[r] <= SHORT_RUN) at += negatives[r];
  }
  bounds[2 * positives.length] = at;
  return { bounds, cumulative: new Int32Array(at + 2) };
}

/**
 * One replicate: the AUC with each run's count replaced by a Poisson draw of that mean. Short runs, the
 * common case when the classes interleave, sum Poisson(1) draws made in one tight pass beforehand (two per
 * 32-bit random number from a 16-bit table), read as differences of their running total.
 */
function replicateAuc(positives: Float64Array, negatives: Float64Array, random: Random, plan: DrawPlan): number {
  const single = poissonOneTable();
  const { bounds, cumulative } = plan;
  let total = 0;
  for (let k = 1; k < cumulative.length; k += 2) {
    const bits = Math.floor(random() * 4294967296);
    total += single[bits & 0xffff];
    cumulative[k] = total;
    total += single[bits >>> 16];
    if (k + 1 < cumulative.length) cumulative[k + 1] = total;
  }
  let u = 0;
  let negativeBelow = 0;
  let positiveTotal = 0;
  for (let r = 0; r < positives.length; r++) {
    const p = positives[r];
    const q = negatives[r];
    const wp = p > SHORT_RUN ? poisson(p, random) : cumulative[bounds[2 * r + 1]] - cumulative[bounds[2 * r]];
    const wn = q > SHORT_RUN ? poisson(q, random) : cumulative[bounds[2 * r + 2]] - cumulative[bounds[2 * r + 1]];
    u += wp * (negativeBelow + wn / 2);
    negativeBelow += wn;
    positiveTotal += wp;
  }
  return positiveTotal > 0 && negativeBelow > 0 ? u / positiveTotal / negativeBelow : NaN;
}

let oneTable: Uint8Array | undefined;

/** Poisson(1) quantiles at the 65,536 mid-points of [0, 1): one draw per 16 random bits. */
function poissonOneTable(): Uint8Array {
  if (oneTable) return oneTable;
  oneTable = new Uint8Array(65536);
  let k = 0;
  let p = Math.exp(-1);
  let cumulative = p;
  for (let i = 0; i < 65536; i++) {
    const x = (i + 0.5) / 65536;
    while (x > cumulative && k < 255) {
      k++;
      p /= k;
      cumulative += p;
    }
    oneTable[i] = k;
  }
  return oneTable;
}
