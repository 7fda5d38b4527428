import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureMap } from './support';

test('length counts characters, words, sentences and their ratios', () => {
  const f = featureMap('wtf my package isnt here???');
  assert.equal(f.characters, 27);
  assert.equal(f.words, 5);
  assert.equal(f['mean-word-length'], 20 / 5);
  assert.equal(f.sentences, 1);
  assert.equal(f['words-per-sentence'], 5);
});

test('two sentences halve the words per sentence; URLs do not count toward word length', () => {
  const f = featureMap('Hi there. See https://example.com/a/very/long/path now.');
  assert.equal(f.sentences, 2);
  assert.equal(f.words, 5);
  assert.equal(f['words-per-sentence'], 2.5);
  assert.equal(f['mean-word-length'], (2 + 5 + 3 + 3) / 4);
});

test('empty and blank text measure 0 everywhere', () => {
  for (const text of ['', '   ']) {
    const f = featureMap(text);
    assert.deepEqual([f.words, f.sentences, f['mean-word-length'], f['words-per-sentence']], [0, 0, 0, 0]);
  }
});
