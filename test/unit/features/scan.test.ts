import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOKEN, scanText } from '../../../src/core/features/scan';

const words = (text: string) => scanText(text).words.slice();

test('words keep inner apostrophes and digit separators; hyphens and other punctuation split', () => {
  assert.deepEqual(words("Don't pay $3.50 at 12:00, it's the follow-up!"), ["don't", 'pay', '3.50', 'at', '12:00', "it's", 'the', 'follow', 'up']);
  assert.deepEqual(words('‘quoted’ don’t'), ['quoted', "don't"]);
  assert.deepEqual(words('  '), []);
});

test('URLs, e-mail addresses and handles are single special tokens', () => {
  const scan = scanText('Mail bob@x.com or see https://x.io/a?b=1, www.shop.co.uk and google.com. Thanks @support!');
  const specials = scan.words.filter((_, k) => scan.flags[k] & TOKEN.SPECIAL);
  assert.deepEqual(specials, ['bob@x.com', 'https://x.io/a?b=1', 'www.shop.co.uk', 'google.com', '@support']);
  assert.equal(scan.sentences, 2);
});

test('sentences end at . ! ? and line breaks, but not at abbreviations or decimals', () => {
  assert.equal(scanText('Hi. How are you? Fine!').sentences, 3);
  assert.equal(scanText('Mr. Smith paid 3.5 dollars in the U.S. yesterday').sentences, 1);
  assert.equal(scanText('first line\nsecond line').sentences, 2);
  assert.equal(scanText('no punctuation at all').sentences, 1);
  assert.equal(scanText('...').sentences, 0);
});

test('flags mark sentence starts, capitals, digits and dotted abbreviations', () => {
  const scan = scanText('Where is Anna? NASA said e.g. 2nd');
  const flagsOf = (word: string) => scan.flags[scan.words.indexOf(word)];
  assert.ok(flagsOf('where') & TOKEN.SENTENCE_START);
  assert.ok(flagsOf('anna') & TOKEN.UPPER_FIRST && !(flagsOf('anna') & TOKEN.SENTENCE_START));
  assert.ok(flagsOf('nasa') & TOKEN.ALL_UPPER && flagsOf('nasa') & TOKEN.SENTENCE_START);
  assert.ok(flagsOf('e') & TOKEN.DOTTED);
  assert.ok(flagsOf('2nd') & TOKEN.HAS_DIGIT && !(flagsOf('2nd') & TOKEN.NUMBER));
});

test('characters count code points, so an emoji is one character', () => {
  assert.equal(scanText('ok 😡').chars, 4);
});
