import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leakageReport } from '../../../src/core/gap/leakage';
import { sideOf } from './testEmbedding';
import { seededRandom } from '../../../src/core/stats/random';

/** Rows of 8 words from a 3,000-word made-up vocabulary: unrelated rows share almost nothing. */
function randomRows(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => Array.from({ length: 8 }, () => `w${Math.floor(random() * 3000)}`).join(' '));
}

test('finds exact and near copies of real rows', () => {
  const real = randomRows(500, 1);
  const synthetic = randomRows(500, 2);
  const copied = real[41];
  const longReal = 'my parcel was marked delivered yesterday but nothing arrived at my address and the courier does not answer';
  const realSide = sideOf([...real, longReal], { file: 'real.jsonl' });
  synthetic[9] = `${copied.toUpperCase()}!`; // line 10: exact after normalization
  synthetic[99] = `${longReal} today`; // line 100: near copy
  const report = leakageReport(realSide, sideOf(synthetic), { seed: 1 });
  assert.equal(report.exact, 1);
  assert.equal(report.near, 1);
  assert.deepEqual(report.rows[0], { line: 10, referenceFile: 'real.jsonl', referenceLine: 42, similarity: 1, exact: true });
  assert.equal(report.rows[1].line, 100);
  assert.equal(report.rows[1].referenceLine, 501);
  assert.ok(report.rows[1].similarity >= 0.95 && !report.rows[1].exact);
  assert.equal(report.similarityThreshold, 0.95);
});

test('no copies, no rows; the list is capped', () => {
  const a = randomRows(50, 3);
  const none = leakageReport(sideOf(a), sideOf(['completely different words here']));
  assert.deepEqual({ exact: none.exact, near: none.near, rows: none.rows }, { exact: 0, near: 0, rows: [] });
  const all = leakageReport(sideOf(a), sideOf(a), { maxRows: 10 });
  assert.equal(all.exact, 50);
  assert.equal(all.rows.length, 10);
  assert.deepEqual(all.rows.map((r) => r.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(all.rows[0].referenceFile, '');
});
