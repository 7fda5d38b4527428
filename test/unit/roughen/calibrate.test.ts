import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { noisyShare, rateGate, styleGate } from '../../../src/core/roughen/calibrate';
import { learnNoiseProfile } from '../../../src/core/roughen/profile';
import { roughenText } from '../../../src/core/roughen/roughen';
import { DONOR } from '../../../src/core/roughen/types';
import { profile, wordList } from './support';

describe('calibration against the rows being roughened', () => {
  test('a style is added only as far as the rows fall short of the real share', () => {
    const real = profile({ allLowercaseShare: 0.6, stockPhraseShare: 0.1 });
    assert.equal(styleGate(real, undefined, DONOR.ALL_LOWER), 1, 'rows assumed clean');
    assert.equal(styleGate(real, profile({ allLowercaseShare: 0 }), DONOR.ALL_LOWER), 1);
    assert.equal(styleGate(real, profile({ allLowercaseShare: 0.6 }), DONOR.ALL_LOWER), 0);
    assert.equal(styleGate(real, profile({ allLowercaseShare: 0.9 }), DONOR.ALL_LOWER), 0, 'never cleans up');
    // s + (1 - s)·r·q = r: with s = 0.2, q = 0.4 / (0.8 · 0.6).
    const q = styleGate(real, profile({ allLowercaseShare: 0.2 }), DONOR.ALL_LOWER);
    assert.ok(Math.abs(0.2 + 0.8 * 0.6 * q - 0.6) < 1e-12);
    // Removal styles count their absence as the noisy side: 90% of real rows have no stock phrase.
    assert.equal(noisyShare(real, DONOR.STOCK), 0.9);
    assert.ok(Math.abs(styleGate(real, profile({ stockPhraseShare: 0.5 }), DONOR.STOCK) - 0.4 / (0.5 * 0.9)) < 1e-12);
  });

  test('per-occurrence rates likewise', () => {
    assert.equal(rateGate(0.2), 0.2);
    assert.equal(rateGate(0.2, 0.2), 0);
    assert.ok(Math.abs(rateGate(0.5, 0.25) - 1 / 3) < 1e-12);
    assert.equal(rateGate(0.5, 1), 0);
  });

  test('real rows roughened against their own set are left nearly alone, LLM rows are not', () => {
    const read = (file: string) =>
      readFileSync(join(__dirname, '../../../examples', file), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
    const real = learnNoiseProfile(read('real.jsonl'), wordList());
    const changedShare = (texts: string[]) => {
      const dataset = learnNoiseProfile(texts, wordList(), { maxDonors: 0 });
      return texts.filter((text) => roughenText(text, real, { seed: 1, dataset, dictionary: wordList() }).text !== text).length / texts.length;
    };
    const holdout = changedShare(read('real_holdout.jsonl'));
    const synthetic = changedShare(read('synthetic.jsonl'));
    assert.ok(holdout < 0.1, `real rows changed: ${holdout}`);
    assert.ok(synthetic > 0.9, `synthetic rows changed: ${synthetic}`);
  });
});
