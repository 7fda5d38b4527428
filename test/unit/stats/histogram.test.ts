import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramShares, mergeSorted, sharedBins } from '../../../src/core/stats/histogram';

test('integer bins sit between whole numbers', () => {
  assert.deepEqual(sharedBins([0, 1, 2], [2, 3], { integer: true }), [-0.5, 0.5, 1.5, 2.5, 3.5]);
});

test('wide integer ranges get whole-number bins of equal width, at most 20', () => {
  const a = Float64Array.from({ length: 101 }, (_, i) => i);
  const edges = sharedBins(a, a, { integer: true });
  assert.ok(edges.length - 1 <= 20);
  const widths = edges.slice(1).map((e, i) => e - edges[i]);
  assert.ok(widths.every((w) => w === widths[0] && Number.isInteger(w)));
  assert.ok(edges.every((e) => e % 1 === 0.5 || e % 1 === -0.5));
});

test('numeric bins span the pooled 1st–99th percentile; outliers land in the end bins', () => {
  const a = Float64Array.from({ length: 99 }, (_, i) => i / 98); // 0..1
  const b = Float64Array.of(0.5, 1000);
  const edges = sharedBins(a, b);
  assert.equal(edges.length, 21);
  assert.ok(edges[20] < 2, 'the single extreme value does not stretch the range');
  const shares = histogramShares(b, edges);
  assert.equal(shares[20 - 1], 0.5);
  assert.ok(Math.abs(shares.reduce((s, x) => s + x, 0) - 1) < 1e-12);
});

test('shares count [edge, next edge), the last bin closed', () => {
  assert.deepEqual(histogramShares([1, 1, 2, 9], [0, 1, 2, 3]), [0, 0.5, 0.5]);
  assert.deepEqual(histogramShares([0, 3], [0, 1, 2, 3]), [0.5, 0, 0.5]);
});

test('edge cases: constant, empty', () => {
  assert.deepEqual(sharedBins([4, 4], [4]), [3.5, 4.5]);
  assert.deepEqual(sharedBins([], []), []);
  assert.deepEqual(histogramShares([], [0, 1, 2]), [0, 0]);
  assert.deepEqual(histogramShares([1], []), []);
  assert.deepEqual([...mergeSorted([1, 3], [2, 4, 5])], [1, 2, 3, 4, 5]);
});
