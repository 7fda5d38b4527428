import { computeFeatures } from '../features/compute';
import { FEATURE_COUNT } from '../features/registry';
import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';

/** Rows between cancellation checks while measuring: about a few milliseconds of work. */
const CHECK_EVERY = 4096;

/** Every text's features, row-major (`texts.length × FEATURE_COUNT`), in the order of FEATURES. */
export function featureMatrix(texts: readonly string[], dictionary: WordDictionary, token?: CancellationToken): Float32Array {
  const matrix = new Float32Array(texts.length * FEATURE_COUNT);
  for (let i = 0; i < texts.length; i++) {
    if (i % CHECK_EVERY === 0) throwIfCancelled(token);
    computeFeatures(texts[i], dictionary, matrix, i * FEATURE_COUNT);
  }
  return matrix;
}

/** Each column of a row-major matrix, sorted ascending. */
export function sortedColumns(matrix: Float32Array, dim: number): Float64Array[] {
  const rows = matrix.length / dim;
  const columns: Float64Array[] = [];
  for (let j = 0; j < dim; j++) {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = matrix[i * dim + j];
    columns.push(column.sort());
  }
  return columns;
}

/** The rows `indexes` of a row-major matrix, as a new matrix. */
export function pickRows(matrix: Float32Array, dim: number, indexes: ArrayLike<number>): Float32Array {
  const picked = new Float32Array(indexes.length * dim);
  for (let k = 0; k < indexes.length; k++) picked.set(matrix.subarray(indexes[k] * dim, indexes[k] * dim + dim), k * dim);
  return picked;
}
