import { twoSidedNormalP } from './normal';

export interface ProportionTestResult {
  /** (p_s - p_r) / sqrt(p̂(1 - p̂)(1/n_s + 1/n_r)), p̂ the pooled proportion. */
  readonly z: number;
  readonly pValue: number;
}

/**
 * Two-proportion z-test (pooled, no continuity correction; the same p-value as R's
 * `prop.test(correct = FALSE)`), two-sided. An empty side gives `{ z: 0, pValue: 1 }`; so does a pooled
 * proportion of 0 or 1 (both sides all-no or all-yes, nothing differs).
 *
 * @example twoProportionZTest(45, 100, 56, 100) // { z: 1.5557…, pValue: 0.1198… } (45/100 real, 56/100 synthetic)
 */
export function twoProportionZTest(realYes: number, realRows: number, syntheticYes: number, syntheticRows: number): ProportionTestResult {
  if (realRows <= 0 || syntheticRows <= 0) return { z: 0, pValue: 1 };
  const pooled = (realYes + syntheticYes) / (realRows + syntheticRows);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / realRows + 1 / syntheticRows));
  if (!(se > 0)) return { z: 0, pValue: 1 };
  const z = (syntheticYes / syntheticRows - realYes / realRows) / se;
  return { z, pValue: twoSidedNormalP(z) };
}
