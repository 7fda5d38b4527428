import type { FeatureDef } from '../features/types';
import type { Distribution, FeatureGap } from '../report/types';
import { cohensH, standardizedMeanDifference } from '../stats/effectSize';
import { histogramShares, sharedBins } from '../stats/histogram';
import { ksDistance } from '../stats/ks';
import { twoProportionZTest } from '../stats/proportionTest';
import { quantileSorted } from '../stats/quantile';
import { mean } from '../stats/summary';
import { welchTTest } from '../stats/welch';

/**
 * A gap (|standardized mean difference| or |Cohen's h|) under this is negligible, by Cohen's convention (0.2 is
 * the smallest effect he calls small). When every feature is under it and the detector still tells the sides
 * apart, they differ in what they say, not in how; the terminal summary lists only gaps at least this large.
 */
export const NEGLIGIBLE_EFFECT = 0.2;

/** Puts a feature's gap in words; gets both sides' values sorted ascending. */
export type DescribeGap = (def: FeatureDef, realSorted: Float64Array, syntheticSorted: Float64Array) => string;

/**
 * One FeatureGap per feature, largest first. `real` and `synthetic` are row-major matrices (rows × `dim`) whose
 * column j holds feature `defs[j]`; NaN values (a feature undefined for a row) are left out of that column.
 * Numeric features: effect = standardized mean difference (synthetic minus real), size = |effect|, Welch
 * t-test p-value, histograms on 20 shared bins (integer-aware when every value is whole). Binary features
 * (value ≠ 0 means yes): effect = difference in proportions, size = |Cohen's h|, two-proportion z-test.
 * KS distance either way (for binary features that is the difference in proportions). A side with no values
 * gives effect 0, size 0, KS 0, p-value 1, and zero shares, mean and median.
 *
 * @example featureGaps(defs, real, synthetic, defs.length, describe)[0] // { feature: 'words', effect: 1.4, size: 1.4, … }
 */
export function featureGaps(defs: readonly FeatureDef[], real: Float32Array, synthetic: Float32Array, dim: number, describe: DescribeGap): FeatureGap[] {
  const gaps = defs.map((def, j) => {
    const r = column(real, dim, j);
    const s = column(synthetic, dim, j);
    return { gap: def.kind === 'binary' ? binaryGap(def, r, s, describe) : numericGap(def, r, s, describe), order: j };
  });
  return gaps.sort((a, b) => b.gap.size - a.gap.size || a.order - b.order).map((g) => g.gap);
}

/** Column j of a row-major matrix, NaN dropped, sorted ascending. */
function column(matrix: Float32Array, dim: number, j: number): Float64Array {
  const rows = dim > 0 ? Math.floor(matrix.length / dim) : 0;
  const out = new Float64Array(rows);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const v = matrix[i * dim + j];
    if (!Number.isNaN(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

function numericGap(def: FeatureDef, r: Float64Array, s: Float64Array, describe: DescribeGap): FeatureGap {
  const effect = standardizedMeanDifference(r, s);
  const edges = sharedBins(r, s, { integer: allWhole(r) && allWhole(s) });
  const distribution = (v: Float64Array): Distribution => ({ edges, shares: histogramShares(v, edges), mean: v.length ? mean(v) : 0, median: v.length ? quantileSorted(v, 0.5) : 0 });
  const ks = ksDistance(r, s);
  return {
    feature: def.id,
    name: def.name,
    kind: 'numeric',
    effect,
    size: Math.abs(effect),
    ks,
    pValue: welchTTest(r, s).pValue,
    sentence: describe(def, r, s),
    real: distribution(r),
    synthetic: distribution(s),
  };
}

function binaryGap(def: FeatureDef, r: Float64Array, s: Float64Array, describe: DescribeGap): FeatureGap {
  const yesR = countYes(r);
  const yesS = countYes(s);
  const empty = r.length === 0 || s.length === 0;
  const pR = r.length ? yesR / r.length : 0;
  const pS = s.length ? yesS / s.length : 0;
  const distribution = (yes: number, n: number): Distribution => {
    const p = n ? yes / n : 0;
    // The median of yes/no values: yes when more than half say yes (a tie counts as half).
    return { edges: [], shares: n ? [1 - p, p] : [0, 0], mean: p, median: p > 0.5 ? 1 : p === 0.5 ? 0.5 : 0 };
  };
  return {
    feature: def.id,
    name: def.name,
    kind: 'binary',
    effect: empty ? 0 : pS - pR,
    size: empty ? 0 : Math.abs(cohensH(pS, pR)),
    ks: empty ? 0 : Math.abs(pS - pR),
    pValue: twoProportionZTest(yesR, r.length, yesS, s.length).pValue,
    sentence: describe(def, r, s),
    real: distribution(yesR, r.length),
    synthetic: distribution(yesS, s.length),
  };
}

function countYes(values: Float64Array): number {
  let yes = 0;
  for (const v of values) if (v !== 0) yes++;
  return yes;
}

function allWhole(values: Float64Array): boolean {
  for (const v of values) if (!Number.isInteger(v)) return false;
  return true;
}
