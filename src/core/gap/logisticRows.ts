/** Sparse rows in compressed-row form: row r holds `indices/values[offsets[r], offsets[r + 1])`. */
export interface SparseRows {
  readonly offsets: Float64Array;
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

/** Rows to learn from: a dense block (already standardized) and an optional sparse block per row. */
export interface LogisticRows {
  readonly count: number;
  /** 1 = positive class. */
  readonly labels: Uint8Array;
  /** count × denseDim, row-major. */
  readonly dense: Float32Array;
  readonly denseDim: number;
  readonly sparse?: SparseRows;
  readonly sparseDim: number;
}

/** w·x for one row of `rows`, with `w` laid out as [sparse, dense, bias]. */
export function rowDot(w: Float64Array, rows: LogisticRows, row: number): number {
  const { dense, denseDim, sparse, sparseDim } = rows;
  let sum = w[sparseDim + denseDim];
  const base = row * denseDim;
  for (let j = 0; j < denseDim; j++) sum += w[sparseDim + j] * dense[base + j];
  if (sparse) {
    const { offsets, indices, values } = sparse;
    for (let k = offsets[row]; k < offsets[row + 1]; k++) sum += w[indices[k]] * values[k];
  }
  return sum;
}

/** w += scale · x for one row. */
export function rowAdd(w: Float64Array, rows: LogisticRows, row: number, scale: number): void {
  const { dense, denseDim, sparse, sparseDim } = rows;
  w[sparseDim + denseDim] += scale;
  const base = row * denseDim;
  for (let j = 0; j < denseDim; j++) w[sparseDim + j] += scale * dense[base + j];
  if (sparse) {
    const { offsets, indices, values } = sparse;
    for (let k = offsets[row]; k < offsets[row + 1]; k++) w[indices[k]] += scale * values[k];
  }
}

/** ‖x‖² of one row, counting the intercept feature's 1. */
export function rowNormSquared(rows: LogisticRows, row: number): number {
  const { dense, denseDim, sparse } = rows;
  let sum = 1;
  for (let j = row * denseDim; j < (row + 1) * denseDim; j++) sum += dense[j] * dense[j];
  if (sparse) {
    const { offsets, values } = sparse;
    for (let k = offsets[row]; k < offsets[row + 1]; k++) sum += values[k] * values[k];
  }
  return sum;
}

/** The logistic function, stable for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
