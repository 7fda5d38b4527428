import { HashedTfidf, type HashedTfidfState } from '../embed/hashedTfidf';
import type { SparseVector } from '../embed/types';
import type { CancellationToken } from '../host';
import { trainDetector, type DetectorResult } from './detector';
import { exportDetectorState, scoreDetectorState, type DetectorState } from './detectorModel';

/**
 * Everything the detector needs as plain data (strings, typed arrays), so it can run on another thread while
 * the caller goes on with the similarity analyses: rows are the reference rows, then the dataset's.
 */
export interface DetectorJob {
  readonly texts: readonly string[];
  readonly isSynthetic: Uint8Array;
  /** texts.length × denseDim feature values. */
  readonly dense: Float32Array;
  readonly denseDim: number;
  /** The TF-IDF behind the sparse part (rare grams dropped). */
  readonly tfidf: HashedTfidfState;
  readonly folds: number;
  readonly seed: number;
  readonly c: readonly number[];
  readonly maxTrainPerClass: number;
  readonly prior?: Float64Array;
  readonly groups?: Int32Array;
}

/** A trained detector as plain data: what crosses back from the thread that ran the job. */
export interface DetectorJobResult {
  readonly scores: Float64Array;
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly model: DetectorState;
  readonly denseClip: number;
  readonly trainedOn: { readonly real: number; readonly synthetic: number };
  readonly c: number;
}

/** Runs a detector job, here or elsewhere; `analyze` runs it in place unless a caller injects another runner. */
export type DetectorRunner = (job: DetectorJob, token?: CancellationToken) => Promise<DetectorJobResult>;

/**
 * Trains and scores the detector of a job. Pure: the same job gives the same result on any thread.
 *
 * @example const result = runDetectorJob(job); detectorFromJob(result).auc
 */
export function runDetectorJob(job: DetectorJob, token?: CancellationToken): DetectorJobResult {
  const tfidf = HashedTfidf.fromState(job.tfidf);
  const detector = trainDetector(
    {
      count: job.texts.length,
      isSynthetic: job.isSynthetic,
      dense: job.dense,
      denseDim: job.denseDim,
      sparse: (row) => tfidf.vectorView(job.texts[row]),
      sparseDim: tfidf.buckets,
    },
    {
      folds: job.folds,
      seed: job.seed,
      c: job.c,
      maxTrainPerClass: job.maxTrainPerClass,
      token,
      ...(job.prior ? { prior: job.prior } : {}),
      ...(job.groups ? { groups: job.groups } : {}),
    },
  );
  const { scores, auc, aucLow, aucHigh, denseClip, trainedOn, c } = detector;
  return { scores, auc, aucLow, aucHigh, model: exportDetectorState(detector), denseClip, trainedOn, c };
}

/** The detector a job result describes, scoring new rows with the same arithmetic (detectorModel.ts). */
export function detectorFromJob(result: DetectorJobResult): DetectorResult {
  const { model } = result;
  return {
    scores: result.scores,
    auc: result.auc,
    aucLow: result.aucLow,
    aucHigh: result.aucHigh,
    denseWeights: model.denseWeights,
    denseMean: model.denseMean,
    denseStd: model.denseStd,
    denseClip: result.denseClip,
    sparseWeights: model.sparseWeights,
    bias: model.bias,
    trainedOn: result.trainedOn,
    c: result.c,
    score: (dense: Float32Array, offset: number, sparse?: SparseVector, prior?: number) => scoreDetectorState(model, dense, offset, sparse, prior),
  };
}

/** The runner `analyze` uses when none is injected: the job, in place. */
export const runDetectorHere: DetectorRunner = (job, token) => {
  try {
    return Promise.resolve(runDetectorJob(job, token));
  } catch (error) {
    return Promise.reject(error);
  }
};
