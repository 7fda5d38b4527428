import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeGap, describeRowFeature } from '../../../src/core/features/describe';
import { FEATURES } from '../../../src/core/features/registry';
import type { FeatureDef } from '../../../src/core/features/types';
import { formatShare } from '../../../src/core/features/wording';

const def = (id: string): FeatureDef => FEATURES.find((feature) => feature.id === id)!;
/** Sorted values: `count` copies of each value. */
const values = (...groups: [value: number, count: number][]) => Float64Array.from(groups.flatMap(([value, count]) => Array<number>(count).fill(value))).sort();
const ones = (share: number, n = 1000) => values([0, Math.round(n * (1 - share))], [1, Math.round(n * share)]);

test('a numeric value against the real rows, by the mid-rank percentile, in the right direction', () => {
  assert.equal(describeRowFeature(def('words'), 27, values([10, 96], [40, 4])), '27 words, longer than 96% of real rows');
  assert.equal(describeRowFeature(def('words'), 3, values([2, 10], [10, 90])), '3 words, shorter than 90% of real rows');
  assert.equal(describeRowFeature(def('words'), 1, values([5, 10])), '1 word, shorter than all real rows');
  assert.equal(describeRowFeature(def('sentences'), 2, values([1, 997], [2, 3])), '2 sentences, more than 99.9% of real rows');
  assert.equal(describeRowFeature(def('sentences'), 3, values([1, 997], [2, 3])), '3 sentences, more than all real rows');
  assert.equal(describeRowFeature(def('sentences'), 1, values([1, 90], [2, 10])), '1 sentence, the same as 90% of real rows');
});

test('numeric formats: decimals, percents and bare scores', () => {
  assert.equal(describeRowFeature(def('mean-word-length'), 5.26, values([4, 50], [6, 50])), '5.3 characters per word, longer than 50% of real rows');
  assert.equal(describeRowFeature(def('typo-rate'), 0.125, values([0, 40], [0.05, 40], [0.2, 20])), '13% of words misspelled, higher than 80% of real rows');
  assert.equal(describeRowFeature(def('reading-ease'), 40, values([60, 30], [80, 70])), 'reading ease 40, harder than all real rows');
});

test('a yes/no value says what the row has and how common that is among real rows', () => {
  assert.equal(describeRowFeature(def('has-typo'), 0, ones(0.41)), 'no typos (41% of real rows have one)');
  assert.equal(describeRowFeature(def('terminal-punctuation'), 1, ones(0.08)), 'ends with . ! or ? (only 8.0% of real rows do)');
  assert.equal(describeRowFeature(def('terminal-punctuation'), 1, ones(0.9)), 'ends with . ! or ? (90% of real rows do)');
  assert.equal(describeRowFeature(def('terminal-punctuation'), 1, ones(0)), 'ends with . ! or ? (no real rows do)');
  assert.equal(describeRowFeature(def('all-lowercase'), 1, ones(0.2)), 'is all lower-case (only 20% of real rows are)');
  // A bare "do" after the no phrase would be ambiguous, so the yes phrase is spelled out.
  assert.equal(describeRowFeature(def('terminal-punctuation'), 0, ones(0.92)), 'no final punctuation (92% of real rows end with . ! or ?)');
  assert.equal(describeRowFeature(def('all-lowercase'), 0, ones(1)), 'has capital letters (all real rows are all lower-case)');
});

test('shares never round to a misleading 0% or 100%', () => {
  assert.equal(formatShare(0.003), '0.3%');
  assert.equal(formatShare(0.997), '99.7%');
  assert.equal(formatShare(0.9996), 'over 99.9%');
  assert.equal(formatShare(0.015), '1.5%');
  assert.deepEqual([formatShare(0), formatShare(1), formatShare(NaN)], ['0%', '100%', 'n/a']);
  assert.equal(describeRowFeature(def('has-typo'), 1, ones(0.003, 10_000)), 'has a typo (only 0.3% of real rows have one)');
});

test('without real rows the value is still stated; realCount reads a prefix of a larger buffer', () => {
  assert.equal(describeRowFeature(def('words'), 27, new Float64Array(0)), '27 words (no real rows to compare)');
  assert.equal(describeRowFeature(def('has-typo'), 1, new Float64Array(0)), 'has a typo (no real rows to compare)');
  const buffer = Float64Array.of(1, 2, 3, 4, 0, 0, 0, 0);
  assert.equal(describeRowFeature(def('words'), 5, buffer, 4), '5 words, longer than all real rows');
  assert.equal(describeRowFeature(def('words'), 5, buffer, 0), '5 words (no real rows to compare)');
});

test('dataset gaps: medians, or means when the medians print the same', () => {
  assert.equal(describeGap(def('words'), values([8, 10]), values([14, 10])), 'Synthetic rows are longer: median 14 words against 8 in real rows.');
  assert.equal(describeGap(def('words'), values([14, 10]), values([8, 10])), 'Synthetic rows are shorter: median 8 words against 14 in real rows.');
  assert.equal(
    describeGap(def('sentences'), values([1, 90], [2, 10]), values([1, 60], [2, 40])),
    'Synthetic rows have more sentences: mean 1.4 sentences against 1.1 in real rows.',
  );
  assert.equal(
    describeGap(def('typo-rate'), values([0, 60], [0.2, 40]), values([0, 99], [0.2, 1])),
    'Synthetic rows have fewer typos: mean 0.2% of words misspelled against 8.0% in real rows.',
  );
  assert.equal(describeGap(def('words'), values([8, 10]), values([8, 10])), 'Synthetic and real rows are alike in words: mean 8.0 words in both.');
});

test('dataset gaps for yes/no features, and empty sides', () => {
  assert.equal(describeGap(def('has-typo'), ones(0.41), ones(0.02)), '41% of real rows have a typo, against 2.0% of synthetic rows.');
  assert.equal(describeGap(def('all-lowercase'), ones(0.003, 10_000), ones(1)), '0.3% of real rows are all lower-case, against 100% of synthetic rows.');
  assert.equal(describeGap(def('words'), new Float64Array(0), values([8, 3])), 'Cannot compare words: there are no real rows.');
  assert.equal(describeGap(def('has-typo'), ones(0.5), new Float64Array(0)), 'Cannot compare has a typo: there are no synthetic rows.');
});

test('every feature describes itself without placeholders or doubled spaces', () => {
  const real = values([0, 50], [1, 50]);
  for (const feature of FEATURES) {
    for (const text of [describeRowFeature(feature, 1, real), describeRowFeature(feature, 0, real), describeGap(feature, real, values([1, 10]))]) {
      assert.ok(!/undefined|NaN|\s\s|^\s|\s$/.test(text), `${feature.id}: "${text}"`);
    }
  }
});
