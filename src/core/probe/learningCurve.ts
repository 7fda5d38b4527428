import { throwIfCancelled, type CancellationToken } from '../host';
import { hashCombine } from '../stats/hash';
import { seededRandom, shuffleInPlace, type Random } from '../stats/random';
import { curveSizes } from './crossing';

/** Salts the samples' orders and the curve's models apart from the probe's own models (salts 1 to 2 × folds + 1). */
const ORDER_SALT = 0xc0de;
const MODEL_SALT = 100;

/** One training pool and the tested rows its models are scored on (a fold, or the test set). */
export interface CurveSplit {
  /** Real rows the samples are drawn from. */
  readonly train: Uint32Array;
  /** Rows to score, and their positions among the tested rows. */
  readonly inside: ArrayLike<number>;
  readonly positions: ArrayLike<number>;
}

/** The real-only learning curve, per size and run: which tested rows the model got right. */
export interface CurveRuns {
  /** Training rows per size; the last is the full pool (its model is the probe's real-only model). */
  readonly sizes: number[];
  /** `hits[size][repeat]`: 1 where that run's model was right, over all tested rows (each split fills its own). */
  readonly hits: Uint8Array[][];
  /** Split of each tested row, to resample repeats within a split. */
  readonly splitOf: Int32Array;
  readonly repeats: number;
}

export interface CurveOptions {
  readonly labels: Int32Array;
  /** The class of each tested row, by position. */
  readonly truth: Int32Array;
  readonly repeats: number;
  /** The target accuracy's hits on the tested rows: sizes stop once every run is past it (see below). */
  readonly target: Uint8Array;
  /** The real-only model's predictions on the tested rows: the curve's last point. */
  readonly full: Int32Array;
  readonly seed: number;
  readonly fit: (subset: Uint32Array, salt: number) => (rows: ArrayLike<number>) => Int32Array;
  readonly token?: CancellationToken;
}

/**
 * Trains the real-only learning curve: for each split and seeded repeat, one proportionally stratified order of
 * its training rows (see {@link nestedOrder}), and a model on each prefix of {@link curveSizes}, scored on the
 * split's tested rows. Samples are nested, so a run's curve moves by the rows added and not by a new draw.
 * Sizes stop at the first at which every run beats the target on the same rows: the crossing and nearly all of
 * its bootstrap interval then lie below, and the larger sizes, which cost the most, add nothing to the answer
 * (on CLINC150 this halves the curve's time). The full pool's point is always there, from the real-only model.
 */
export function learningCurve(splits: readonly CurveSplit[], options: CurveOptions): CurveRuns {
  const { labels, truth, repeats, target, full } = options;
  const tested = truth.length;
  const smallest = Math.min(...splits.map((split) => split.train.length));
  const grid = curveSizes(smallest);
  const splitOf = new Int32Array(tested).fill(-1);
  splits.forEach((split, s) => Array.from(split.positions, (at) => (splitOf[at] = s)));
  const orders = splits.map((split, s) => Array.from({ length: repeats }, (_, r) => nestedOrder(split.train, labels, seededRandom(hashCombine(hashCombine(options.seed, ORDER_SALT + s), r)))));
  const sizes: number[] = [];
  const hits: Uint8Array[][] = [];
  for (const size of grid.slice(0, -1)) {
    const runs = Array.from({ length: repeats }, () => new Uint8Array(tested));
    let allAbove = true;
    splits.forEach((split, s) => {
      for (let r = 0; r < repeats; r++) {
        throwIfCancelled(options.token);
        const predicted = options.fit(orders[s][r].subarray(0, size), MODEL_SALT + (hits.length * splits.length + s) * repeats + r)(split.inside);
        let right = 0;
        let wanted = 0;
        Array.from(split.positions, (at, i) => {
          runs[r][at] = predicted[i] === truth[at] ? 1 : 0;
          right += runs[r][at];
          wanted += target[at];
        });
        if (right <= wanted) allAbove = false;
      }
    });
    sizes.push(size);
    hits.push(runs);
    if (allAbove) break;
  }
  const last = Uint8Array.from(truth, (label, at) => (full[at] === label ? 1 : 0));
  sizes.push(Math.round(splits.reduce((sum, split) => sum + split.train.length, 0) / splits.length));
  hits.push(Array.from({ length: repeats }, () => last));
  return { sizes, hits, splitOf, repeats };
}

/**
 * The rows in an order whose every prefix holds each label in about its share of all rows: each label's rows
 * are shuffled, the j-th of a label with c rows gets the key (j + u) / c with u a random offset per label, and
 * rows are sorted by key. A sample of 50 from 150 balanced labels then has at most one row per label, as a
 * user's first 50 rows might, and a prefix of 1,000 has six or seven of each.
 */
export function nestedOrder(rows: Uint32Array, labels: Int32Array, random: Random): Uint32Array {
  const byLabel = new Map<number, number[]>();
  for (const row of rows) {
    const list = byLabel.get(labels[row]);
    if (list) list.push(row);
    else byLabel.set(labels[row], [row]);
  }
  const keyed: [number, number][] = [];
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const list = shuffleInPlace(byLabel.get(label) as number[], random);
    const offset = random();
    list.forEach((row, j) => keyed.push([(j + offset) / list.length, row]));
  }
  keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return Uint32Array.from(keyed, ([, row]) => row);
}
