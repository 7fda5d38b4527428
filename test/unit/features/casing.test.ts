import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feature, featureMap } from './support';

test('a lower-case chat message: no capital start, all lower-case', () => {
  const f = featureMap('wtf my package isnt here???');
  assert.equal(f['starts-capital'], 0);
  assert.equal(f['all-lowercase'], 1);
  assert.equal(f.shouting, 0);
});

test('a sentence-case message starts with a capital and is not all lower-case', () => {
  const f = featureMap('I am frustrated because my delivery has been delayed beyond the expected timeframe.');
  assert.equal(f['starts-capital'], 1);
  assert.equal(f['all-lowercase'], 0);
});

test('shouting is an all-caps real word of three or more letters, not an acronym or slang', () => {
  assert.equal(feature('where is my card I NEED IT NOW', 'shouting'), 1);
  assert.equal(feature('HELLOOOO anyone', 'shouting'), 1);
  assert.equal(feature("I DON'T get it", 'shouting'), 1);
  assert.equal(feature('my ATM PIN for the USA trip', 'shouting'), 0);
  assert.equal(feature('what is an IBAN or SEPA transfer', 'shouting'), 0, 'unknown short all-caps words read as acronyms');
  assert.equal(feature('WTF is this', 'shouting'), 0);
  assert.equal(feature('I OK it', 'shouting'), 0, 'two letters are too few');
});

test('text without letters is neither capitalized nor lower-case', () => {
  assert.equal(feature('123 456', 'all-lowercase'), 0);
  assert.equal(feature('123 456', 'starts-capital'), 0);
  assert.equal(feature('"Quoted" start', 'starts-capital'), 1);
});
