import { HashedTfidf, type HashedTfidfState } from '../../embed/hashedTfidf';
import type { SparseVector } from '../../embed/types';
import { throwIfCancelled, type CancellationToken } from '../../host';
import { explainRowCore, reasonContext, type CoreReasons, type ReasonBasis } from '../reasons';
import { flagPlan, isFlagged } from '../verdict';
import { trainDetector } from './train';
import type { DetectorResult } from './types';
import { exportDetectorState, scoreDetectorState, type DetectorState } from './model';

/**
 * Everything the detector needs as plain data (strings, typed arrays), so it can run on another thread while
 * the caller goes on with the similarity analyses: rows are the reference rows, then the dataset's.
 */
export interface DetectorJob {
  readonly texts: readonly string[];
  /**
   * The texts the word and character grams are read from, by row, when not `texts`: a record's fields kept apart
   * (dataset/schemas.ts gramText). Reasons still read `texts`.
   */
  readonly gramTexts?: readonly string[];
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
  /** When given, the job also finds the core reasons of the flagged dataset rows from `explain.from` on. */
  readonly explain?: ExplainRequest;
}

/** What the job needs to find reasons (reasons.ts explainRowCore) for part of the dataset's flagged rows. */
export interface ExplainRequest extends ReasonBasis {
  readonly flagQuantile: number;
  /** The first dataset row (0-based, after the reference rows) this job explains; the caller explains the ones before. */
  readonly from: number;
}

/** The core reasons of the flagged rows a job explained, by dataset row (0-based). */
export interface ExplainedRows {
  readonly rows: Int32Array;
  readonly reasons: CoreReasons[];
}

/** A job's detector, and, later, the reasons it found: the caller goes on with the detector meanwhile. */
export interface DetectorRun {
  readonly result: DetectorJobResult;
  readonly explained: Promise<ExplainedRows | undefined>;
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
export type DetectorRunner = (job: DetectorJob, token?: CancellationToken) => Promise<DetectorRun>;

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
      sparse: (row) => tfidf.vectorView((job.gramTexts ?? job.texts)[row]),
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

/** Flagged rows per chunk of reasons a thread sends back: a million rows' reasons never sit in two copies at once. */
export const EXPLAIN_CHUNK_ROWS = 16_384;

/**
 * The core reasons of the dataset rows from `job.explain.from` on that the comparison's flag plan flags (as the
 * caller's analyze decides it: verdict.ts flagPlan), in row order, handed to `onChunk` in chunks of at most
 * {@link EXPLAIN_CHUNK_ROWS} rows; nothing without an explain request. Rows the user chose to ignore are explained
 * too: the caller drops them.
 */
export function explainJobRows(job: DetectorJob, result: DetectorJobResult, onChunk: (chunk: ExplainedRows) => void, token?: CancellationToken): void {
  const request = job.explain;
  if (!request) return;
  const nRef = request.referenceRows;
  const count = job.texts.length - nRef;
  const plan = flagPlan(result.scores.subarray(0, nRef), result.scores.subarray(nRef), result.auc, result.aucLow, request.flagQuantile);
  const context = reasonContext(detectorFromJob(result), HashedTfidf.fromState(job.tfidf), request);
  let rows: number[] = [];
  let reasons: CoreReasons[] = [];
  for (let i = request.from; i < count; i++) {
    if ((i & 1023) === 0) throwIfCancelled(token);
    const row = nRef + i;
    if (!isFlagged(result.scores[row], plan.threshold, plan.rule, job.prior?.[row] ?? 0)) continue;
    rows.push(i);
    reasons.push(explainRowCore(context, job.dense, row * job.denseDim, job.texts[row]));
    if (rows.length === EXPLAIN_CHUNK_ROWS) {
      onChunk({ rows: Int32Array.from(rows), reasons });
      rows = [];
      reasons = [];
    }
  }
  if (rows.length > 0) onChunk({ rows: Int32Array.from(rows), reasons });
}

/** Chunks of explained rows as one, in the order they came. */
export function joinExplained(chunks: readonly ExplainedRows[]): ExplainedRows {
  const rows = new Int32Array(chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    rows.set(chunk.rows, at);
    at += chunk.rows.length;
  }
  return { rows, reasons: chunks.flatMap((chunk) => chunk.reasons) };
}

/** The detector a job result describes, scoring new rows with the same arithmetic (model.ts). */
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

/** The runner `analyze` uses when none is injected: the job, in place, reasons and all. */
export const runDetectorHere: DetectorRunner = (job, token) => {
  try {
    const result = runDetectorJob(job, token);
    const chunks: ExplainedRows[] = [];
    explainJobRows(job, result, (chunk) => chunks.push(chunk), token);
    return Promise.resolve({ result, explained: Promise.resolve(job.explain ? joinExplained(chunks) : undefined) });
  } catch (error) {
    return Promise.reject(error);
  }
};
