import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flaggedText, reasonsSentence } from '../../../src/core/exporters/sentences';
import type { DatasetSummary } from '../../../src/core/report/types';

const summary: DatasetSummary = {
  rows: 1210, referenceRows: 760, auc: 0.9, aucLow: 0.88, aucHigh: 0.92, verdict: 'large-gap', headline: '', flagged: 812, flagThreshold: 0.731, referenceFlaggedShare: 0.041,
};

test('the flagged count says what flagged means under each verdict', () => {
  assert.equal(flaggedText(summary), '812 of 1,210 rows look synthetic (threshold 0.73; flags 4.1% of real rows)');
  assert.equal(flaggedText({ ...summary, verdict: 'no-gap', flagged: 0 }), 'No row stands out: with no gap, a row above the flag threshold by its score alone is chance');
  assert.equal(flaggedText({ ...summary, verdict: 'no-gap', flagged: 10 }), '10 of 1,210 rows use LLM stock phrasing that real rows rarely use; otherwise no row stands out');
  assert.equal(flaggedText({ ...summary, verdict: 'insufficient-data', flagged: 0 }), 'Too few rows to flag any');
  assert.equal(flaggedText({ ...summary, verdict: 'small-gap', flagged: 0, flagThreshold: 1 }), 'No row stands out on its own: the difference is spread thinly over many rows');
});

test('a flagged row\'s message opens with the kind of its first reason', () => {
  assert.equal(reasonsSentence([{ code: 'stock-phrase', message: 'opens with "Certainly", found in 0 of 760 real rows' }], 0.99), 'Reads like LLM writing: opens with "Certainly", found in 0 of 760 real rows.');
  assert.equal(reasonsSentence([{ code: 'word:duration', message: 'uses the word "duration"' }, { code: 'characters', message: '70 characters' }], 0.99), 'Reads like LLM writing: uses the word "duration"; 70 characters.');
  // The fix's reasons come first; a word synthetic rows over-use still makes it read like LLM writing.
  assert.equal(reasonsSentence([{ code: 'starts-capital', message: 'starts with a capital' }, { code: 'word:duration', message: 'uses the word "duration"' }], 0.99), 'Reads like LLM writing: starts with a capital; uses the word "duration".');
  assert.equal(reasonsSentence([{ code: 'starts-capital', message: 'starts with a capital' }, { code: 'characters', message: '70 characters' }], 0.99), 'Reads unlike the real rows: starts with a capital; 70 characters.');
  assert.equal(reasonsSentence([{ code: 'characters', message: '70 characters, longer than 96% of real rows' }], 0.99), 'Reads unlike the real rows: 70 characters, longer than 96% of real rows.');
  assert.equal(reasonsSentence([], 0.974), 'Looks synthetic: scores higher than 97% of real rows.');
});
