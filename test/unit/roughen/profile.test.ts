import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeNoiseProfile, summarizeNoiseProfile } from '../../../src/core/roughen/describe';
import { learnNoiseProfile } from '../../../src/core/roughen/profile';
import { DONOR } from '../../../src/core/roughen/types';
import { wordList } from './support';

const REAL = [
  'where is my card',
  'pls help me!!',
  'I dont know where it is',
  "What's the fee?",
  'i wanna send money, now',
  'chekc my balance',
  'I do not have it',
  'Where is my card.',
];

describe('learnNoiseProfile', () => {
  const profile = learnNoiseProfile(REAL, wordList(), { labels: REAL.map((_, i) => (i < 4 ? 'a' : 'b')) });

  test('measures each kind of noise as a share of real rows', () => {
    assert.equal(profile.rows, 8);
    assert.equal(profile.typoRowShare, 1 / 8);
    assert.deepEqual(profile.typoKinds, { neighbour: 0, drop: 0, double: 0, swap: 1 });
    assert.equal(profile.startsLowercaseShare, 4 / 8);
    assert.equal(profile.allLowercaseShare, 4 / 8);
    assert.equal(profile.noTerminalShare, 5 / 8);
    assert.equal(profile.noCommaShare, 7 / 8);
    assert.equal(profile.noPunctuationShare, 4 / 8);
    assert.equal(profile.repeatedPunctuationShare, 1 / 8);
    assert.equal(profile.contractionShare, 2 / 5, "what's and dont against do not and where is twice (not the final it is)");
    assert.equal(profile.bareContractionShare, 1 / 2);
    assert.equal(profile.contractionRowShare, 2 / 8);
    assert.equal(profile.slangRowShare, 2 / 8);
    assert.equal(profile.politenessShare, 1 / 8);
    assert.equal(profile.stockPhraseShare, 0);
    assert.deepEqual(profile.wordQuantiles, [3, 3, 4, 5, 5.3]);
  });

  test('keeps only the slang the real rows use, with its rate among the formal phrase\'s occurrences', () => {
    assert.deepEqual(profile.slang.map((choice) => [choice.formal, choice.rate, choice.slang.map((s) => s.word)]), [
      ['please', 1, ['pls']],
      ['want to', 1, ['wanna']],
    ]);
  });

  test('keeps every row as a style donor, with its flags, length, typos and label', () => {
    assert.equal(profile.donors.length, 8);
    assert.deepEqual(profile.labels, ['a', 'b']);
    const typo = profile.donors[5];
    assert.deepEqual(typo, { flags: DONOR.LOWER_START | DONOR.ALL_LOWER | DONOR.NO_TERMINAL | DONOR.NO_COMMA | DONOR.NO_PUNCTUATION | DONOR.TYPO, words: 3, typos: 1, checked: 3, label: 1 });
    assert.ok(profile.donors[1].flags & DONOR.REPEATED && profile.donors[1].flags & DONOR.POLITE);
    assert.ok(profile.donors[2].flags & DONOR.CONTRACTION);
  });

  test('caps the donors to a seeded sample, and the same seed gives the same profile', () => {
    const many = Array.from({ length: 300 }, (_, i) => REAL[i % REAL.length]);
    const a = learnNoiseProfile(many, wordList(), { maxDonors: 50, seed: 3 });
    assert.equal(a.donors.length, 50);
    assert.deepEqual(learnNoiseProfile(many, wordList(), { maxDonors: 50, seed: 3 }), a);
    assert.equal(a.repeatedPunctuationShare, many.filter((text) => text === REAL[1]).length / many.length, 'rates come from every row, not the donors');
  });

  test('common words are those real rows use often; an empty set gives an empty profile', () => {
    const rows = Array.from({ length: 10 }, (_, i) => (i < 3 ? 'where is my parcel' : 'where is it'));
    assert.deepEqual(learnNoiseProfile(rows, wordList()).commonWords, ['is', 'where', 'it', 'my', 'parcel']);
    const empty = learnNoiseProfile([], wordList());
    assert.equal(empty.rows, 0);
    assert.equal(empty.donors.length, 0);
    assert.equal(empty.typoRowShare, 0);
    assert.deepEqual(describeNoiseProfile(empty), ['The reference set has no rows to learn a noise profile from.']);
  });
});

describe('describeNoiseProfile', () => {
  test('puts the profile in sentences a user reads at a glance', () => {
    const sentences = describeNoiseProfile(learnNoiseProfile(REAL, wordList()));
    assert.equal(sentences[0], '13% of real rows have a typo');
    assert.ok(sentences.includes('63% have no final punctuation'));
    assert.ok(sentences.includes('25% use chat slang (pls, wanna)'));
    assert.ok(sentences.includes('median length 4 words (3 to 5 for 80% of rows)'));
  });

  test('the summary carries the same sentences and figures as plain data', () => {
    const profile = learnNoiseProfile(REAL, wordList());
    const summary = summarizeNoiseProfile(profile);
    assert.deepEqual(summary.sentences, describeNoiseProfile(profile));
    assert.equal(summary.noTerminalShare, 5 / 8);
    assert.deepEqual(summary.slangWords, ['pls', 'wanna']);
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
  });
});
