/**
 * Mean and sample variance by Welford's method, stable for large inputs.
 * Empty input gives `{ count: 0, mean: NaN, variance: NaN }`; one value gives variance 0.
 *
 * @example meanVariance([1, 2, 3, 4]) // { count: 4, mean: 2.5, variance: 1.6666666666666667 }
 */
export interface MeanVariance {
  readonly count: number;
  readonly mean: number;
  readonly variance: number;
}

export function meanVariance(values: ArrayLike<number>): MeanVariance {
  const n = values.length;
  if (n === 0) return { count: 0, mean: NaN, variance: NaN };
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  return { count: n, mean, variance: n > 1 ? m2 / (n - 1) : 0 };
}

/** Arithmetic mean; NaN for empty input. */
export function mean(values: ArrayLike<number>): number {
  return meanVariance(values).mean;
}
