import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchContractions } from '../../../src/core/features/contractions';
import { feature } from './support';

test('contractions with an apostrophe, straight or curly; possessives are not contractions', () => {
  assert.equal(feature("I don't know", 'contraction'), 1);
  assert.equal(feature('it’s fine', 'contraction'), 1);
  assert.equal(feature("they'd come", 'contraction'), 1);
  assert.equal(feature("John's card", 'contraction'), 0);
  assert.equal(feature('I do not know', 'contraction'), 0);
});

test('contractions missing their apostrophe, but not words that are ordinary words too', () => {
  assert.equal(feature('wtf my package isnt here???', 'bare-contraction'), 1);
  for (const text of ['im lost', 'i cant log in', 'it wont work', 'dont ask']) assert.equal(feature(text, 'bare-contraction'), 1, text);
  for (const text of ['its color', 'we were there', 'well then', 'lets go']) assert.equal(feature(text, 'bare-contraction'), 0, text);
});

test('matchContractions lists both kinds in order', () => {
  assert.deepEqual(matchContractions("I'm sure it dont work, isn't it?"), { contracted: ["i'm", "isn't"], bare: ['dont'] });
});
