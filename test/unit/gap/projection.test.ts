import assert from 'node:assert/strict';
import { test } from 'node:test';
import { project } from '../../../src/core/gap/projection';
import { seededRandom } from '../../../src/core/stats/random';
import { gaussian } from '../../../src/core/stats/vector';

/** Two clusters in 64 dimensions, far apart along one random direction; the first `n` points belong to A. */
function twoClusters(n: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  const dim = 64;
  const direction = Float32Array.from({ length: dim }, () => gaussian(random));
  const norm = Math.hypot(...direction);
  return Array.from({ length: 2 * n }, (_, i) => {
    const sign = i < n ? -1 : 1;
    return Float32Array.from({ length: dim }, (_, j) => (sign * 4 * direction[j]) / norm + 0.5 * gaussian(random));
  });
}

const xs = (points: Float32Array[]) => points.map((p) => p[0]);

test('PCA separates a planted two-cluster structure on x, and scales both axes to [-1, 1]', () => {
  const points = project(twoClusters(100, 1), { method: 'pca', seed: 7 });
  assert.equal(points.length, 200);
  const a = xs(points.slice(0, 100));
  const b = xs(points.slice(100));
  assert.ok(Math.max(...a) < Math.min(...b) || Math.max(...b) < Math.min(...a), 'the clusters do not overlap on x');
  for (const axis of [0, 1]) {
    const values = points.map((p) => p[axis]);
    assert.ok(Math.abs(Math.min(...values) + 1) < 1e-6 && Math.abs(Math.max(...values) - 1) < 1e-6, `axis ${axis} spans [-1, 1]`);
  }
});

test('PCA gives the same points for the same seed, and the same axes (sign included) for another seed', () => {
  const vectors = twoClusters(50, 2);
  const first = project(vectors, { method: 'pca', seed: 3 });
  assert.deepEqual(first, project(vectors, { method: 'pca', seed: 3 }));
  const other = project(vectors, { method: 'pca', seed: 4 });
  first.forEach((p, i) => assert.ok(Math.abs(p[0] - other[i][0]) < 0.02, `point ${i}: ${p[0]} against ${other[i][0]}`));
});

test('UMAP is deterministic per seed, keeps near neighbours near and separates the clusters', () => {
  const vectors = twoClusters(60, 5);
  const first = project(vectors, { method: 'umap', seed: 11 });
  assert.deepEqual(first, project(vectors, { method: 'umap', seed: 11 }));
  const distance = (i: number, j: number) => Math.hypot(first[i][0] - first[j][0], first[i][1] - first[j][1]);
  let within = 0;
  let across = 0;
  for (let i = 0; i < 60; i++) {
    within += distance(i, (i + 1) % 60) + distance(60 + i, 60 + ((i + 1) % 60));
    across += 2 * distance(i, 60 + i);
  }
  assert.ok(within < across / 3, `mean distance within a cluster ${within / 120} against across ${across / 120}`);
  for (const p of first) assert.ok(Math.abs(p[0]) <= 1 + 1e-6 && Math.abs(p[1]) <= 1 + 1e-6);
});

test('UMAP keeps a point near its near-copy: among its five nearest points on the map', () => {
  const random = seededRandom(9);
  const base = Array.from({ length: 40 }, () => Float32Array.from({ length: 32 }, () => gaussian(random)));
  const vectors = [...base, ...base.map((v) => v.map((x) => x + 0.01 * gaussian(random)))];
  const points = project(vectors, { method: 'umap', seed: 1 });
  const distance = (i: number, j: number) => Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
  let near = 0;
  for (let i = 0; i < 40; i++) {
    const closer = points.filter((_, j) => j !== i && j !== i + 40 && distance(i, j) < distance(i, i + 40)).length;
    if (closer < 5) near++;
  }
  assert.ok(near >= 36, `${near} of 40 points have their copy among their five nearest`);
});

test('empty input gives no points; one point, or points all alike, land at the origin', () => {
  for (const method of ['pca', 'umap'] as const) {
    assert.deepEqual(project([], { method, seed: 1 }), []);
    assert.deepEqual(project([Float32Array.of(1, 2, 3)], { method, seed: 1 }), [Float32Array.of(0, 0)]);
    const same = project([Float32Array.of(1, 2), Float32Array.of(1, 2), Float32Array.of(1, 2)], { method, seed: 1 });
    assert.deepEqual(same, [Float32Array.of(0, 0), Float32Array.of(0, 0), Float32Array.of(0, 0)]);
  }
});
