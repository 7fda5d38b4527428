import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conformalSelectionCut } from '../../../src/core/stats/conformalSelect';
import { seededRandom } from '../../../src/core/stats/random';

const sorted = (values: number[]) => Float64Array.from(values).sort();

test('keeps the rows that score above every reference row, and few chance ones', () => {
  const random = seededRandom(5);
  const reference = sorted(Array.from({ length: 760 }, () => random()));
  // 300 rows like the reference, and 10 that score above all of it.
  const scores = [...Array.from({ length: 300 }, () => random()), ...Array.from({ length: 10 }, () => 1.5 + random())];
  const cut = conformalSelectionCut(reference, scores, 0.1);
  assert.ok(cut !== undefined, 'nothing kept');
  const kept = scores.filter((score) => score >= cut);
  assert.equal(kept.filter((score) => score >= 1.5).length, 10);
  // The false share among kept rows is at most 0.1 in expectation: one or two of twelve is within it.
  assert.ok(kept.length <= 13, `kept ${kept.length}`);
});

test('keeps nothing, most of the time, when both sides come from one population', () => {
  const random = seededRandom(6);
  let kept = 0;
  for (let trial = 0; trial < 200; trial++) {
    const reference = sorted(Array.from({ length: 500 }, () => random()));
    if (conformalSelectionCut(reference, Array.from({ length: 300 }, () => random()), 0.1) !== undefined) kept++;
  }
  // Under the null, BH keeps anything at all in at most about q of the trials.
  assert.ok(kept <= 0.15 * 200, `kept something in ${kept} of 200 trials`);
});

test('keeps most rows when nearly all score above the reference, and handles empty input', () => {
  const reference = sorted([0.1, 0.2, 0.3, 0.4]);
  assert.equal(conformalSelectionCut(reference, [0.9, 0.8, 0.95, 0.35], 0.5), 0.35);
  assert.equal(conformalSelectionCut(reference, [], 0.1), undefined);
  assert.equal(conformalSelectionCut([], [0.5], 0.1), undefined);
});
