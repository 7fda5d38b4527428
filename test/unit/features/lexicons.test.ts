import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTRACTIONS, SLANG, TAG, tagOf } from '../../../src/core/features/lexicons';
import { STOCK_PHRASES } from '../../../src/core/features/stockPhrases';
import { wordList } from './support';

test('contractions map full, contracted and bare forms; bare forms that are words are marked', () => {
  for (const entry of CONTRACTIONS) {
    assert.ok(entry.contracted.includes("'"), entry.contracted);
    assert.equal(entry.bare, entry.contracted.toLowerCase().replace("'", ''));
    // Marked bare forms are everyday words (the word list omits `hell`); unmarked ones may be rare dictionary
    // words (`cant`, `wont`, `whats`) that chat uses as contractions far more often.
    if (entry.bareIsWord) assert.ok(wordList().has(entry.bare) || entry.bare === 'hell', entry.bare);
  }
  assert.ok(CONTRACTIONS.some((entry) => entry.full === 'do not' && entry.contracted === "don't" && entry.bare === 'dont'));
});

test('slang entries are unique and lower-case, with formal equivalents for roughening', () => {
  const slang = SLANG.map((entry) => entry.slang);
  assert.equal(new Set(slang).size, slang.length);
  for (const entry of SLANG) assert.equal(entry.slang, entry.slang.toLowerCase());
  assert.deepEqual(SLANG.find((entry) => entry.slang === 'pls')?.formal, ['please']);
  assert.deepEqual(SLANG.find((entry) => entry.slang === 'u')?.formal, ['you']);
});

test('about a hundred unique stock phrases', () => {
  const phrases = STOCK_PHRASES.map((entry) => entry.phrase.toLowerCase());
  assert.equal(new Set(phrases).size, phrases.length);
  assert.ok(phrases.length >= 90 && phrases.length <= 150, `${phrases.length}`);
});

test('tags: one lookup tells a word\'s lists', () => {
  assert.ok(tagOf('pls') & TAG.SLANG);
  assert.ok(tagOf('dont') & TAG.BARE);
  assert.ok(!(tagOf('its') & TAG.BARE));
  assert.ok(tagOf("don't") & TAG.CONTRACTED);
  assert.ok(tagOf('the') & TAG.STOPWORD);
  assert.ok(tagOf('my') & TAG.FIRST_PERSON);
  assert.equal(tagOf('zebra'), 0);
});
