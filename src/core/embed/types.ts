import type { CancellationToken } from '../host';

/**
 * Turns texts into fixed-length vectors. Vectors are L2-normalized, so a dot product is a cosine similarity.
 * The built-in hashed embedding implements it here; model-backed embedders live in src/embedders.
 */
export interface Embedder {
  /** Names the model, e.g. `hashed-tfidf-256` or `model2vec:potion-base-8M`; printed in reports. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]>;
}

/** A sparse vector with strictly increasing indices. */
export interface SparseVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}
