import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchStockPhrases } from '../../../src/core/features/stockPhrases';
import { feature } from './support';

test('stock phrases match whole words, case-insensitively, as the lexicon writes them', () => {
  assert.deepEqual(matchStockPhrases('certainly! COULD YOU PLEASE help me delve into this?'), ['Certainly', 'Could you please', 'delve', 'delve into']);
  assert.deepEqual(matchStockPhrases('I hope this message finds you well. I am writing to ask.'), ['I hope this message finds you well', 'I am writing to']);
  assert.deepEqual(matchStockPhrases('Thank you for your assistance at your earliest convenience'), ['Thank you for your assistance', 'at your earliest convenience']);
});

test('no match inside a longer word or across punctuation', () => {
  assert.deepEqual(matchStockPhrases('uncertainly, delved, kindlyness'), []);
  assert.deepEqual(matchStockPhrases('I am writing. To you'), []);
  assert.deepEqual(matchStockPhrases(''), []);
});

test('the feature is whether any stock phrase occurs', () => {
  assert.equal(feature('I am frustrated because my delivery has been delayed beyond the expected timeframe.', 'stock-phrase'), 1);
  assert.equal(feature('wtf my package isnt here???', 'stock-phrase'), 0);
});
