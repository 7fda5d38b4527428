/**
 * Macro-averaged F1 over the classes that occur in `truth` (a class no test row has is not averaged in,
 * though predicting it still costs the true class its recall). NaN with no rows.
 *
 * @example macroF1(Int32Array.of(0, 0, 1), Int32Array.of(0, 1, 1), 2) // (2/3 + 2/3) / 2
 */
export function macroF1(truth: Int32Array, predicted: Int32Array, classes: number): number {
  const truePositive = new Float64Array(classes);
  const actual = new Float64Array(classes);
  const guessed = new Float64Array(classes);
  for (let i = 0; i < truth.length; i++) {
    actual[truth[i]]++;
    guessed[predicted[i]]++;
    if (truth[i] === predicted[i]) truePositive[truth[i]]++;
  }
  let sum = 0;
  let count = 0;
  for (let c = 0; c < classes; c++) {
    if (actual[c] === 0) continue;
    count++;
    const denominator = actual[c] + guessed[c];
    sum += denominator > 0 ? (2 * truePositive[c]) / denominator : 0;
  }
  return count > 0 ? sum / count : NaN;
}

/** Share of 1s. NaN for no values. @example share(Uint8Array.of(1, 0, 1, 1)) // 0.75 */
export function share(flags: Uint8Array): number {
  let ones = 0;
  for (const flag of flags) ones += flag;
  return flags.length > 0 ? ones / flags.length : NaN;
}

export interface PairedDifference {
  /** (mean of a − mean of b) × 100: percentage points. */
  readonly points: number;
  /** 95% interval, in points. */
  readonly low: number;
  readonly high: number;
}

/**
 * How many percentage points more often model A is right than model B on the same rows, with a 95% normal
 * interval on the paired per-row differences (each −1, 0 or 1), which is much tighter than comparing two
 * accuracies as if independent. NaN for no rows.
 *
 * @example pairedDifference(Uint8Array.of(1, 1, 1, 0), Uint8Array.of(1, 0, 1, 0)) // { points: 25, low: -24, high: 74 }
 */
export function pairedDifference(a: Uint8Array, b: Uint8Array): PairedDifference {
  const n = a.length;
  if (n === 0) return { points: NaN, low: NaN, high: NaN };
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    sum += d;
    squares += d * d;
  }
  const mean = sum / n;
  const variance = n > 1 ? (squares - n * mean * mean) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(Math.max(0, variance) / n);
  return { points: 100 * mean, low: 100 * (mean - half), high: 100 * (mean + half) };
}
