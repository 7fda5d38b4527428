import assert from 'node:assert/strict';
import { test } from 'node:test';
import { principalComponents } from '../../../src/core/stats/principalComponents';
import { seededRandom } from '../../../src/core/stats/random';
import { gaussian } from '../../../src/core/stats/vector';

test('recovers the axes of most variance, largest first, with the largest loading positive', () => {
  const random = seededRandom(1);
  // Spread 5 along the third axis, 2 along the first, 0.1 along the rest.
  const vectors = Array.from({ length: 500 }, () => Float32Array.from([2, 0.1, 5, 0.1], (s) => 3 + s * gaussian(random)));
  const { mean, components } = principalComponents(vectors, { count: 2, seed: 9 });
  assert.ok(Array.from(mean).every((m) => Math.abs(m - 3) < 0.6), String(mean));
  assert.equal(components.length, 2);
  assert.ok(components[0][2] > 0.99, `first component ${components[0]}`);
  assert.ok(components[1][0] > 0.99, `second component ${components[1]}`);
  assert.ok(Math.abs(components[0].reduce((s, x, i) => s + x * components[1][i], 0)) < 1e-5, 'orthogonal');
});

test('the same data gives the same components for any seed', () => {
  const random = seededRandom(2);
  const vectors = Array.from({ length: 200 }, () => Float32Array.from({ length: 8 }, (_, j) => (j + 1) * gaussian(random)));
  const a = principalComponents(vectors, { count: 2, seed: 1 }).components;
  const b = principalComponents(vectors, { count: 2, seed: 2 }).components;
  a.forEach((c, k) => c.forEach((x, j) => assert.ok(Math.abs(x - b[k][j]) < 0.01, `component ${k}, ${j}: ${x} against ${b[k][j]}`)));
});

test('empty input, fewer dimensions than asked, and data with no spread', () => {
  assert.deepEqual(principalComponents([], { count: 2 }), { mean: new Float32Array(0), components: [] });
  assert.equal(principalComponents([Float32Array.of(1), Float32Array.of(3)], { count: 2 }).components.length, 1);
  const flat = principalComponents([Float32Array.of(1, 1), Float32Array.of(1, 1)], { count: 2, seed: 3 });
  assert.deepEqual(flat.mean, Float32Array.of(1, 1));
  assert.equal(flat.components.length, 2);
});
