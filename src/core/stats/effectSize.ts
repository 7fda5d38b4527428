import { meanVariance } from './summary';

/**
 * Standardized mean difference (Cohen's d with a pooled standard deviation), `synthetic` minus `real`:
 * (mean_s - mean_r) / sqrt(((n_r - 1)·var_r + (n_s - 1)·var_s) / (n_r + n_s - 2)).
 * 0 when either side is empty or when the pooled standard deviation is 0 (both sides constant): a shift
 * between two constants has no scale to measure it on, and the KS distance still shows it.
 *
 * @example standardizedMeanDifference([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]) // 1.2649110640673518
 */
export function standardizedMeanDifference(real: ArrayLike<number>, synthetic: ArrayLike<number>): number {
  const r = meanVariance(real);
  const s = meanVariance(synthetic);
  if (r.count === 0 || s.count === 0) return 0;
  const dof = r.count + s.count - 2;
  const pooled = dof > 0 ? Math.sqrt(((r.count - 1) * r.variance + (s.count - 1) * s.variance) / dof) : 0;
  return pooled > 0 ? (s.mean - r.mean) / pooled : 0;
}

/**
 * Cohen's h for two proportions, 2·asin(√p_s) - 2·asin(√p_r): the arcsine transform puts differences of
 * proportions on a scale comparable with a standardized mean difference (0.2 small, 0.5 medium, 0.8 large).
 * Proportions are clamped to [0, 1]; NaN in gives NaN.
 *
 * @example cohensH(0.5, 0.2) // 0.6435011087932843 (synthetic share 0.5 against real share 0.2)
 */
export function cohensH(pSynthetic: number, pReal: number): number {
  const arc = (p: number): number => 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, p))));
  return arc(pSynthetic) - arc(pReal);
}
