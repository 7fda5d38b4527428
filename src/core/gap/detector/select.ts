import type { CancellationToken } from '../../host';
import { throwIfCancelled } from '../../host';
import { auc } from '../../stats/auc';
import { hashCombine } from '../../stats/hash';
import { sampleIndexes, seededRandom, shuffleInPlace } from '../../stats/random';
import type { FoldPlan } from './plan';
import { groupFold, NO_GROUP } from './plan';
import type { DetectorInput } from './types';
import type { Scaler } from './rows';
import { trainingRows } from './rows';
import { trainLogistic } from '../logistic';
import { rowDot } from '../logisticRows';

/**
 * Rows per class the choice of C rests on. The AUCs being compared then have a standard error of about 0.01,
 * enough to tell apart C values a factor of four apart (they differ by 0.01-0.06 on the development data),
 * at a cost of a tenth of training the detector itself on 20,000 rows a side.
 */
const SELECT_ROWS_PER_CLASS = 2_000;
const INNER_FOLDS = 3;
/**
 * A larger C must beat the smaller one by more than this AUC to be chosen: within the selection's own noise
 * the stronger penalty is the safer choice (it learns less from chance differences between two samples).
 */
const TOLERANCE = 0.003;

/**
 * Chooses the inverse regularization strength from the data: an inner {@link INNER_FOLDS}-fold cross-validation
 * over a seeded sample of the rows that outer fold 0's model trains on (so that fold's held-out rows play no
 * part), comparing the out-of-fold AUC of each candidate. Returns the smallest C within {@link TOLERANCE} of the
 * best. With one candidate, or too few rows to split, returns the first candidate.
 */
export function chooseC(
  input: DetectorInput,
  plan: FoldPlan,
  scaler: Scaler,
  candidates: readonly number[],
  seed: number,
  groups?: Int32Array,
  token?: CancellationToken,
): { c: number; aucs: number[] } {
  if (candidates.length <= 1) return { c: candidates[0] ?? 1, aucs: [] };
  const random = seededRandom(hashCombine(seed, 0x5e1ec7));
  const byClass: number[][] = [[], []];
  for (const row of plan.trainRows) if (plan.foldOf[row] !== 0) byClass[input.isSynthetic[row] !== 0 ? 1 : 0].push(row);
  if (Math.min(byClass[0].length, byClass[1].length) < 2 * INNER_FOLDS) return { c: candidates[0], aucs: [] };
  const picked = byClass.map((rows) => Array.from(sampleIndexes(rows.length, SELECT_ROWS_PER_CLASS, random), (p) => rows[p]));
  const rowsSorted = Uint32Array.from([...picked[0], ...picked[1]]).sort();
  const { rows } = trainingRows(input, rowsSorted, scaler, token);
  // Inner folds are dealt per class over positions in `rows`, as planFolds deals outer folds over rows.
  const inner = new Uint8Array(rowsSorted.length);
  for (const label of [0, 1]) {
    const positions = shuffleInPlace(Uint32Array.from(rowsSorted.keys()).filter((p) => rows.labels[p] === label), random);
    positions.forEach((p, order) => {
      const group = groups ? groups[rowsSorted[p]] : NO_GROUP;
      inner[p] = group === NO_GROUP ? order % INNER_FOLDS : groupFold(group, INNER_FOLDS, seed ^ 0x1a2b);
    });
  }
  const aucs: number[] = [];
  const scores = new Float64Array(rowsSorted.length);
  for (const c of candidates) {
    for (let fold = 0; fold < INNER_FOLDS; fold++) {
      throwIfCancelled(token);
      const train: number[] = [];
      for (let p = 0; p < inner.length; p++) if (inner[p] !== fold) train.push(p);
      const fit = trainLogistic(rows, Uint32Array.from(train), { c, seed: hashCombine(seed, fold + 1), token });
      for (let p = 0; p < inner.length; p++) if (inner[p] === fold) scores[p] = rowDot(fit.weights, rows, p);
    }
    aucs.push(auc(scores, rows.labels));
  }
  const best = Math.max(...aucs);
  const chosen = candidates.find((_, i) => aucs[i] >= best - TOLERANCE) ?? candidates[0];
  return { c: chosen, aucs };
}
