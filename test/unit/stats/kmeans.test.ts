import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kMeans, nearestCentroid } from '../../../src/core/stats/kmeans';
import { seededRandom } from '../../../src/core/stats/random';
import { gaussian } from '../../../src/core/stats/vector';

/** `perBlob` points around each of the centres, Gaussian noise of the given spread. */
function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { vectors: Float32Array[]; truth: number[] } {
  const random = seededRandom(seed);
  const vectors: Float32Array[] = [];
  const truth: number[] = [];
  centres.forEach((centre, c) => {
    for (let i = 0; i < perBlob; i++) {
      vectors.push(Float32Array.from(centre, (x) => x + spread * gaussian(random)));
      truth.push(c);
    }
  });
  return { vectors, truth };
}

test('k-means separates well-separated blobs exactly', () => {
  const centres = [
    [0, 0, 0, 0],
    [10, 0, 0, 0],
    [0, 10, 0, 0],
    [0, 0, 10, 10],
  ];
  const { vectors, truth } = blobs(centres, 50, 1, 7);
  const { assignments, centroids } = kMeans(vectors, { k: 4, seed: 1 });
  assert.equal(centroids.length, 4);
  // Each true blob maps to one cluster, and different blobs to different clusters.
  const clusterOf = new Map<number, number>();
  truth.forEach((t, i) => {
    if (!clusterOf.has(t)) clusterOf.set(t, assignments[i]);
    assert.equal(assignments[i], clusterOf.get(t));
  });
  assert.equal(new Set(clusterOf.values()).size, 4);
  for (const centre of centres) {
    const c = centroids[nearestCentroid(Float32Array.from(centre), centroids)];
    assert.ok(Math.hypot(...centre.map((x, d) => x - c[d])) < 0.5);
  }
});

test('k-means is deterministic for a seed', () => {
  const { vectors } = blobs([[0, 0], [3, 3], [6, 0]], 40, 1.5, 3);
  const a = kMeans(vectors, { k: 3, seed: 11 });
  const b = kMeans(vectors, { k: 3, seed: 11 });
  assert.deepEqual([...a.assignments], [...b.assignments]);
  assert.deepEqual(a.centroids.map((c) => [...c]), b.centroids.map((c) => [...c]));
});

test('k-means edge cases: empty input, k above n, duplicates, iteration cap', () => {
  assert.deepEqual(kMeans([], { k: 3 }).centroids, []);
  const two = [Float32Array.of(0, 0), Float32Array.of(1, 1)];
  assert.equal(kMeans(two, { k: 5 }).centroids.length, 2);
  const same = [Float32Array.of(1, 1), Float32Array.of(1, 1), Float32Array.of(1, 1)];
  assert.deepEqual([...kMeans(same, { k: 2, seed: 1 }).assignments].length, 3);
  const { vectors } = blobs([[0, 0], [5, 5]], 30, 2, 5);
  assert.ok(kMeans(vectors, { k: 2, maxIterations: 1 }).iterations <= 1);
  assert.equal(nearestCentroid(Float32Array.of(0), []), -1);
});
