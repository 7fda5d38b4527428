import assert from 'node:assert/strict';
import { test } from 'node:test';
import { styleConstraints } from '../../../src/core/prompts/constraints';
import { isLikelyMisspelling, styleProfile, wordCounts } from '../../../src/core/prompts/style';
import { distinctiveTerms } from '../../../src/core/prompts/terms';
import { wordList } from '../features/support';

const REAL = [
  'when will i receive my new card',
  'i did not receive my card yet',
  'has my card been sent to me',
  'i still havent got my card pls help',
  'card never arrived and i want to recieve it',
  'Where is my replacement card?',
  'how long until i receive the card',
  'my card is not here yet u know',
  'receive card when',
  'why is my card taking so long to arrive',
];

test('measures length, casing, endings, likely misspellings, slang and dropped apostrophes', () => {
  const style = styleProfile(REAL, wordList());
  assert.equal(style.rows, 10);
  assert.equal(style.allLowercase, 0.9);
  assert.equal(style.startsCapital, 0.1);
  assert.equal(style.noFinalPunctuation, 0.9);
  assert.deepEqual(style.typos, ['recieve'], '`receive` is common here, so `recieve` is a misspelling');
  assert.equal(style.typoRows, 0.1);
  assert.deepEqual(style.slang, ['pls', 'u']);
  assert.equal(style.slangRows, 0.2);
  assert.deepEqual(style.bareContractions, ['havent']);
  assert.ok(style.words.p10 >= 3 && style.words.p90 <= 10 && style.words.median === 7, JSON.stringify(style.words));
});

test('a word one edit from a more common word is a misspelling; a name is not', () => {
  const vocabulary = wordCounts(['receive receive recieve', 'kevin said hello', 'gorge']);
  assert.equal(isLikelyMisspelling('recieve', vocabulary, wordList()), true);
  assert.equal(isLikelyMisspelling('kevin', vocabulary, wordList()), false);
  assert.equal(isLikelyMisspelling('recieve', wordCounts(['recieve']), wordList()), false, 'no common neighbour in the rows');
});

test('constraints state the measured style as rules, with the shares', () => {
  const rules = styleConstraints(styleProfile(REAL, wordList()));
  const text = rules.join('\n');
  assert.match(rules[0], /^Length: \d+ to \d+ words \(median 7\)/);
  assert.match(text, /Casing: all lower-case, no capital letters at all \(90% of real messages\)/);
  assert.match(text, /Ending: no final \. ! or \? \(90% of real messages end without one\)/);
  assert.match(text, /Typos: a misspelling in about 1 in 10 messages \(10%\); real ones: "recieve"/);
  assert.match(text, /Slang: chat slang in about 1 in 5 messages \(20%\), such as "pls", "u"/);
  assert.match(text, /Apostrophes: dropped in about 1 in 10 messages \(10%\), as in "havent"/);
  const formal = styleConstraints(styleProfile(['Hello, could you please check my order?', 'I would like a refund.'], wordList())).join('\n');
  assert.match(formal, /Casing: start with a capital letter/);
  assert.match(formal, /Ending: end with \. ! or \?/);
  assert.match(formal, /Slang: none/);
});

test('empty input: zero shares, no length rule', () => {
  const style = styleProfile([], wordList());
  assert.equal(style.rows, 0);
  assert.ok(Number.isNaN(style.words.median));
  assert.doesNotMatch(styleConstraints(style).join('\n'), /Length/);
});

test('distinctive terms: the words that set a group apart, each thing named once', () => {
  const group = ['how do i reset my pin', 'reset pin please', 'i forgot my pin', 'change the pin on my card', 'new pin for my card'];
  const others = ['what is the weather today', 'play some music', 'is it going to rain', 'set an alarm for 7', 'book a flight to paris', 'my card is lost', 'what time is it'];
  // Counts are rows, so the group and the rest need a realistic size for the prior to let terms through.
  const terms = distinctiveTerms(Array.from({ length: 4 }, () => group).flat(), Array.from({ length: 10 }, () => others).flat());
  assert.equal(terms[0], 'pin');
  assert.ok(!terms.includes('card'), 'card is in the other rows too');
  assert.ok(terms.every((term, i) => terms.every((other, j) => i === j || !` ${other} `.includes(` ${term} `))), terms.join(', '));
  assert.deepEqual(distinctiveTerms([], others), []);
});
