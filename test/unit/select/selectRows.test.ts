import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectRows } from '../../../src/core/select/selectRows';
import { seededRandom } from '../../../src/core/stats/random';
import { sideOf } from '../gap/testEmbedding';

/** Rows of 8 words from a 3,000-word made-up vocabulary: unrelated rows share almost nothing. */
function randomRows(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => Array.from({ length: 8 }, () => `w${Math.floor(random() * 3000)}`).join(' '));
}

const longReal = 'my parcel was marked delivered yesterday but nothing arrived at my address and the courier does not answer';

/** 300 unrelated synthetic rows with planted copies of real rows and one near-duplicate group. */
function planted() {
  const real = randomRows(200, 1);
  const synthetic = randomRows(300, 2);
  synthetic[10] = `${real[5].toUpperCase()}!`; // row 10: exact copy of real line 6
  synthetic[20] = `${longReal} today`; // row 20: near copy (cosine ≈ 0.97) of real line 201
  synthetic[30] = 'how do i reset the pin on my new debit card';
  synthetic[31] = 'How do I reset the PIN on my new debit card?'; // same text
  synthetic[32] = 'how do i reset the pin on my new debit card please'; // cosine ≈ 0.95
  return { real: sideOf([...real, longReal], { file: 'real.jsonl' }), synthetic: sideOf(synthetic) };
}

test('drops exactly the leaked rows and the near-duplicates beyond one per group', () => {
  const { real, synthetic } = planted();
  const selection = selectRows({ real, synthetic }, { seed: 1 });
  assert.deepEqual(selection.counts, { leaked: 2, 'near-duplicate': 2, 'synthetic-looking': 0 });
  assert.deepEqual(selection.dropped.map((d) => [d.line, d.reason]), [[11, 'leaked'], [21, 'leaked'], [32, 'near-duplicate'], [33, 'near-duplicate']]);
  assert.deepEqual(selection.dropped[0].like, { line: 6, file: 'real.jsonl', similarity: 1, exact: true });
  assert.equal(selection.dropped[1].like?.line, 201);
  assert.equal(selection.dropped[1].like?.exact, false);
  assert.deepEqual(selection.dropped[2].like, { row: 30, line: 31 }, 'without scores the first row of the group stays');
  assert.equal(selection.groups, 1);
  assert.equal(selection.keep.reduce((n, k) => n + k, 0), 296);
  assert.equal(selection.keep[30], 1);
});

test('keeps the least synthetic-looking members, and as many per group as asked', () => {
  const { real, synthetic } = planted();
  const scores = new Float64Array(300).fill(0.5);
  scores[30] = 0.9;
  scores[31] = 0.2;
  scores[32] = 0.4;
  const one = selectRows({ real, synthetic, scores }, { seed: 1 });
  assert.deepEqual(one.dropped.filter((d) => d.reason === 'near-duplicate').map((d) => d.row), [30, 32]);
  assert.equal(one.dropped.find((d) => d.row === 30)?.like?.row, 31);
  assert.equal(one.dropped.find((d) => d.row === 30)?.score, 0.9);
  const two = selectRows({ real, synthetic, scores }, { seed: 1, keepPerGroup: 2 });
  assert.deepEqual(two.dropped.filter((d) => d.reason === 'near-duplicate').map((d) => d.row), [30]);
});

test('--drop-top drops the highest-scoring share of all rows, not counting rows already dropped', () => {
  const { real, synthetic } = planted();
  const scores = Float64Array.from({ length: 300 }, (_, i) => i / 300);
  scores[10] = 0.999; // leaked and top-scoring: counted once, as leaked
  const selection = selectRows({ real, synthetic, scores }, { dropTop: 0.1, seed: 1 });
  assert.equal(selection.counts.leaked, 2);
  assert.equal(selection.counts['synthetic-looking'], 29, '30 top rows, one of them already dropped as leaked');
  const top = selection.dropped.filter((d) => d.reason === 'synthetic-looking').map((d) => d.row);
  assert.deepEqual(top, Array.from({ length: 29 }, (_, i) => 271 + i));
  assert.equal(selection.scoreCutoff, scores[271]);
});

test('each rule can be turned off; no rows, nothing dropped; scores must match the rows', () => {
  const { real, synthetic } = planted();
  const none = selectRows({ real, synthetic }, { dropLeaked: false, dropDuplicates: false });
  assert.equal(none.dropped.length, 0);
  assert.equal(none.keep.length, 300);
  const empty = selectRows({ real, synthetic: sideOf([]) }, { dropTop: 0.5, seed: 1 });
  assert.deepEqual(empty.counts, { leaked: 0, 'near-duplicate': 0, 'synthetic-looking': 0 });
  assert.throws(() => selectRows({ real, synthetic, scores: [0.5] }), /scores has 1 values for 300 rows/);
});
