import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lowercaseAll, lowercaseFirst } from '../../../src/core/roughen/transforms/casing';
import { DONOR } from '../../../src/core/roughen/types';
import { context, fixed, rng } from './support';

describe('lowercaseAll', () => {
  test('writes the row in lower case when the donor is, URLs and e-mail addresses kept as written', () => {
    const text = 'Email Bob at Bob.Smith@Example.com or see https://Example.com/Path?Q=1 Now';
    const result = lowercaseAll(text, rng(), context(text, { flags: DONOR.ALL_LOWER }));
    assert.equal(result.text, 'email bob at Bob.Smith@Example.com or see https://Example.com/Path?Q=1 now');
    assert.deepEqual(result.changes.map((c) => c.kind), ['lowercase-all']);
    assert.equal(result.changes[0].before, text);
  });

  test('does nothing when the donor has capitals, at strength 0, or when the row is already lower-case', () => {
    const text = 'Where is my card?';
    assert.equal(lowercaseAll(text, rng(), context(text)).text, text);
    assert.equal(lowercaseAll(text, rng(), context(text, { flags: DONOR.ALL_LOWER, strength: 0 })).text, text);
    assert.deepEqual(lowercaseAll('where is it', rng(), context('where is it', { flags: DONOR.ALL_LOWER })).changes, []);
  });

  test('below strength 1 it applies with that probability', () => {
    const text = 'Where is my card?';
    const ctx = context(text, { flags: DONOR.ALL_LOWER, strength: 0.5 });
    assert.equal(lowercaseAll(text, fixed(0.4), ctx).text, 'where is my card?');
    assert.equal(lowercaseAll(text, fixed(0.6), ctx).text, text);
  });
});

describe('lowercaseFirst', () => {
  test('lower-cases the first letter only', () => {
    const text = 'Where is Jacob?';
    const result = lowercaseFirst(text, rng(), context(text, { flags: DONOR.LOWER_START }));
    assert.equal(result.text, 'where is Jacob?');
    assert.deepEqual(result.changes[0], { kind: 'lowercase-first', description: 'started with a lower-case "where"', before: 'Where', after: 'where' });
  });

  test('leaves an acronym, a URL or a number at the start, and a row that starts lower-case', () => {
    for (const text of ['ATM near me', 'https://x.io is down', '5 dollars to Bob', 'already lower']) {
      assert.equal(lowercaseFirst(text, rng(), context(text, { flags: DONOR.LOWER_START })).text, text, text);
    }
    assert.equal(lowercaseFirst('I lost it', rng(), context('I lost it', { flags: DONOR.LOWER_START })).text, 'i lost it');
  });
});
