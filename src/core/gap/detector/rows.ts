import type { SparseVector } from '../../embed/types';
import type { CancellationToken } from '../../host';
import { throwIfCancelled } from '../../host';
import type { LogisticRows, SparseRows } from '../logisticRows';

/**
 * Standardized values are clipped to ±this many standard deviations: a row that far out is already scored
 * as extreme, and one absurd value (a 50,000-character row) should not swing a linear model's weights.
 */
export const DENSE_CLIP = 8;

/** Per-feature centre and scale of the dense features. */
export interface Scaler {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * Mean and standard deviation of each dense feature over the training rows, both classes weighted equally
 * (the moments of a 50/50 mixture of the two classes), so a feature that alone separates the classes still
 * has a positive spread. Non-finite values are skipped; a constant feature gets std 1 (it standardizes to 0).
 */
export function fitScaler(dense: Float32Array, denseDim: number, trainRows: Uint32Array, isSynthetic: Uint8Array): Scaler {
  const mean = new Float64Array(denseDim);
  const std = new Float64Array(denseDim).fill(1);
  for (let j = 0; j < denseDim; j++) {
    const n = [0, 0];
    const m = [0, 0];
    const m2 = [0, 0];
    for (let p = 0; p < trainRows.length; p++) {
      const row = trainRows[p];
      const x = dense[row * denseDim + j];
      if (!Number.isFinite(x)) continue;
      const c = isSynthetic[row] !== 0 ? 1 : 0;
      n[c]++;
      const delta = x - m[c];
      m[c] += delta / n[c];
      m2[c] += delta * (x - m[c]);
    }
    const present = (n[0] > 0 ? 1 : 0) + (n[1] > 0 ? 1 : 0);
    if (present === 0) continue;
    mean[j] = (m[0] + m[1]) / present;
    let variance = 0;
    for (let c = 0; c < 2; c++) if (n[c] > 0) variance += (m2[c] / n[c] + (m[c] - mean[j]) ** 2) / present;
    const spread = Math.sqrt(variance);
    if (spread > 1e-12 * Math.max(1, Math.abs(mean[j]))) std[j] = spread;
  }
  return { mean, std };
}

/** One value standardized and clipped; a non-finite value counts as the mean. */
export function standardize(x: number, mean: number, std: number): number {
  const z = (x - mean) / std;
  if (!Number.isFinite(z)) return 0;
  return z > DENSE_CLIP ? DENSE_CLIP : z < -DENSE_CLIP ? -DENSE_CLIP : z;
}

/** The training rows, and for their sparse part the original index of each compact column. */
export interface TrainingRows {
  readonly rows: LogisticRows;
  readonly columns: Uint32Array;
}

/**
 * The factor applied to standardized dense values for training, 1/sqrt(denseDim): it gives the dense block
 * the same expected squared norm as an L2-normalized sparse vector. Dual coordinate descent then converges
 * in a few epochs instead of dozens, at the price of a denseDim-fold stronger penalty on the dense weights in
 * standardized units, still small next to the loss of thousands of rows.
 */
export function denseBlockScale(denseDim: number): number {
  return 1 / Math.sqrt(Math.max(1, denseDim));
}

/**
 * The training rows as {@link LogisticRows}, in `trainRows` order: standardized dense values (times
 * {@link denseBlockScale}) and the sparse vectors, computed once here and shared by every fold (about 8 bytes per non-zero). Sparse columns are
 * renumbered densely, most frequent first: the weights then span only the columns in use, and the hot ones
 * share cache lines, which makes training several times faster than over the whole hashed space.
 */
export function trainingRows(
  input: { dense: Float32Array; denseDim: number; isSynthetic: Uint8Array; sparse?: (row: number) => SparseVector; sparseDim: number },
  trainRows: Uint32Array,
  scaler: Scaler,
  token?: CancellationToken,
): TrainingRows {
  const { denseDim } = input;
  const scale = denseBlockScale(denseDim);
  const n = trainRows.length;
  const labels = new Uint8Array(n);
  const dense = new Float32Array(n * denseDim);
  for (let p = 0; p < n; p++) {
    const row = trainRows[p];
    labels[p] = input.isSynthetic[row] !== 0 ? 1 : 0;
    for (let j = 0; j < denseDim; j++) {
      dense[p * denseDim + j] = scale * standardize(input.dense[row * denseDim + j], scaler.mean[j], scaler.std[j]);
    }
  }
  const sparseDim = input.sparse ? input.sparseDim : 0;
  const sparse = input.sparse && sparseDim > 0 ? collectSparse(input.sparse, sparseDim, trainRows, token) : undefined;
  const columns = sparse ? compactColumns(sparse.indices, sparseDim) : new Uint32Array(0);
  return { rows: { count: n, labels, dense, denseDim, sparse, sparseDim: columns.length }, columns };
}

/** Renumbers `indices` in place, most frequent column first; returns each new column's original index. */
function compactColumns(indices: Uint32Array, dim: number): Uint32Array {
  const frequency = new Uint32Array(dim);
  for (let k = 0; k < indices.length; k++) frequency[indices[k]]++;
  let used = 0;
  for (let j = 0; j < dim; j++) if (frequency[j] > 0) used++;
  // One numeric sort on (frequency, reversed index) keys: descending frequency, ties by ascending index.
  const keys = new Float64Array(used);
  used = 0;
  for (let j = 0; j < dim; j++) if (frequency[j] > 0) keys[used++] = frequency[j] * 2 ** 25 + (2 ** 25 - 1 - j);
  keys.sort().reverse();
  const columns = new Uint32Array(used);
  const renumber = frequency; // reused: original index -> new index
  for (let c = 0; c < used; c++) {
    columns[c] = 2 ** 25 - 1 - (keys[c] % 2 ** 25);
    renumber[columns[c]] = c;
  }
  for (let k = 0; k < indices.length; k++) indices[k] = renumber[indices[k]];
  return columns;
}

function collectSparse(vectorOf: (row: number) => SparseVector, dim: number, trainRows: Uint32Array, token?: CancellationToken): SparseRows {
  const offsets = new Float64Array(trainRows.length + 1);
  let indices = new Uint32Array(1 << 16);
  let values = new Float32Array(1 << 16);
  let size = 0;
  for (let p = 0; p < trainRows.length; p++) {
    if ((p & 4095) === 0) throwIfCancelled(token);
    const vector = vectorOf(trainRows[p]);
    checkVector(vector, dim);
    const need = size + vector.indices.length;
    if (need > indices.length) {
      const capacity = Math.max(need, indices.length * 2);
      indices = grow(indices, new Uint32Array(capacity), size);
      values = grow(values, new Float32Array(capacity), size);
    }
    indices.set(vector.indices, size);
    values.set(vector.values, size);
    size = need;
    offsets[p + 1] = size;
  }
  return { offsets, indices: indices.slice(0, size), values: values.slice(0, size) };
}

function grow<T extends Uint32Array | Float32Array>(from: T, to: T, size: number): T {
  to.set(from.subarray(0, size));
  return to;
}

/** Guards the weights array: an index past the declared dimension is a caller's bug. */
export function checkVector(vector: SparseVector, dim: number): void {
  const last = vector.indices.length - 1;
  if (last >= 0 && vector.indices[last] >= dim) {
    throw new RangeError(`sparse index ${vector.indices[last]} is outside sparseDim ${dim}`);
  }
}
