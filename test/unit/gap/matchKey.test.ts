import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForMatch } from '../../../src/core/gap/duplicates';
import { matchKey } from '../../../src/core/gap/matchKey';
import { seededRandom } from '../../../src/core/stats/random';

// matchKey stands in for normalizeForMatch wherever pairs are compared; it must call the same texts equal.

/** Pieces a text is built from: words in both cases, accents (composed and combining), digits, emoji, CJK, punctuation and white space of every kind, and a lone surrogate. */
const PIECES = ['Where', 'is', 'MY', 'package', 'É', 'e\u0301', 'Straße', '3.5', '42', '😀', '𝐀', '中文', ',', '?', '!', '—', "'", '’', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ud800', '-'];

test('matchKey gives a text the key of its normalizeForMatch text, and undefined when that is empty', () => {
  const random = seededRandom(12);
  const keys = new Map<number, string>();
  for (let n = 0; n < 5000; n++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
    const normalized = normalizeForMatch(text);
    const key = matchKey(text);
    assert.equal(key === undefined, normalized === '', JSON.stringify(text));
    if (key === undefined) continue;
    assert.equal(matchKey(normalized), key, JSON.stringify(text));
    assert.ok(Number.isSafeInteger(key) && key >= 0);
    const seen = keys.get(key);
    assert.ok(seen === undefined || seen === normalized, `${JSON.stringify(seen)} and ${JSON.stringify(normalized)} share a key`);
    keys.set(key, normalized);
  }
  assert.ok(keys.size > 1000, `${keys.size} distinct texts`);
});

test('matchKey sets case, punctuation and spacing aside, and nothing else', () => {
  assert.equal(matchKey('  Where is my PACKAGE?'), matchKey('where is my package'));
  assert.equal(matchKey('a , b'), matchKey('a b'));
  assert.notEqual(matchKey('a-b'), matchKey('a b'), 'punctuation inside a word joins it, as normalizeForMatch does');
  assert.notEqual(matchKey('ab'), matchKey('ba'));
  assert.equal(matchKey('?!'), undefined);
  assert.equal(matchKey(''), undefined);
});
