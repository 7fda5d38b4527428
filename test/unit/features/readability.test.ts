import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fleschReadingEase, syllables } from '../../../src/core/features/readability';
import { feature } from './support';

test('syllables by vowel groups, less silent endings', () => {
  const expected: Record<string, number> = { cat: 1, make: 1, table: 2, delayed: 2, loved: 1, wanted: 2, makes: 1, boxes: 2, frustrated: 3, hmm: 1, the: 1, beautiful: 3 };
  for (const [word, count] of Object.entries(expected)) assert.equal(syllables(word), count, word);
});

test('Flesch reading ease: the formula, clamped to 0..100, 0 without words', () => {
  assert.ok(Math.abs(fleschReadingEase(10, 1, 13) - 86.705) < 1e-9);
  assert.equal(fleschReadingEase(3, 1, 3), 100);
  assert.equal(fleschReadingEase(40, 1, 100), 0);
  assert.equal(fleschReadingEase(0, 0, 0), 0);
});

test('plain chat reads easier than formal LLM prose', () => {
  const chat = feature('wtf my package isnt here???', 'reading-ease');
  const formal = feature('I am frustrated because my delivery has been delayed beyond the expected timeframe.', 'reading-ease');
  assert.ok(chat > formal, `${chat} vs ${formal}`);
  assert.equal(feature('', 'reading-ease'), 0);
});
