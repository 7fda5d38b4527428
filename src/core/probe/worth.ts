import { poisson } from '../stats/bootstrapPoisson';
import { hashCombine } from '../stats/hash';
import { seededRandom } from '../stats/random';
import { crossingRows, type CrossingRelation } from './crossing';
import type { CurveRuns } from './learningCurve';

/** One size of the real-only learning curve: mean accuracy over the runs, with its 95% bootstrap band. */
export interface CurvePoint {
  readonly rows: number;
  readonly accuracy: number;
  readonly low: number;
  readonly high: number;
}

/** How many real rows train as well as the synthetic rows do, with a 95% interval. */
export interface WorthRealRows {
  /** `about` the estimate; `atLeast` the largest size measured (the synthetic rows beat them all); `fewerThan` the smallest. */
  readonly relation: CrossingRelation;
  readonly estimate: number;
  /** 0 when the interval reaches below the smallest size measured. */
  readonly low: number;
  /** null when it reaches past the largest size measured (the real rows there are). */
  readonly high: number | null;
  /** The accuracy the curve is matched to: the synthetic-only model's on the same held-out rows. */
  readonly accuracy: number;
}

/** Keeps the bootstrap's draws apart from every other use of the probe's seed. */
const BOOTSTRAP_SALT = 0xb007;
/** Bootstrap replicates: the 2.5% and 97.5% points then rest on about 12 replicates beyond each. */
const REPLICATES = 500;

/**
 * Where the real-only learning curve meets the accuracy of another model (`target`: its hits on the same
 * tested rows), and the curve itself. The interval is a bootstrap that redraws both things that could have come
 * out otherwise: the held-out rows (Poisson weights, the same for the curve and the target, so it is their
 * difference that varies, as in a paired test) and, within each split, which seeded training samples were
 * drawn (the repeats, with replacement). A band from the curve's own spread alone would miss that the target is
 * measured on finite rows too. Deterministic for a seed.
 *
 * @example worthRealRows(runs, syntheticHits, 42).worth // { relation: 'about', estimate: 1400, low: 1100, high: 1800, … }
 */
export function worthRealRows(runs: CurveRuns, target: Uint8Array, seed: number): { worth: WorthRealRows; curve: CurvePoint[] } {
  const { sizes, hits, splitOf, repeats } = runs;
  const n = target.length;
  const splits = splitOf.reduce((most, split) => Math.max(most, split), -1) + 1;
  const accuracy = (weights: Float64Array, picks: Int32Array): number[] => {
    let total = 0;
    let right = 0;
    const coefficient = new Float64Array(n * repeats);
    for (let i = 0; i < n; i++) {
      total += weights[i];
      right += weights[i] * target[i];
      for (let r = 0; r < repeats; r++) coefficient[i * repeats + r] = weights[i] * picks[splitOf[i] * repeats + r];
    }
    const curve = hits.map((runsAtSize) => {
      let sum = 0;
      for (let r = 0; r < repeats; r++) {
        const flags = runsAtSize[r];
        for (let i = 0; i < n; i++) if (flags[i]) sum += coefficient[i * repeats + r];
      }
      return sum / (repeats * total);
    });
    return [right / total, ...curve];
  };
  const [aim, ...mean] = accuracy(new Float64Array(n).fill(1), new Int32Array(splits * repeats).fill(1));
  const point = crossingRows(sizes, mean, aim);
  const random = seededRandom(hashCombine(seed, BOOTSTRAP_SALT));
  const crossings = new Float64Array(REPLICATES);
  const bands = sizes.map(() => new Float64Array(REPLICATES));
  for (let b = 0; b < REPLICATES; b++) {
    const weights = Float64Array.from({ length: n }, () => poisson(1, random));
    const picks = new Int32Array(splits * repeats);
    for (let s = 0; s < splits; s++) for (let r = 0; r < repeats; r++) picks[s * repeats + Math.floor(random() * repeats)]++;
    const [goal, ...curve] = accuracy(weights, picks);
    curve.forEach((value, k) => (bands[k][b] = value));
    const crossing = crossingRows(sizes, curve, goal);
    crossings[b] = crossing.relation === 'fewerThan' ? 0 : crossing.relation === 'atLeast' ? Infinity : crossing.rows;
  }
  crossings.sort();
  const estimate = Math.round(point.rows);
  const low = Math.min(estimate, point.relation === 'fewerThan' ? 0 : Math.round(rank(crossings, 0.025)));
  const high = point.relation === 'atLeast' ? Infinity : Math.max(estimate, Math.round(rank(crossings, 0.975)));
  const curve = sizes.map((rows, k) => {
    const band = bands[k].sort();
    return { rows, accuracy: mean[k], low: rank(band, 0.025), high: rank(band, 0.975) };
  });
  return { worth: { relation: point.relation, estimate, low, high: Number.isFinite(high) ? high : null, accuracy: aim }, curve };
}

/** The value at rank round(p · (n − 1)) of sorted values: no interpolation, which Infinity would turn into NaN. */
function rank(sorted: Float64Array, p: number): number {
  return sorted[Math.round(p * (sorted.length - 1))];
}
