import assert from 'node:assert/strict';
import { test } from 'node:test';
import { close, feature, featureMap } from './support';

test('terminal punctuation: . ! ? or … at the end, closing quotes allowed', () => {
  assert.equal(feature('where is it?', 'terminal-punctuation'), 1);
  assert.equal(feature('He said "stop."', 'terminal-punctuation'), 1);
  assert.equal(feature('wait…', 'terminal-punctuation'), 1);
  assert.equal(feature('where is it', 'terminal-punctuation'), 0);
  assert.equal(feature('thanks :)', 'terminal-punctuation'), 0);
  assert.equal(feature('', 'terminal-punctuation'), 0);
});

test('repeated punctuation is two or more ? or ! in a row', () => {
  assert.equal(feature('wtf my package isnt here???', 'repeated-punctuation'), 1);
  assert.equal(feature('really?!', 'repeated-punctuation'), 1);
  assert.equal(feature('no way!!!', 'repeated-punctuation'), 1);
  assert.equal(feature('Really? Yes!', 'repeated-punctuation'), 0);
  assert.equal(feature('wait...', 'repeated-punctuation'), 0);
});

test('an ellipsis is three dots or the … character', () => {
  assert.equal(feature('hmm... ok', 'ellipsis'), 1);
  assert.equal(feature('hmm… ok', 'ellipsis'), 1);
  assert.equal(feature('ok.. fine', 'ellipsis'), 0);
  assert.equal(feature('It costs 3.50.', 'ellipsis'), 0);
});

test('punctuation density is punctuation characters per character', () => {
  const f = featureMap('wtf my package isnt here???');
  close(f['punctuation-density'], 3 / 27);
  assert.equal(feature('plain words only', 'punctuation-density'), 0);
  assert.equal(feature('', 'punctuation-density'), 0);
});
