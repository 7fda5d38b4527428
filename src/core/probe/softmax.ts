import type { SparseRows } from '../gap/logisticRows';
import type { CancellationToken } from '../host';
import { throwIfCancelled } from '../host';
import { seededRandom, shuffleInPlace } from '../stats/random';

/** What the classifier learns from: sparse rows over `columns` columns, and a class per row (-1: none). */
export interface SoftmaxRows {
  readonly sparse: SparseRows;
  readonly columns: number;
  readonly labels: Int32Array;
  readonly classes: number;
}

export interface SoftmaxOptions {
  /** Passes over the training rows; default 4. */
  readonly epochs?: number;
  /** L2 penalty λ per step (weights shrink by `1 - step·λ`); default 1e-5. */
  readonly l2?: number;
  /** First step size; default 1, for rows of norm about 1 to 2. */
  readonly learningRate?: number;
  /** Start from this model's weights and continue its step schedule (a warm start); it is not changed. */
  readonly init?: SoftmaxModel;
  readonly seed?: number;
  readonly token?: CancellationToken;
}

/** A multinomial logistic regression: weights `(columns + 1) × stride`, the last row the intercepts. */
export interface SoftmaxModel {
  readonly classes: number;
  /** Classes padded to a multiple of {@link BLOCK}; the padding stays zero. */
  readonly stride: number;
  /** Multiply by `scale` to use (the L2 penalty shrinks `scale`, not every weight). */
  readonly weights: Float32Array;
  readonly scale: number;
  /** Passes trained, counting the warm start's. */
  readonly epochs: number;
}

/**
 * A class's gradient below this is not applied for a row. Early on that leaves only the true class, later
 * the few confusable ones, and each step then costs the row's non-zeros times a handful of classes.
 */
const ACTIVE = 1e-2;
/** Scores are summed over this many classes at once, in locals, which halves the time of the forward pass. */
const BLOCK = 8;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty, trained by SGD over `rows[subset]`: seeded
 * shuffles, step `η₀ / (1 + e)` at (fractional) epoch e, the penalty applied to a shared scale so a step
 * touches only the row's non-zeros and the classes with a gradient above {@link ACTIVE}. Rows labelled -1
 * are skipped. Deterministic for a seed; no rows give all-zero weights (every prediction is class 0).
 *
 * @example const model = trainSoftmax(rows, Uint32Array.of(0, 1, 2), { seed: 1 }); predictRows(model, rows, Uint32Array.of(3))
 */
export function trainSoftmax(rows: SoftmaxRows, subset: Uint32Array, options: SoftmaxOptions = {}): SoftmaxModel {
  const { classes, labels } = rows;
  const { offsets, indices, values } = rows.sparse;
  const stride = Math.ceil(classes / BLOCK) * BLOCK;
  const weights = options.init ? options.init.weights.slice() : new Float32Array((rows.columns + 1) * stride);
  let scale = options.init?.scale ?? 1;
  const start = options.init?.epochs ?? 0;
  const order = subset.filter((row) => labels[row] >= 0);
  const n = order.length;
  const epochs = options.epochs ?? 4;
  const l2 = options.l2 ?? 1e-5;
  const rate = options.learningRate ?? Number(process.env.SG_LR ?? 1);
  const random = seededRandom(options.seed ?? 0);
  const scores = new Float64Array(stride);
  const gradient = new Float64Array(classes);
  const active = new Int32Array(classes);
  const biasBase = rows.columns * stride;
  for (let epoch = 0; epoch < epochs && n > 0; epoch++) {
    throwIfCancelled(options.token);
    shuffleInPlace(order, random);
    for (let t = 0; t < n; t++) {
      if ((t & 1023) === 0) throwIfCancelled(options.token);
      const row = order[t];
      const step = rate / (1 + start + epoch + t / n);
      scoreRow(weights, stride, biasBase, offsets, indices, values, row, scale, scores);
      let max = -Infinity;
      for (let k = 0; k < classes; k++) if (scores[k] > max) max = scores[k];
      let sum = 0;
      for (let k = 0; k < classes; k++) {
        const e = Math.exp(scores[k] - max);
        scores[k] = e;
        sum += e;
      }
      const label = labels[row];
      let count = 0;
      for (let k = 0; k < classes; k++) {
        const g = scores[k] / sum - (k === label ? 1 : 0);
        if (g > ACTIVE || g < -ACTIVE) {
          active[count] = k;
          gradient[count++] = g;
        }
      }
      scale *= 1 - step * l2;
      const factor = step / scale;
      for (let p = offsets[row]; p < offsets[row + 1]; p++) {
        const base = indices[p] * stride;
        const v = factor * values[p];
        for (let a = 0; a < count; a++) weights[base + active[a]] -= v * gradient[a];
      }
      for (let a = 0; a < count; a++) weights[biasBase + active[a]] -= factor * gradient[a];
      if (scale < 1e-3) {
        for (let i = 0; i < weights.length; i++) weights[i] *= scale;
        scale = 1;
      }
    }
  }
  return { classes, stride, weights, scale, epochs: start + (n > 0 ? epochs : 0) };
}

/** The most likely class of each row of `which` (ties to the lower class). */
export function predictRows(model: SoftmaxModel, rows: SoftmaxRows, which: ArrayLike<number>, token?: CancellationToken): Int32Array {
  const { offsets, indices, values } = rows.sparse;
  const { stride, weights, scale, classes } = model;
  const scores = new Float64Array(stride);
  const predicted = new Int32Array(which.length);
  for (let i = 0; i < which.length; i++) {
    if ((i & 1023) === 0) throwIfCancelled(token);
    scoreRow(weights, stride, rows.columns * stride, offsets, indices, values, which[i], scale, scores);
    let best = 0;
    for (let k = 1; k < classes; k++) if (scores[k] > scores[best]) best = k;
    predicted[i] = best;
  }
  return predicted;
}

/** Class scores of one row into `out` (length `stride`), BLOCK classes at a time. */
function scoreRow(
  weights: Float32Array, stride: number, biasBase: number,
  offsets: Float64Array, indices: Uint32Array, values: Float32Array, row: number, scale: number, out: Float64Array,
): void {
  const from = offsets[row];
  const to = offsets[row + 1];
  for (let k = 0; k < stride; k += BLOCK) {
    let s0 = weights[biasBase + k];
    let s1 = weights[biasBase + k + 1];
    let s2 = weights[biasBase + k + 2];
    let s3 = weights[biasBase + k + 3];
    let s4 = weights[biasBase + k + 4];
    let s5 = weights[biasBase + k + 5];
    let s6 = weights[biasBase + k + 6];
    let s7 = weights[biasBase + k + 7];
    for (let p = from; p < to; p++) {
      const b = indices[p] * stride + k;
      const v = values[p];
      s0 += weights[b] * v;
      s1 += weights[b + 1] * v;
      s2 += weights[b + 2] * v;
      s3 += weights[b + 3] * v;
      s4 += weights[b + 4] * v;
      s5 += weights[b + 5] * v;
      s6 += weights[b + 6] * v;
      s7 += weights[b + 7] * v;
    }
    out[k] = s0 * scale;
    out[k + 1] = s1 * scale;
    out[k + 2] = s2 * scale;
    out[k + 3] = s3 * scale;
    out[k + 4] = s4 * scale;
    out[k + 5] = s5 * scale;
    out[k + 6] = s6 * scale;
    out[k + 7] = s7 * scale;
  }
}
