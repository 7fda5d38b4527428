import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPoliteness } from '../../../src/core/features/politeness';
import { feature } from './support';

test('politeness markers in full and chat forms', () => {
  for (const text of ['Could you check?', 'please help', 'thanks a lot', 'Thank you!', 'thx', 'Would you mind?', 'Kindly advise']) {
    assert.equal(feature(text, 'politeness'), 1, text);
  }
  assert.deepEqual(matchPoliteness('Could you please help? Thank you'), ['could you', 'please', 'thank you']);
});

test('no marker in a blunt message or in look-alike words', () => {
  assert.equal(feature('wtf my package isnt here???', 'politeness'), 0);
  assert.equal(feature('you could check and he would know', 'politeness'), 0);
  assert.equal(feature('pleased with the thankless job', 'politeness'), 0);
});
