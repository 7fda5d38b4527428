import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meanNearestSimilarity, nearestSimilarities, nearestTargets } from '../../../src/core/gap/neighbours';

const v = (...xs: number[]) => {
  const norm = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / norm);
};

test('nearest similarity within a set, each row against every other row', () => {
  const x = v(1, 0);
  const y = v(0.6, 0.8);
  const z = v(0, 1);
  const nearest = nearestSimilarities([x, y, z]);
  assert.deepEqual([...nearest].map((s) => Math.round(s * 1000) / 1000), [0.6, 0.8, 0.8]);
  assert.ok(Number.isNaN(nearestSimilarities([x])[0]));
  assert.equal(nearestSimilarities([]).length, 0);
});

test('nearest target per query', () => {
  const result = nearestTargets([v(1, 0), v(0, 1)], [v(0, 1), v(1, 0.1)]);
  assert.deepEqual([...result.index], [1, 0]);
  assert.equal(nearestTargets([v(1, 0)], []).index[0], -1);
});

test('mean nearest similarity on a seeded sample', () => {
  const vectors = Array.from({ length: 50 }, (_, i) => v(Math.cos(i / 10), Math.sin(i / 10)));
  const all = meanNearestSimilarity(vectors);
  assert.ok(Math.abs(all - Math.cos(0.1)) < 1e-6);
  assert.equal(meanNearestSimilarity(vectors, { maxRows: 20, seed: 3 }), meanNearestSimilarity(vectors, { maxRows: 20, seed: 3 }));
  assert.ok(Number.isNaN(meanNearestSimilarity([v(1, 0)])));
});
