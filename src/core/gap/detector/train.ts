import type { SparseVector } from '../../embed/types';
import { throwIfCancelled } from '../../host';
import { bootstrapAuc } from '../../stats/bootstrap';
import { hashCombine } from '../../stats/hash';
import { planFolds, type FoldPlan } from './plan';
import { auc } from '../../stats/auc';
import { aucNullStd, widenInterval } from '../../stats/aucNull';
import { seededRandom, shuffleInPlace } from '../../stats/random';
import { meanVariance } from '../../stats/summary';
import { chooseC } from './select';
import { scoreRows } from './score';
import type { Scaler, TrainingRows } from './rows';
import type { FoldModel } from './model';
import * as detectorModel from './model';
import * as detectorRows from './rows';
import { trainLogistic } from '../logistic';
import * as logisticRows from '../logisticRows';
import type { DetectorInput, DetectorOptions, DetectorResult } from './types';

// Local bindings: unbundled (tests, tsx), each imported call in the per-row loop would go through a getter.
const { DENSE_CLIP, checkVector, fitScaler, trainingRows } = detectorRows;
const { sigmoid } = logisticRows;
const { averageModels, denseLogit, foldModel, sparseDot } = detectorModel;

const SCORE_CHUNK = 65536;

/**
 * The real-vs-synthetic detector: L2-regularized logistic regression on standardized dense features plus an
 * optional sparse part, cross-fitted over k folds so that every row gets an out-of-fold score. Both classes
 * count equally whatever their sizes. Training uses at most `maxTrainPerClass` rows per class; the other rows
 * are spread over the folds by a seeded hash and scored by that fold's model with the same arithmetic as
 * held-out training rows, so all scores share one calibration. The AUC and its 95% interval come from the
 * scores by a stratified bootstrap. With fewer than two rows in a class nothing is learned: every score is 0.5.
 *
 * @example const d = trainDetector({ count, isSynthetic, dense, denseDim: 3, sparseDim: 0 }); d.auc
 */
export function trainDetector(input: DetectorInput, options: DetectorOptions = {}): DetectorResult {
  const { count, isSynthetic, dense, denseDim } = input;
  if (isSynthetic.length < count || dense.length < count * denseDim) throw new RangeError('isSynthetic or dense is shorter than count rows');
  const seed = (options.seed ?? 0) >>> 0;
  if ((options.groups && options.groups.length < count) || (options.prior && options.prior.length < count)) throw new RangeError('groups or prior is shorter than count rows');
  const plan = planFolds(isSynthetic, count, options.folds ?? 5, options.maxTrainPerClass ?? 50_000, seed, options.groups);
  const scaler = fitScaler(dense, denseDim, plan.trainRows, isSynthetic);
  const sparseDim = input.sparse && input.sparseDim > 0 ? input.sparseDim : 0;
  const candidates = typeof options.c === 'number' ? [options.c] : options.c ?? [1];
  if (plan.folds === 0) {
    const none: FoldModel = { dense: new Float64Array(denseDim), bias: 0, sparse: new Float32Array(sparseDim), compact: new Float32Array(0) };
    const flat = new Float64Array(count).fill(0.5);
    if (options.prior) for (let row = 0; row < count; row++) flat[row] = sigmoid(options.prior[row]);
    return result(flat, isSynthetic, none, scaler, plan.trainedOn, seed, candidates[0]);
  }
  const { c } = chooseC(input, plan, scaler, candidates, seed, options.groups, options.token);
  const fitted = crossFit(input, plan, scaler, c, seed, options);
  const spread = plan.trainRows.length < PERMUTE_BELOW_ROWS && plan.trainRows.length === count ? permutationSpread(input, plan, scaler, c, seed, options, fitted.prepared) : undefined;
  return result(fitted.scores, isSynthetic, averageModels(fitted.models), scaler, plan.trainedOn, seed, c, spread);
}

/**
 * One cross-fit: a model per fold, and every row scored by the model of its fold (the prior added). `prepared`:
 * the plan's training rows, already built (the shuffles of permutationSpread reuse them with other labels).
 */
function crossFit(
  input: DetectorInput,
  plan: FoldPlan,
  scaler: Scaler,
  c: number,
  seed: number,
  options: DetectorOptions,
  prepared: TrainingRows = trainingRows(input, plan.trainRows, scaler, options.token),
): { scores: Float64Array; models: FoldModel[]; prepared: TrainingRows } {
  const { count, denseDim } = input;
  const sparseDim = input.sparse && input.sparseDim > 0 ? input.sparseDim : 0;
  const k = plan.folds;
  const chunks = Math.ceil(count / SCORE_CHUNK);
  const progress = (done: number) => options.onProgress?.(done, k + chunks);
  const { rows, columns } = prepared;
  const models: FoldModel[] = [];
  for (let fold = 0; fold < k; fold++) {
    throwIfCancelled(options.token);
    const subset = foldSubset(plan.trainRows, plan.foldOf, fold);
    const fit = trainLogistic(rows, subset, { c, seed: hashCombine(seed, fold + 1), token: options.token });
    models.push(foldModel(fit.weights, columns, sparseDim, denseDim));
    progress(fold + 1);
  }

  const position = new Int32Array(count).fill(-1);
  for (let q = 0; q < plan.trainRows.length; q++) position[plan.trainRows[q]] = q;
  const scores = scoreRows(
    { ...input, prior: options.prior, foldOf: plan.foldOf, position, trained: rows.sparse, scaler, sparseDim, token: options.token, onRows: (done) => progress(k + done / SCORE_CHUNK), every: SCORE_CHUNK },
    models,
  );
  progress(k + chunks);
  return { scores, models, prepared };
}

/**
 * Below this many training rows (both classes) the AUC's interval is widened by how far the out-of-fold AUC
 * spreads when the sides are shuffled. Rows come in near-copies (a paraphrase and its siblings, users asking
 * alike), and where such rows fall moves a learned scorer's AUC more than the row bootstrap sees: measured on
 * 30 seeded pairs of 200-row random halves of three files of the development data, the AUC's spread was
 * 0.035-0.044 against 0.029 for a scorer that knows nothing, and the bootstrap interval missed 0.5 in 7-23% of
 * pairs (3-17% widened). Larger sets are narrow enough that chance stays under an AUC of 0.55 (at 800 rows a
 * side the spread was 0.021-0.024, so the bootstrap interval still misses 0.5 in 20-30% of such pairs: it is
 * too narrow on data with near-copies, said in the README), and shuffling costs a cross-fit each time: 20
 * of them triple the time of a 500-row-a-side check.
 */
const PERMUTE_BELOW_ROWS = 1_000;
/** Shuffles behind that spread: its estimate is then good to about 15%, at 20 small cross-fits. */
const PERMUTATIONS = 20;

/**
 * The design effect of cross-fitting on these rows: the standard deviation of the out-of-fold AUC over
 * {@link PERMUTATIONS} seeded shuffles of which rows are synthetic (the null of two random halves, with this
 * data's near-copies), divided by that of a scorer that knows nothing ({@link aucNullStd}).
 */
function permutationSpread(input: DetectorInput, plan: FoldPlan, scaler: Scaler, c: number, seed: number, options: DetectorOptions, prepared: TrainingRows): number {
  const { count } = input;
  // Every row is a training row here (the caller checks), so each shuffle's plan trains on the same rows, in the
  // same order, and only their labels change.
  const trained = plan.trainRows;
  const labels = prepared.rows.labels;
  const random = seededRandom(hashCombine(seed, 0x9e71));
  const aucs: number[] = [];
  let positives = 0;
  for (const label of labels) positives += label;
  for (let p = 0; p < PERMUTATIONS; p++) {
    throwIfCancelled(options.token);
    const shuffled = shuffleInPlace(labels.slice(), random);
    const isSynthetic = new Uint8Array(count);
    trained.forEach((row, q) => (isSynthetic[row] = shuffled[q]));
    const permutedPlan = planFolds(isSynthetic, count, plan.folds, trained.length, hashCombine(seed, p + 1), options.groups);
    const relabelled: TrainingRows = { rows: { ...prepared.rows, labels: shuffled }, columns: prepared.columns };
    const { scores } = crossFit({ ...input, isSynthetic }, permutedPlan, scaler, c, hashCombine(seed, p + 1), { ...options, prior: undefined, onProgress: undefined }, relabelled);
    aucs.push(auc(Float64Array.from(trained, (row) => scores[row]), shuffled));
  }
  return Math.sqrt(meanVariance(aucs).variance) / aucNullStd(positives, trained.length - positives);
}

/** Positions (in `trainRows`) of the training rows outside `fold`. */
function foldSubset(trainRows: Uint32Array, foldOf: Uint8Array, fold: number): Uint32Array {
  let size = 0;
  for (let p = 0; p < trainRows.length; p++) if (foldOf[trainRows[p]] !== fold) size++;
  const subset = new Uint32Array(size);
  size = 0;
  for (let p = 0; p < trainRows.length; p++) if (foldOf[trainRows[p]] !== fold) subset[size++] = p;
  return subset;
}

function result(
  scores: Float64Array,
  isSynthetic: Uint8Array,
  model: FoldModel,
  scaler: Scaler,
  trainedOn: { real: number; synthetic: number },
  seed: number,
  c: number,
  spread?: number,
): DetectorResult {
  const bootstrap = bootstrapAuc(scores, isSynthetic.subarray(0, scores.length), { seed });
  const interval = spread === undefined ? bootstrap : widenInterval(bootstrap, spread);
  const sparseDim = model.sparse.length;
  return {
    scores,
    auc: interval.auc,
    aucLow: interval.low,
    aucHigh: interval.high,
    denseWeights: model.dense,
    denseMean: scaler.mean,
    denseStd: scaler.std,
    denseClip: DENSE_CLIP,
    sparseWeights: sparseDim > 0 ? model.sparse : undefined,
    bias: model.bias,
    trainedOn,
    c,
    score(rowDense: Float32Array, offset: number, sparse?: SparseVector, prior = 0): number {
      let logit = denseLogit(model, scaler, rowDense, offset) + prior;
      if (sparse && sparseDim > 0) {
        checkVector(sparse, sparseDim);
        logit += sparseDot(model.sparse, sparse.indices, sparse.values, 0, sparse.indices.length);
      }
      return sigmoid(logit);
    },
  };
}
