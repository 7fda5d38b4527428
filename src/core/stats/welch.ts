import { studentTTwoSidedP } from './studentT';
import { meanVariance } from './summary';

export interface WelchResult {
  /** (mean_s - mean_r) / sqrt(var_s/n_s + var_r/n_r). */
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  readonly pValue: number;
}

/**
 * Welch's unequal-variance t-test of `synthetic` against `real`, two-sided. With fewer than two values on
 * a side there is no variance to test with: `{ t: 0, df: 0, pValue: 1 }`. When both sides are constant the
 * p-value is 1 if the constants are equal and 0 if not.
 *
 * @example welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]) // { t: 1.8973…, df: 5.882…, pValue: 0.1075… }
 */
export function welchTTest(real: ArrayLike<number>, synthetic: ArrayLike<number>): WelchResult {
  const r = meanVariance(real);
  const s = meanVariance(synthetic);
  if (r.count < 2 || s.count < 2) return { t: 0, df: 0, pValue: 1 };
  const vr = r.variance / r.count;
  const vs = s.variance / s.count;
  const se = Math.sqrt(vr + vs);
  const diff = s.mean - r.mean;
  if (se === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: r.count + s.count - 2, pValue: diff === 0 ? 1 : 0 };
  const t = diff / se;
  const df = ((vr + vs) * (vr + vs)) / ((vr * vr) / (r.count - 1) + (vs * vs) / (s.count - 1));
  return { t, df, pValue: studentTTwoSidedP(t, df) };
}
