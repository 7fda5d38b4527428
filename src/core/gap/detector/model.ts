import type { SparseVector } from '../../embed/types';
import type { DetectorResult } from './types';
import type { Scaler } from './rows';
import { sigmoid } from '../logisticRows';
import * as detectorRows from './rows';

// A local binding: unbundled (tests, tsx), an imported call per feature and row would go through a getter.
const { denseBlockScale, standardize } = detectorRows;

/**
 * One fold's model: dense weights in standardized units, the bias, and sparse weights over all columns and
 * over the compact ones. Sparse weights are scored in single precision: half the memory keeps a model in
 * cache while a million rows look it up, and both copies round the same way, so every row sees the same
 * numbers.
 */
export interface FoldModel {
  readonly dense: Float64Array;
  readonly bias: number;
  readonly sparse: Float32Array;
  readonly compact: Float32Array;
}

/** Unpacks trained weights laid out as [compact sparse, scaled dense, bias]. */
export function foldModel(weights: Float64Array, columns: Uint32Array, sparseDim: number, denseDim: number): FoldModel {
  const compact = Float32Array.from(weights.subarray(0, columns.length));
  const sparse = new Float32Array(sparseDim);
  for (let c = 0; c < columns.length; c++) sparse[columns[c]] = compact[c];
  const dense = weights.slice(columns.length, columns.length + denseDim);
  const scale = denseBlockScale(denseDim);
  for (let j = 0; j < denseDim; j++) dense[j] *= scale;
  return { dense, bias: weights[columns.length + denseDim], sparse, compact };
}

/** The fold models averaged: the model that scores new and edited rows. */
export function averageModels(models: readonly FoldModel[]): FoldModel {
  const first = models[0];
  const dense = new Float64Array(first.dense.length);
  const sparse = new Float64Array(first.sparse.length);
  let bias = 0;
  for (const model of models) {
    for (let j = 0; j < dense.length; j++) dense[j] += model.dense[j] / models.length;
    for (let j = 0; j < sparse.length; j++) sparse[j] += model.sparse[j] / models.length;
    bias += model.bias / models.length;
  }
  return { dense, bias, sparse: Float32Array.from(sparse), compact: new Float32Array(0) };
}

/** Bias plus the dense features' contributions for one raw row. */
export function denseLogit(model: FoldModel, scaler: Scaler, dense: Float32Array, offset: number): number {
  let sum = model.bias;
  for (let j = 0; j < model.dense.length; j++) sum += model.dense[j] * standardize(dense[offset + j], scaler.mean[j], scaler.std[j]);
  return sum;
}

/** w·x over a sparse vector's entries `[from, to)`. */
export function sparseDot(w: Float32Array, indices: Uint32Array, values: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += w[indices[k]] * values[k];
  return sum;
}

/** The fold-averaged detector as plain data (typed arrays): what the editor keeps to score edited rows. */
export interface DetectorState {
  readonly denseWeights: Float64Array;
  readonly denseMean: Float64Array;
  readonly denseStd: Float64Array;
  readonly bias: number;
  /** Absent without a sparse part. */
  readonly sparseWeights?: Float32Array;
}

/** A trained detector's scoring model, copied out of the result (its `score` closure cannot cross threads). */
export function exportDetectorState(result: DetectorResult): DetectorState {
  return {
    denseWeights: result.denseWeights.slice(),
    denseMean: result.denseMean.slice(),
    denseStd: result.denseStd.slice(),
    bias: result.bias,
    ...(result.sparseWeights ? { sparseWeights: result.sparseWeights.slice() } : {}),
  };
}

/**
 * P(synthetic) of one row by an exported detector, `prior` logits added: the same arithmetic as `DetectorResult.score`.
 *
 * @example scoreDetectorState(exportDetectorState(d), dense, 0, tfidf.vectorView(text)) // 0.87
 */
export function scoreDetectorState(state: DetectorState, dense: Float32Array, offset: number, sparse?: SparseVector, prior = 0): number {
  const model: FoldModel = { dense: state.denseWeights, bias: state.bias, sparse: state.sparseWeights ?? new Float32Array(0), compact: new Float32Array(0) };
  let logit = denseLogit(model, { mean: state.denseMean, std: state.denseStd }, dense, offset) + prior;
  if (sparse && state.sparseWeights) logit += sparseDot(state.sparseWeights, sparse.indices, sparse.values, 0, sparse.indices.length);
  return sigmoid(logit);
}
