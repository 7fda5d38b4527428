import { hashCombine } from '../../stats/hash';
import { sampleIndexes, seededRandom, shuffleInPlace } from '../../stats/random';

/** Which rows the detector learns from, and which fold's model scores each row. */
export interface FoldPlan {
  /** 0 when a class has fewer than two training rows: nothing can be learned. */
  readonly folds: number;
  /** Rows the models learn from, ascending. */
  readonly trainRows: Uint32Array;
  /** Every row's fold: the one model that scores it, and for a training row the one that never sees it. */
  readonly foldOf: Uint8Array;
  readonly trainedOn: { readonly real: number; readonly synthetic: number };
}

/** A row in no group: its fold is dealt as usual. */
export const NO_GROUP = -1;

/** The fold of every row in `group` among `folds`: a hash of the group with `salt`, whichever side the row is on. */
export function groupFold(group: number, folds: number, salt: number): number {
  return hashCombine(salt, group) % folds;
}

/** The most folds a plan uses; more would only add training time. */
export const MAX_FOLDS = 20;

/**
 * Plans k-fold cross-fitting. Each class contributes at most `maxTrainPerClass` rows, a seeded sample,
 * dealt round-robin into folds after a seeded shuffle, so every fold holds both classes in the same ratio.
 * Rows left out of training get their fold from a seeded hash of their index. Folds are clamped to
 * 2..{@link MAX_FOLDS} and to the smaller class's training rows.
 *
 * With `groups` (a group id per row, or {@link NO_GROUP}), every row of a group takes the fold of a seeded hash
 * of its group id, whichever side it is on: a synthetic rewrite is then never scored by a model that learned
 * from its own source row, which would make the pair look alike and the gap smaller than it is.
 */
export function planFolds(isSynthetic: Uint8Array, count: number, folds: number, maxTrainPerClass: number, seed: number, groups?: Int32Array): FoldPlan {
  const random = seededRandom(hashCombine(seed >>> 0, 0x6f1d));
  const perClass = Math.max(2, Math.floor(maxTrainPerClass));
  const byClass = [classRows(isSynthetic, count, 0), classRows(isSynthetic, count, 1)];
  const sampled = byClass.map((rows) => {
    const picks = sampleIndexes(rows.length, perClass, random);
    return Uint32Array.from(picks, (p) => rows[p]);
  });
  const smaller = Math.min(sampled[0].length, sampled[1].length);
  const k = smaller < 2 ? 0 : Math.max(2, Math.min(Math.floor(folds), MAX_FOLDS, smaller));
  const foldOf = new Uint8Array(count);
  if (k === 0) return { folds: 0, trainRows: new Uint32Array(0), foldOf, trainedOn: { real: 0, synthetic: 0 } };
  const salt = hashCombine(seed >>> 0, 0x2b7e1516);
  for (let row = 0; row < count; row++) foldOf[row] = hashCombine(salt, row) % k;
  for (const rows of sampled) {
    const dealt = shuffleInPlace(rows.slice(), random);
    for (let p = 0; p < dealt.length; p++) foldOf[dealt[p]] = p % k;
  }
  const groupSalt = hashCombine(seed >>> 0, 0x7a3d);
  if (groups) for (let row = 0; row < count; row++) if (groups[row] !== NO_GROUP) foldOf[row] = groupFold(groups[row], k, groupSalt);
  const trainRows = new Uint32Array(sampled[0].length + sampled[1].length);
  trainRows.set(sampled[0]);
  trainRows.set(sampled[1], sampled[0].length);
  trainRows.sort();
  return { folds: k, trainRows, foldOf, trainedOn: { real: sampled[0].length, synthetic: sampled[1].length } };
}

function classRows(isSynthetic: Uint8Array, count: number, label: number): Uint32Array {
  let n = 0;
  for (let row = 0; row < count; row++) if ((isSynthetic[row] !== 0 ? 1 : 0) === label) n++;
  const rows = new Uint32Array(n);
  let at = 0;
  for (let row = 0; row < count; row++) if ((isSynthetic[row] !== 0 ? 1 : 0) === label) rows[at++] = row;
  return rows;
}
