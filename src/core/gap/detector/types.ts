// The detector's data types, apart from its code, so that the modules that train, select and score import them
// without importing each other (no import cycles in src/core, test/unit/architecture/cycles.test.ts).
import type { SparseVector } from '../../embed/types';
import type { CancellationToken } from '../../host';

export interface DetectorInput {
  /** Rows: real and synthetic together. */
  readonly count: number;
  /** 1 (any non-zero) = synthetic row. */
  readonly isSynthetic: Uint8Array;
  /** count × denseDim raw feature values; the detector standardizes them with statistics of its training rows. */
  readonly dense: Float32Array;
  readonly denseDim: number;
  /**
   * A row's sparse vector, computed on demand: called once per row and used before the next call (copied
   * for training rows), so it may return views that the next call overwrites, like `HashedTfidf.vectorView`.
   */
  readonly sparse?: (row: number) => SparseVector;
  /** 0 when there is no sparse part. */
  readonly sparseDim: number;
}

export interface DetectorOptions {
  /** Cross-fitting folds; default 5. Clamped to 2..20 and to the smaller class's training rows. */
  readonly folds?: number;
  /** Default 0; the same seed gives the same scores. */
  readonly seed?: number;
  /** Training rows per class, a seeded sample beyond this; default 50,000 (more rarely moves the AUC). */
  readonly maxTrainPerClass?: number;
  /**
   * Inverse regularization strength of the logistic regression (see LogisticOptions.c); default 1. Several
   * values, ascending, are candidates: the detector chooses among them by an inner cross-validation on the
   * training rows (select.ts).
   */
  readonly c?: number | readonly number[];
  /**
   * Logits added to each row's out-of-fold score, from knowledge outside the data (markerPrior.ts); the models
   * are trained without it. The AUC and its interval are of the scores with it.
   */
  readonly prior?: Float64Array;
  /** A group id per row (plan.ts NO_GROUP for none): rows of one group share a fold (paired data). */
  readonly groups?: Int32Array;
  readonly token?: CancellationToken;
  /** Work units: one per fold trained, then one per 65,536 rows scored. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DetectorResult {
  /** Out-of-fold P(synthetic) for every row: each row is scored by one model that never saw it. */
  readonly scores: Float64Array;
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  /**
   * Averaged over folds, in standardized units: feature j adds `w_j * z_ij` to row i's logit, where
   * `z_ij = (x_ij - mean_j) / std_j` clipped to ±{@link denseClip}.
   */
  readonly denseWeights: Float64Array;
  readonly denseMean: Float64Array;
  readonly denseStd: Float64Array;
  readonly denseClip: number;
  /** Averaged over folds, length sparseDim; absent without a sparse part. */
  readonly sparseWeights?: Float32Array;
  readonly bias: number;
  readonly trainedOn: { readonly real: number; readonly synthetic: number };
  /** The inverse regularization strength the models were trained with (chosen when several were given). */
  readonly c: number;
  /** P(synthetic) of a new or edited row by the fold-averaged model (for the editor), `prior` logits added. */
  score(dense: Float32Array, offset: number, sparse?: SparseVector, prior?: number): number;
}
