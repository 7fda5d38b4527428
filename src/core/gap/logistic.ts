import type { CancellationToken } from '../host';
import { throwIfCancelled } from '../host';
import { seededRandom, shuffleInPlace } from '../stats/random';
import type { LogisticRows } from './logisticRows';
import * as logisticRows from './logisticRows';

// Local bindings: unbundled (tests, tsx), each imported call in the inner loop would go through a getter.
const { rowAdd, rowDot, rowNormSquared } = logisticRows;

export interface LogisticOptions {
  /**
   * Inverse regularization strength, as in LIBLINEAR and scikit-learn; default 1, their default. With
   * L2-normalized sparse rows and standardized dense features this is a mild penalty that still keeps
   * weights finite on separable, high-dimensional data.
   */
  readonly c?: number;
  /** Stop when the largest dual projected gradient is below this; default 0.1 (LIBLINEAR's default). */
  readonly tolerance?: number;
  /** Upper bound on passes over the rows; default 30. */
  readonly maxEpochs?: number;
  /** Seeds the visiting order; default 0. */
  readonly seed?: number;
  readonly token?: CancellationToken;
}

export interface LogisticModel {
  /** All weights, laid out as [sparse, dense, bias]; the fields below are views of it. */
  readonly weights: Float64Array;
  readonly dense: Float64Array;
  readonly sparse: Float64Array;
  readonly bias: number;
  readonly epochs: number;
  readonly converged: boolean;
}

/**
 * L2-regularized logistic regression, `min ½‖w‖² + Σᵢ Cᵢ log(1 + exp(−yᵢ w·xᵢ))` with an intercept feature
 * of value 1, trained on `rows[subset]` by dual coordinate descent (Yu, Huang & Lin 2011, LIBLINEAR `-s 7`).
 * Each step solves one row's dual variable exactly by a few scalar Newton steps, so there is no learning rate
 * to tune and a handful of passes converges on sparse, high-dimensional rows. Classes count equally:
 * `Cᵢ = C · n / (2 nᵧ)`. Deterministic for a seed. A subset missing a class gives all-zero weights.
 *
 * @example trainLogistic(rows, Uint32Array.from({ length: rows.count }, (_, i) => i)).bias
 */
export function trainLogistic(rows: LogisticRows, subset: Uint32Array, options: LogisticOptions = {}): LogisticModel {
  const labels = rows.labels;
  const w = new Float64Array(rows.sparseDim + rows.denseDim + 1);
  const n = subset.length;
  let nPositive = 0;
  for (let s = 0; s < n; s++) nPositive += labels[subset[s]];
  if (nPositive === 0 || nPositive === n) return finish(w, rows, 0, false);
  const c = options.c ?? 1;
  const upper = [(c * n) / (2 * (n - nPositive)), (c * n) / (2 * nPositive)];
  const tolerance = options.tolerance ?? 0.1;
  const maxEpochs = options.maxEpochs ?? 30;
  // alpha[2s] is row s's dual variable; alpha[2s + 1] = C - alpha[2s], kept apart for precision near C.
  const alpha = new Float64Array(2 * n);
  const squaredNorm = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const row = subset[s];
    const bound = upper[labels[row]];
    alpha[2 * s] = Math.min(0.001 * bound, 1e-8);
    alpha[2 * s + 1] = bound - alpha[2 * s];
    squaredNorm[s] = rowNormSquared(rows, row);
    rowAdd(w, rows, row, (labels[row] === 1 ? 1 : -1) * alpha[2 * s]);
  }
  const order = Uint32Array.from({ length: n }, (_, s) => s);
  const random = seededRandom(options.seed ?? 0);
  let innerTolerance = 1e-2;
  const minInnerTolerance = Math.min(1e-8, tolerance);
  let epoch = 0;
  let converged = false;
  while (epoch < maxEpochs) {
    throwIfCancelled(options.token);
    shuffleInPlace(order, random);
    let newtonSteps = 0;
    let maxGradient = 0;
    for (let t = 0; t < n; t++) {
      const s = order[t];
      const row = subset[s];
      const y = labels[row] === 1 ? 1 : -1;
      const bound = upper[labels[row]];
      const a = squaredNorm[s];
      const b = y * rowDot(w, rows, row);
      // Solve for whichever of the pair is further from its bound, for numerical stability.
      let first = 2 * s;
      let second = 2 * s + 1;
      let sign = 1;
      if (0.5 * a * (alpha[second] - alpha[first]) + b < 0) {
        first = 2 * s + 1;
        second = 2 * s;
        sign = -1;
      }
      const old = alpha[first];
      let z = old;
      if (bound - z < 0.5 * bound) z *= 0.1;
      let gradient = a * (z - old) + sign * b + Math.log(z / (bound - z));
      maxGradient = Math.max(maxGradient, Math.abs(gradient));
      let steps = 0;
      while (steps <= 100 && Math.abs(gradient) >= innerTolerance) {
        const next = z - gradient / (a + bound / (bound - z) / z);
        z = next <= 0 ? z * 0.1 : next;
        gradient = a * (z - old) + sign * b + Math.log(z / (bound - z));
        steps++;
      }
      newtonSteps += steps;
      if (steps > 0) {
        alpha[first] = z;
        alpha[second] = bound - z;
        rowAdd(w, rows, row, sign * (z - old) * y);
      }
    }
    epoch++;
    if (maxGradient < tolerance) {
      converged = true;
      break;
    }
    if (newtonSteps <= n / 10) innerTolerance = Math.max(minInnerTolerance, 0.1 * innerTolerance);
  }
  return finish(w, rows, epoch, converged);

}

function finish(w: Float64Array, rows: LogisticRows, epochs: number, converged: boolean): LogisticModel {
  const biasAt = rows.sparseDim + rows.denseDim;
  return { weights: w, sparse: w.subarray(0, rows.sparseDim), dense: w.subarray(rows.sparseDim, biasAt), bias: w[biasAt], epochs, converged };
}

