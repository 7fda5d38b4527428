/**
 * An upper confidence bound on the p-quantile of the population that sorted values (ascending) were drawn from:
 * the order statistic at rank `n·p + z·sqrt(n·p·(1−p))` (the binomial count of values below the true quantile,
 * by its normal approximation), rounded up and capped at the largest value. A threshold set there is exceeded
 * by at most a share 1 − p of new draws from the same population with confidence about Φ(z), where the plain
 * quantile is exceeded by more than 1 − p half the time; the bound tightens to the plain quantile as n grows.
 * NaN for empty input.
 *
 * @example quantileUpperBound(Array.from({ length: 200 }, (_, i) => i), 0.95) // 195, where the 0.95-quantile is 189.05
 */
export function quantileUpperBound(sorted: ArrayLike<number>, p: number, z = 1.645): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const q = Math.min(1, Math.max(0, p));
  const rank = Math.ceil(n * q + z * Math.sqrt(n * q * (1 - q)));
  return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
}
