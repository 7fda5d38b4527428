import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctN } from '../../../src/core/stats/distinct';
import { NgramCounter } from '../../../src/core/stats/ngramCounter';
import { UnionFind } from '../../../src/core/stats/unionFind';
import { dot } from '../../../src/core/stats/vector';

test('distinct-n counts distinct over all n-grams, never across sequences', () => {
  assert.equal(distinctN([['a', 'b', 'a', 'b']], 2), 2 / 3);
  assert.equal(distinctN([['a', 'b'], ['a', 'b']], 1), 0.5);
  assert.equal(distinctN([['a'], ['b']], 2), 0);
});

test('union-find joins sets and tracks sizes', () => {
  const sets = new UnionFind(5);
  assert.equal(sets.union(0, 1), true);
  assert.equal(sets.union(1, 0), false);
  sets.union(3, 4);
  sets.union(4, 1);
  assert.equal(sets.size(0), 4);
  assert.notEqual(sets.find(2), sets.find(0));
});

test('n-gram counter counts rows, not occurrences, and stays inside sentences', () => {
  const counter = new NgramCounter(3);
  counter.addRow([['a', 'b', 'a', 'b']], 0);
  counter.addRow([['a', 'b'], ['c']], 1);
  assert.equal(counter.count(counter.find(['a', 'b']), 0), 1);
  assert.equal(counter.count(counter.find(['a', 'b']), 1), 1);
  assert.equal(counter.find(['b', 'c']), -1);
  assert.deepEqual(counter.words(counter.find(['b', 'a', 'b'])), ['b', 'a', 'b']);
  assert.equal(counter.size, 7); // a, b, ab, ba, aba, bab and c
});

test('n-gram counter grows past its initial tables', () => {
  const counter = new NgramCounter(2);
  for (let i = 0; i < 3000; i++) counter.addRow([[`w${i}`, `w${i + 1}`]], (i % 2) as 0 | 1);
  assert.equal(counter.count(counter.find(['w10', 'w11']), 0), 1);
  assert.equal(counter.count(counter.find(['w11']), 0) + counter.count(counter.find(['w11']), 1), 2);
});

test('dot product sums every lane', () => {
  assert.equal(dot(Float32Array.of(1, 2, 3, 4, 5), Float32Array.of(1, 1, 1, 1, 1)), 15);
  assert.equal(dot(new Float32Array(0), new Float32Array(0)), 0);
});
