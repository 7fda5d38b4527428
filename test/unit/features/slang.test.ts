import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchSlang } from '../../../src/core/features/slang';
import { feature } from './support';

test('chat slang and abbreviations, case-insensitive, each once', () => {
  assert.equal(feature('wtf my package isnt here???', 'slang'), 1);
  assert.deepEqual(matchSlang('can u send it asap pls, thx. U rock'), ['u', 'asap', 'pls', 'thx']);
  assert.deepEqual(matchSlang('IDK btw lol'), ['idk', 'btw', 'lol']);
});

test('formal text and dotted abbreviations are not slang', () => {
  assert.equal(feature('Could you please send it to the U.S. office?', 'slang'), 0);
  assert.equal(feature('I am frustrated because my delivery has been delayed beyond the expected timeframe.', 'slang'), 0);
});
