import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binomialTwoSidedP, smallestBinomialP } from '../../../src/core/stats/binomialTest';

function near(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

test('two-sided exact binomial p-values match hand-computed tails', () => {
  near(binomialTwoSidedP(30, 30, 0.5), 2 * 0.5 ** 30, 1e-15);
  near(binomialTwoSidedP(0, 30, 0.5), 2 * 0.5 ** 30, 1e-15);
  // P(S ≥ 15 | 20, 0.5) = 21,700 / 2^20.
  near(binomialTwoSidedP(15, 20, 0.5), (2 * 21_700) / 2 ** 20, 1e-12);
  // P(S ≥ 7 | 10, 0.3) = 0.0105920784.
  near(binomialTwoSidedP(7, 10, 0.3), 2 * 0.0105920784, 1e-9);
  assert.equal(binomialTwoSidedP(5, 10, 0.5), 1);
  assert.equal(binomialTwoSidedP(0, 0, 0.5), 1);
  // A million trials cost no more than ten, and a 0.2-point shift at that size is far past chance.
  assert.ok(binomialTwoSidedP(502_000, 1_000_000, 0.5) < 1e-4);
});

test('edge cases: NaN for an impossible probability or count', () => {
  assert.ok(Number.isNaN(binomialTwoSidedP(1, 2, 0)));
  assert.ok(Number.isNaN(binomialTwoSidedP(3, 2, 0.5)));
  assert.ok(Number.isNaN(binomialTwoSidedP(-1, 2, 0.5)));
});

test('the smallest p-value a number of trials allows', () => {
  assert.equal(smallestBinomialP(3, 0.5), 0.25);
  assert.equal(smallestBinomialP(0, 0.5), 1);
  near(smallestBinomialP(10, 0.2), 2 * 0.2 ** 10, 1e-18);
  near(smallestBinomialP(30, 0.5), binomialTwoSidedP(30, 30, 0.5), 1e-20);
});
