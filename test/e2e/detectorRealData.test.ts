import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LabeledText } from '../unit/detector/support';
import { baselineAuc, detect, flaggedShare, halves, labelMatched, readCsv, readJsonl, sample } from '../unit/detector/support';

// Checks on public data nobody here wrote (data/, see its README).
// The thresholds are general ones: they must hold on other data sets too.
const ROWS = 2000;

let cache: Record<string, LabeledText[]> | undefined;
function clinc(): Record<string, LabeledText[]> {
  cache ??= {
    train: readJsonl('clinc150/real_train.jsonl'),
    test: readJsonl('clinc150/real_test.jsonl'),
    synthetic: readJsonl('clinc150/synthetic_gpt35.jsonl'),
  };
  return cache;
}

/** Real-vs-real must look like chance: an interval over 0.5 (or a negligible AUC), and about 5% flagged. */
function assertQuiet(real: string[], other: string[], what: string): void {
  const result = detect(real, other);
  const flagged = flaggedShare(result.scores, real.length);
  const summary = `${what}: AUC ${result.auc.toFixed(3)} [${result.aucLow.toFixed(3)}, ${result.aucHigh.toFixed(3)}], flagged ${(100 * flagged).toFixed(1)}%`;
  assert.ok((result.aucLow <= 0.5 && result.aucHigh >= 0.5) || result.auc <= 0.55, summary);
  assert.ok(flagged >= 0.02 && flagged <= 0.08, summary);
}

describe('detector on CLINC150', () => {
  it('separates crowd-written from GPT-3.5 text, at least as well as word TF-IDF + logistic regression', () => {
    const real = sample(clinc().train, ROWS, 11);
    const synthetic = sample(clinc().synthetic, ROWS, 12);
    const result = detect(real, synthetic);
    const baseline = baselineAuc(real, synthetic);
    assert.ok(result.auc > 0.9, `AUC ${result.auc}`);
    assert.ok(result.auc >= baseline - 0.005, `detector ${result.auc} vs baseline ${baseline}`);
    assert.ok(flaggedShare(result.scores, real.length) > 0.8);
  });

  it('still beats the baseline once case and punctuation are stripped from both sides, on wording alone', () => {
    const strip = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, '').replace(/\s+/g, ' ').trim();
    const real = sample(clinc().train, ROWS, 11).map(strip);
    const synthetic = sample(clinc().synthetic, ROWS, 12).map(strip);
    const result = detect(real, synthetic);
    const baseline = baselineAuc(real, synthetic);
    assert.ok(result.auc > 0.75, `AUC ${result.auc}`);
    assert.ok(result.auc >= baseline - 0.005, `detector ${result.auc} vs baseline ${baseline}`);
  });

  // CLINC150's test split was written with other entities and scenarios than its training split ("bardenay",
  // "pasta", "arizona" lean test; "amex", "starbucks" lean train): over the whole files, word TF-IDF + logistic
  // regression tells them apart at AUC 0.67, and at 0.55-0.57 on 2,000 rows a side. The detector sees the same
  // real, small gap. The full check (analyze) also drops rare features before the detector sees them, which
  // brings the splits to a no-gap verdict; test/e2e/cli.test.ts checks that on the whole files.
  it('sees no more of a gap between the real training and test splits than the word baseline does', () => {
    const [test, train] = labelMatched(clinc().test, clinc().train, ROWS, 19);
    const result = detect(train, test);
    const baseline = baselineAuc(train, test);
    const flagged = flaggedShare(result.scores, train.length);
    assert.ok(result.auc <= baseline + 0.02, `detector ${result.auc} vs baseline ${baseline}`);
    assert.ok(result.auc < 0.6 && flagged <= 0.1, `AUC ${result.auc}, flagged ${flagged}`);
  });

  it('stays quiet on two random halves of one file', () => {
    const [first, second] = halves(clinc().train, ROWS, 17);
    assertQuiet(first, second, 'half vs half');
  });

  it('gives identical scores for the same seed', () => {
    const real = sample(clinc().test, 300, 3);
    const synthetic = sample(clinc().synthetic, 300, 4);
    const first = detect(real, synthetic, 5);
    const again = detect(real, synthetic, 5);
    const other = detect(real, synthetic, 6);
    assert.deepEqual(again.scores, first.scores);
    assert.equal(again.auc, first.auc);
    assert.notDeepEqual(other.scores, first.scores);
  });
});

describe('detector on Banking77', () => {
  // The training split is label-imbalanced and the test split balanced, so unmatched samples differ in what
  // they ask about (a real gap, which the detector and the baseline both see at AUC ~0.55). Matching labels
  // leaves only how the rows are written.
  it('stays quiet on the real training split against the real test split', () => {
    const [test, train] = labelMatched(readCsv('banking77/real_test.csv'), readCsv('banking77/real_train.csv'), ROWS, 20);
    assertQuiet(train, test, 'train vs test');
  });
});
