import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binnedAuc } from '../../../src/core/sketch/binnedAuc';
import { binScores, scoreBins } from '../../../src/core/sketch/scoreBins';
import { auc } from '../../../src/core/stats/auc';
import { hanleyMcNeilInterval } from '../../../src/core/stats/hanleyMcNeil';
import { seededRandom } from '../../../src/core/stats/random';

test('pairs in one bin count half', () => {
  assert.equal(binnedAuc([0, 1, 1], [1, 1, 0]), 0.875);
  assert.equal(binnedAuc([0, 0], [1, 0]), 0.5);
});

test('the AUC on the 2,000 logit bins is within 0.001 of the exact AUC', () => {
  const random = seededRandom(3);
  const reference = Float64Array.from({ length: 3000 }, () => 1 / (1 + Math.exp(-(random() * 8 - 5)))).sort();
  const dataset = Float64Array.from({ length: 5000 }, () => 1 / (1 + Math.exp(-(random() * 8 - 3))));
  const bins = scoreBins(reference);
  const binned = binnedAuc(binScores(bins, dataset), binScores(bins, reference));
  const exact = auc([...dataset, ...reference], [...dataset.map(() => 1), ...reference.map(() => 0)]);
  assert.ok(Math.abs(binned - exact) < 0.001, `${binned} against ${exact}`);
});

test('the Hanley–McNeil interval narrows with more rows and stays in [0, 1]', () => {
  const small = hanleyMcNeilInterval(0.8, 100, 100);
  const large = hanleyMcNeilInterval(0.8, 10_000, 10_000);
  assert.ok(small.low < large.low && large.high < small.high);
  assert.ok(Math.abs(small.high - small.low - 0.12) < 0.01, `${small.low}..${small.high}`);
  assert.deepEqual(hanleyMcNeilInterval(1, 50, 50), { auc: 1, low: 1, high: 1 });
  assert.deepEqual(hanleyMcNeilInterval(0.7, 0, 50), { auc: 0.7, low: 0, high: 1 });
});
