// Significance tests, effect sizes and the distributions behind them, checked against published values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cohensH, standardizedMeanDifference } from '../../../src/core/stats/effectSize';
import { erfc, normalCdf, twoSidedNormalP, upperNormalQuantile } from '../../../src/core/stats/normal';
import { kolmogorovSurvival, ksDistance, ksPValue } from '../../../src/core/stats/ks';
import { lnGamma, regularizedIncompleteBeta, studentTTwoSidedP } from '../../../src/core/stats/studentT';
import { twoProportionZTest } from '../../../src/core/stats/proportionTest';
import { welchTTest } from '../../../src/core/stats/welch';

const close = (actual: number, expected: number, relative = 1e-14) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} is not ${expected}`);

test('erfc matches reference values to about 1e-15 relative, tails included', () => {
  // Reference values: the C library's erfc (glibc), as printed by Python's math.erfc.
  const table: [number, number][] = [
    [0, 1],
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [1.5, 0.033894853524689274],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [10, 2.088487583762545e-45],
    [20, 5.3958656116079005e-176],
    [-1, 1.8427007929497148],
  ];
  for (const [x, expected] of table) close(erfc(x), expected, 5e-15);
});

test('erfc is 0 past underflow and NaN for NaN', () => {
  assert.equal(erfc(30), 0);
  assert.equal(erfc(-30), 2);
  assert.ok(Number.isNaN(erfc(NaN)));
});

test('normal CDF and two-sided p agree with the z table', () => {
  close(normalCdf(1.96), 0.9750021048517795);
  close(normalCdf(-1.96), 0.024997895148220435, 1e-13);
  close(twoSidedNormalP(1.959963984540054), 0.05, 1e-13);
  close(twoSidedNormalP(-2.5758293035489), 0.01, 1e-12);
  assert.equal(twoSidedNormalP(0), 1);
});

test('standardized mean difference uses the pooled standard deviation, synthetic minus real', () => {
  // Means 3 and 5, both variances 2.5: d = 2 / √2.5.
  assert.ok(Math.abs(standardizedMeanDifference([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]) - 2 / Math.sqrt(2.5)) < 1e-12);
  assert.ok(standardizedMeanDifference([3, 4, 5, 6, 7], [1, 2, 3, 4, 5]) < 0);
  // Unequal sizes: pooled variance ((3·1.6667) + (1·0.5)) / 4 with means 2.5 and 1.5.
  const d = standardizedMeanDifference([1, 2, 3, 4], [1, 2]);
  assert.ok(Math.abs(d - -1 / Math.sqrt((3 * (5 / 3) + 0.5) / 4)) < 1e-12);
});

test('standardized mean difference is 0 for constant or empty sides', () => {
  assert.equal(standardizedMeanDifference([2, 2, 2], [2, 2]), 0);
  assert.equal(standardizedMeanDifference([1, 1], [3, 3]), 0);
  assert.equal(standardizedMeanDifference([], [1, 2]), 0);
  assert.equal(standardizedMeanDifference([1], [2]), 0);
});

test("Cohen's h is the difference of arcsine-transformed proportions", () => {
  assert.ok(Math.abs(cohensH(0.5, 0.2) - 0.6435011087932843) < 1e-12);
  // φ(p) = 2·asin(√p): φ(0.65) − φ(0.5) = 1.8755 − 1.5708.
  assert.ok(Math.abs(cohensH(0.65, 0.5) - 0.3047) < 1e-4);
  assert.equal(cohensH(0.3, 0.3), 0);
  assert.ok(Math.abs(cohensH(1, 0) - Math.PI) < 1e-12);
});

test('KS distance is the largest gap between the empirical CDFs', () => {
  assert.equal(ksDistance([1, 2, 3, 4], [3, 4, 5, 6]), 0.5);
  assert.equal(ksDistance([1, 2, 3], [1, 2, 3]), 0);
  assert.equal(ksDistance([1, 2], [3, 4]), 1);
  // Ties step together: [0,0,1] against [0,1,1] differ by 1/3 at 0.
  assert.ok(Math.abs(ksDistance([0, 0, 1], [0, 1, 1]) - 1 / 3) < 1e-12);
  assert.equal(ksDistance([], [1]), 0);
});

test('the Kolmogorov distribution gives the published critical values', () => {
  // Asymptotic critical values of √n·D found in KS tables: 1.3581 at 5%, 1.6276 at 1%.
  assert.ok(Math.abs(kolmogorovSurvival(1.3581) - 0.05) < 1e-5);
  assert.ok(Math.abs(kolmogorovSurvival(1.6276) - 0.01) < 1e-5);
  assert.equal(kolmogorovSurvival(0), 1);
});

test('KS p-value uses the effective sample size', () => {
  assert.ok(Math.abs(ksPValue(0.1, 500, 500) - 0.012432141728521395) < 1e-9);
  assert.ok(ksPValue(0.01, 500, 500) > 0.99);
  assert.equal(ksPValue(0.5, 0, 10), 1);
});

const near = (actual: number, expected: number, tolerance: number) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

test('ln Γ and the incomplete beta function match closed forms', () => {
  near(lnGamma(5), Math.log(24), 1e-13);
  near(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-13);
  near(lnGamma(101), 363.73937555556347, 1e-10);
  near(regularizedIncompleteBeta(0.5, 2, 3), 0.6875, 1e-14);
  near(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-14);
  assert.equal(regularizedIncompleteBeta(0, 2, 3), 0);
  assert.equal(regularizedIncompleteBeta(1, 2, 3), 1);
});

test("Student's t matches the t table", () => {
  near(studentTTwoSidedP(2.228, 10), 0.05, 2e-4); // table: t(0.975, 10) = 2.228
  near(studentTTwoSidedP(12.706, 1), 0.05, 1e-4); // t(0.975, 1) = 12.706
  near(studentTTwoSidedP(2.576, 1e6), 0.01, 1e-4); // the normal limit
  assert.equal(studentTTwoSidedP(0, 5), 1);
  assert.ok(Number.isNaN(studentTTwoSidedP(1, 0)));
});

test("Welch's t-test matches the reference implementations", () => {
  // SciPy ttest_ind(b, a, equal_var=False) and R's t.test(b, a): t = 1.8974, df = 5.8824, p-value = 0.1075.
  const result = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
  near(result.t, 1.8973665961010275, 1e-12);
  near(result.df, 5.882352941176471, 1e-12);
  near(result.pValue, 0.10753119493062728, 1e-10);
});

test("Welch's t-test edge cases", () => {
  assert.deepEqual(welchTTest([1], [1, 2]), { t: 0, df: 0, pValue: 1 });
  assert.equal(welchTTest([2, 2], [2, 2]).pValue, 1);
  assert.equal(welchTTest([2, 2], [3, 3]).pValue, 0);
});

test('two-proportion z-test matches the chi-square test without continuity correction', () => {
  // 45/100 against 56/100: χ² = 2.4202 on 1 df, p = 0.1198; z = √χ².
  const result = twoProportionZTest(45, 100, 56, 100);
  near(result.z, Math.sqrt(2.4202420242024205), 1e-12);
  near(result.pValue, 0.1197764237797236, 1e-12);
  assert.deepEqual(twoProportionZTest(0, 0, 3, 10), { z: 0, pValue: 1 });
  assert.deepEqual(twoProportionZTest(0, 10, 0, 10), { z: 0, pValue: 1 });
});

test('upperNormalQuantile inverts the upper tail, far into it (a Bonferroni bar over thousands of tests)', () => {
  assert.ok(Math.abs(upperNormalQuantile(0.025) - 1.959963984540054) < 1e-8);
  assert.ok(Math.abs(upperNormalQuantile(0.5)) < 1e-8);
  for (const p of [0.05 / 1000, 1e-9]) assert.ok(Math.abs(1 - normalCdf(upperNormalQuantile(p)) - p) / p < 1e-5);
  assert.ok(Number.isNaN(upperNormalQuantile(0)) && Number.isNaN(upperNormalQuantile(1)));
});
