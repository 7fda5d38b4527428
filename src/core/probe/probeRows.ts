import type { HashedTfidf } from '../embed/hashedTfidf';
import type { SparseRows } from '../gap/logisticRows';
import { throwIfCancelled, type CancellationToken } from '../host';

/** Every row the probe learns from or is tested on: hashed TF-IDF, raw stylometric features, a class. */
export interface ProbeRows {
  readonly count: number;
  readonly sparse: SparseRows;
  readonly sparseDim: number;
  /** count × denseDim raw feature values (the classifier standardizes them). */
  readonly dense: Float32Array;
  readonly denseDim: number;
  /** Class index per row; -1 for a row without a known label. */
  readonly labels: Int32Array;
  readonly classes: number;
}

/** The texts' TF-IDF vectors in compressed-row form, in order. */
export function sparseRows(texts: readonly string[], tfidf: HashedTfidf, token?: CancellationToken): SparseRows {
  const offsets = new Float64Array(texts.length + 1);
  let indices = new Uint32Array(1 << 16);
  let values = new Float32Array(1 << 16);
  let size = 0;
  for (let r = 0; r < texts.length; r++) {
    if ((r & 4095) === 0) throwIfCancelled(token);
    const vector = tfidf.vectorView(texts[r]);
    const need = size + vector.indices.length;
    if (need > indices.length) {
      const capacity = Math.max(need, 2 * indices.length);
      const grownIndices = new Uint32Array(capacity);
      grownIndices.set(indices.subarray(0, size));
      const grownValues = new Float32Array(capacity);
      grownValues.set(values.subarray(0, size));
      indices = grownIndices;
      values = grownValues;
    }
    indices.set(vector.indices, size);
    values.set(vector.values, size);
    size = need;
    offsets[r + 1] = size;
  }
  return { offsets, indices: indices.slice(0, size), values: values.slice(0, size) };
}
