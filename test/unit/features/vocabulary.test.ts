import assert from 'node:assert/strict';
import { test } from 'node:test';
import { close, feature, featureMap } from './support';

test('first-person rate counts I, me, my, we and their contractions per word', () => {
  assert.equal(feature('I want my money', 'first-person-rate'), 2 / 4);
  assert.equal(feature("I'm sure we can", 'first-person-rate'), 2 / 4);
  assert.equal(feature('ship it to the US', 'first-person-rate'), 0, 'US in capitals is the country');
  assert.equal(feature('send it to us', 'first-person-rate'), 1 / 4);
});

test('type-token ratio is distinct words per word, case-insensitive', () => {
  close(feature('the cat and The dog', 'type-token-ratio'), 4 / 5);
  assert.equal(feature('no no no no', 'type-token-ratio'), 1 / 4);
  const long = Array.from({ length: 60 }, (_, i) => `w${i % 30}`).join(' ');
  assert.equal(feature(long, 'type-token-ratio'), 0.5, 'long rows take the Set path');
});

test('stopword ratio is stopwords per word; empty text gives 0s', () => {
  assert.equal(feature('where is the package', 'stopword-ratio'), 3 / 4);
  const f = featureMap('');
  assert.deepEqual([f['first-person-rate'], f['type-token-ratio'], f['stopword-ratio']], [0, 0, 0]);
});
