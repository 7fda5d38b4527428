import type { CancellationToken } from '../host';

/**
 * Turns texts into fixed-length vectors. Vectors are L2-normalized, so a dot product is a cosine similarity.
 * The built-in hashed embedding implements it here; model-backed embedders live in src/embedders.
 */
export interface Embedder {
  /** Names the model, e.g. `hashed-tfidf-256` or `model2vec:potion-base-8M`; printed in reports. */
  readonly id: string;
  readonly dimension: number;
  /**
   * Cosines at which this embedding calls two texts the same text reworded (`duplicate`) and a synthetic row a
   * copy of a real one (`leak`): `select` uses them when no threshold is given. Cosines are not comparable
   * across embeddings (reworded texts score about 0.9 on hashed character grams, lower on a semantic model),
   * so each embedding states its own; absent, {@link HASHED_NEAR_COPY} applies.
   */
  readonly nearCopy?: NearCopyThresholds;
  embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]>;
}

export interface NearCopyThresholds {
  readonly duplicate: number;
  readonly leak: number;
  /**
   * For an embedding that sees meaning: the cosine at which a row restates another row's request in other words.
   * The report's near-duplicate groups then gather paraphrases (gap/diversity.ts). Absent for embeddings that
   * compare spelling (the hashed one), whose reports say paraphrases are not detected.
   */
  readonly paraphrase?: number;
}

/** The thresholds of the built-in hashed embedding, the ones `check` reports with. */
export const HASHED_NEAR_COPY: NearCopyThresholds = { duplicate: 0.9, leak: 0.95 };

/** A sparse vector with strictly increasing indices. */
export interface SparseVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}
