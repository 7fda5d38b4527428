import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTypos, isKnownWord } from '../../../src/core/features/typos';
import { close, feature, featureMap, wordList } from './support';

test('a misspelling is a typo; inflections of dictionary words are not', () => {
  assert.deepEqual(findTypos('I did not recieve my packages', wordList()), ['recieve']);
  for (const word of ['packages', 'delayed', 'received', 'companies', "company's", 'quickly']) assert.ok(isKnownWord(word, wordList()), word);
  assert.ok(!isKnownWord('recieve', wordList()));
});

test('names, numbers, URLs, e-mails, handles, slang and contractions are not typos', () => {
  const text = 'is Google open in 2024? see https://x.io or mail bob@x.io @support, dont pls, I cant, it\'s ok, 10am';
  assert.deepEqual(findTypos(text, wordList()), []);
});

test('sentence-initial words are checked; names inside a sentence are not', () => {
  assert.deepEqual(findTypos('Recieve it from Zorblax today', wordList()), ['recieve']);
  assert.deepEqual(findTypos('Zorblax sent it', wordList()), ['zorblax']);
});

test('common words missing from word-game dictionaries are known: i, a, ok, email, days and places', () => {
  assert.deepEqual(findTypos('i sent a email on monday from london ok', wordList()), []);
});

test('typo rate is typos per checked word; has-typo is whether there is one', () => {
  const f = featureMap('we did not recieve the packages');
  assert.equal(f['has-typo'], 1);
  close(f['typo-rate'], 1 / 6);
  assert.equal(feature('I am frustrated because my delivery has been delayed beyond the expected timeframe.', 'has-typo'), 0);
  assert.equal(feature('https://x.io 42', 'typo-rate'), 0, 'nothing checked gives 0');
});
