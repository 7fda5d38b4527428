/**
 * What the comparison functions (diversity, duplicates, coverage, leakage) take for one side: the texts,
 * where each came from, and the embedded subset. The field names match the rows a dataset reader returns,
 * so a side collected from DatasetRow objects fits without copying.
 */

/** Embeddings of some of a side's rows: the caller may embed only a seeded sample. */
export interface EmbeddedSample {
  /** For each vector, the index of its row in the side's `texts`; ascending, distinct. */
  readonly rows: ArrayLike<number>;
  /** L2-normalized vectors (dot product = cosine), one per entry of `rows`, all of one dimension. */
  readonly vectors: readonly Float32Array[];
}

/** Where a row stands; a DatasetRow fits. */
export interface RowPlace {
  /** 1-based line of the row in its file. */
  readonly line: number;
  readonly label?: string;
}

export interface SideRows {
  readonly texts: readonly string[];
  /** One per text. */
  readonly rows: readonly RowPlace[];
  /** File of each row, for reference sets read from several files; reports use `''` when absent. */
  readonly rowFiles?: readonly string[];
  readonly embedded: EmbeddedSample;
}

/** No embeddings: the text-only statistics still run. */
export const NOT_EMBEDDED: EmbeddedSample = { rows: new Uint32Array(0), vectors: [] };
