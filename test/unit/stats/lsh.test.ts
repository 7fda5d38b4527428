import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LshIndex, rowsForThreshold } from '../../../src/core/stats/lsh';
import { seededRandom } from '../../../src/core/stats/random';
import { dot, gaussian } from '../../../src/core/stats/vector';

function unit(v: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(v, v));
  return v.map((x) => x / norm);
}

/** A random unit vector and a partner at cosine ≈ `cosine` with it. */
function pair(random: () => number, dim: number, cosine: number): [Float32Array, Float32Array] {
  const a = unit(Float32Array.from({ length: dim }, () => gaussian(random)));
  const noise = Float32Array.from({ length: dim }, () => gaussian(random));
  const along = dot(noise, a);
  const orthogonal = unit(noise.map((x, i) => x - along * a[i]));
  const sine = Math.sqrt(1 - cosine * cosine);
  return [a, unit(a.map((x, i) => cosine * x + sine * orthogonal[i]))];
}

test('LSH proposes nearly all pairs above the threshold and few unrelated ones', () => {
  const random = seededRandom(3);
  const vectors: Float32Array[] = [];
  for (let i = 0; i < 200; i++) vectors.push(...pair(random, 64, 0.93));
  const index = new LshIndex(vectors, 64, { seed: 1, threshold: 0.9 });
  const proposed = new Set<string>();
  index.buckets((members) => {
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) proposed.add(`${Math.min(members[a], members[b])},${Math.max(members[a], members[b])}`);
  });
  let found = 0;
  for (let i = 0; i < 400; i += 2) if (proposed.has(`${i},${i + 1}`)) found++;
  assert.ok(found >= 190, `found ${found} of 200 planted pairs`);
  assert.ok(proposed.size < 400, `proposed ${proposed.size} pairs`);
});

test('LSH queries find the stored near copy', () => {
  const random = seededRandom(4);
  const [a, b] = pair(random, 32, 0.97);
  const others = Array.from({ length: 100 }, () => unit(Float32Array.from({ length: 32 }, () => gaussian(random))));
  const index = new LshIndex([...others, a], 32, { seed: 2, threshold: 0.95 });
  const seen = new Set<number>();
  index.candidates(b, (i) => seen.add(i));
  assert.ok(seen.has(100));
});

test('bits per band follow the threshold', () => {
  assert.equal(rowsForThreshold(0.9), 15);
  assert.equal(rowsForThreshold(0.95), 22);
  assert.ok(rowsForThreshold(0.5) < rowsForThreshold(0.9));
});
