import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantileSorted } from '../../../src/core/stats/quantile';
import { quantileUpperBound } from '../../../src/core/stats/quantileBound';
import { seededRandom } from '../../../src/core/stats/random';

test('bounds the 0.95 quantile from above, tighter as the sample grows', () => {
  const ranks = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
  assert.equal(quantileUpperBound(ranks(200), 0.95), 195);
  assert.equal(quantileUpperBound(ranks(10_000), 0.95), 9535);
  assert.ok(Number.isNaN(quantileUpperBound([], 0.95)));
  assert.equal(quantileUpperBound([3], 0.95), 3);
});

test('new draws from the same population exceed it at most 5% of the time in about 95% of samples', () => {
  const random = seededRandom(4);
  let over = 0;
  let plainOver = 0;
  const trials = 400;
  for (let t = 0; t < trials; t++) {
    const sorted = Float64Array.from({ length: 200 }, () => random()).sort();
    // Uniform draws: the share above a threshold x is 1 - x.
    if (1 - quantileUpperBound(sorted, 0.95) > 0.05) over++;
    if (1 - quantileSorted(sorted, 0.95) > 0.05) plainOver++;
  }
  assert.ok(over / trials <= 0.08, `bound exceeded in ${over} of ${trials}`);
  assert.ok(plainOver / trials >= 0.3, `the plain quantile, for contrast: ${plainOver} of ${trials}`);
});
