import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeatureDef } from '../../../src/core/features/types';
import { featureGaps } from '../../../src/core/gap/effects';

const words: FeatureDef = { id: 'words', name: 'Words', kind: 'numeric', wording: { unit: 'words', higher: 'longer', lower: 'shorter', format: 'integer' } };
const rate: FeatureDef = { id: 'typo-rate', name: 'Typo rate', kind: 'numeric', wording: { unit: 'typos per 100 words', higher: 'more', lower: 'fewer', format: 'decimal' } };
const question: FeatureDef = { id: 'question', name: 'Question', kind: 'binary', wording: { yes: 'asks a question', no: 'no question', realYes: 'do' } };

/** Row-major matrix from per-row tuples. */
const matrix = (rows: number[][]) => Float32Array.from(rows.flat());

test('numeric and binary gaps, ranked by size', () => {
  const real = matrix([
    [5, 0.5, 1],
    [6, 0.1, 0],
    [7, 0.2, 1],
    [8, 0.4, 0],
  ]);
  const synthetic = matrix([
    [9, 0.3, 1],
    [10, 0.2, 1],
    [11, 0.1, 1],
    [12, 0.4, 1],
  ]);
  const seen: string[] = [];
  const gaps = featureGaps([words, rate, question], real, synthetic, 3, (def, r, s) => {
    assert.ok(r.every((v, i) => i === 0 || r[i - 1] <= v) && s.every((v, i) => i === 0 || s[i - 1] <= v), 'sorted');
    seen.push(def.id);
    return `${def.name}: ${r.length} vs ${s.length}`;
  });
  assert.deepEqual(seen, ['words', 'typo-rate', 'question']);
  assert.deepEqual(gaps.map((g) => g.feature), ['words', 'question', 'typo-rate']);
  const [w, q, t] = gaps;
  // Means 6.5 and 10.5, both SDs √(5/3): SMD = 4/√(5/3).
  assert.ok(Math.abs(w.effect - 4 / Math.sqrt(5 / 3)) < 1e-6);
  assert.equal(w.size, Math.abs(w.effect));
  assert.equal(w.ks, 1);
  assert.ok(w.pValue < 0.01);
  assert.deepEqual(w.real.edges.slice(0, 2), [4.5, 5.5], 'whole-number features get integer bins');
  assert.equal(w.real.edges, w.synthetic.edges, 'both sides share the bins');
  for (const side of [w.real, w.synthetic, t.real, t.synthetic]) assert.ok(Math.abs(side.shares.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  assert.equal(w.real.mean, 6.5);
  assert.equal(w.synthetic.median, 10.5);
  assert.equal(q.kind, 'binary');
  assert.equal(q.effect, 0.5);
  assert.ok(Math.abs(q.size - Math.PI / 2) < 1e-12, "|Cohen's h| for 1 against 0.5");
  assert.deepEqual(q.real.shares, [0.5, 0.5]);
  assert.deepEqual(q.synthetic, { edges: [], shares: [0, 1], mean: 1, median: 1 });
  assert.equal(t.kind, 'numeric');
  assert.ok(t.real.edges.length === 21, 'fractional features get 20 bins');
  assert.equal(w.sentence, 'Words: 4 vs 4');
});

test('NaN values are left out; an empty side gives no gap', () => {
  const gaps = featureGaps([words], Float32Array.of(1, NaN, 3), Float32Array.of(NaN), 1, () => '');
  assert.deepEqual({ effect: gaps[0].effect, size: gaps[0].size, ks: gaps[0].ks, pValue: gaps[0].pValue }, { effect: 0, size: 0, ks: 0, pValue: 1 });
  assert.deepEqual(gaps[0].synthetic.shares.every((s) => s === 0), true);
  assert.equal(gaps[0].real.mean, 2);
  const binary = featureGaps([question], new Float32Array(0), Float32Array.of(1, 0), 1, () => '');
  assert.deepEqual({ effect: binary[0].effect, size: binary[0].size }, { effect: 0, size: 0 });
});
