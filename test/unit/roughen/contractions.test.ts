import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contract, dropApostrophes } from '../../../src/core/roughen/transforms/contractions';
import { DONOR } from '../../../src/core/roughen/types';
import { context, fixed, rng } from './support';

describe('contract', () => {
  test('contracts full forms when the donor uses a contraction, in the case they were written', () => {
    const text = 'I am sure I do not have it. Do not worry, it is fine.';
    const result = contract(text, rng(), context(text, { flags: DONOR.CONTRACTION }));
    assert.equal(result.text, "I'm sure I don't have it. Don't worry, it's fine.");
    assert.deepEqual(result.changes.map((c) => `${c.before}→${c.after}`), ["I am→I'm", "do not→don't", "Do not→Don't", "it is→it's"]);
    assert.equal(contract('i am here', rng(), context('i am here', { flags: DONOR.CONTRACTION })).text, "i'm here");
  });

  test('contracts `have` only as an auxiliary, and never writes ain\'t, y\'all or let\'s', () => {
    const text = 'I have a card and I have lost it. Let us know, you all. I am not sure.';
    const result = contract(text, rng(), context(text, { flags: DONOR.CONTRACTION }));
    assert.equal(result.text, "I have a card and I've lost it. Let us know, you all. I'm not sure.");
  });

  test('does nothing when the donor has no contraction, and leaves forms with a protected word', () => {
    const text = 'What is my balance?';
    assert.equal(contract(text, rng(), context(text)).text, text);
    assert.equal(contract(text, rng(), context(text, { flags: DONOR.CONTRACTION, label: 'what_is_my_balance' })).text, text);
  });
});

describe('dropApostrophes', () => {
  test('drops apostrophes at the real rate, only where no other word results', () => {
    const text = "I don't know, it's late and we're tired, I'm sure";
    const all = dropApostrophes(text, rng(), context(text, { profile: { bareContractionShare: 1 } }));
    assert.equal(all.text, "I dont know, it's late and we're tired, Im sure");
    assert.deepEqual(all.changes.map((c) => c.kind), ['drop-apostrophe', 'drop-apostrophe']);
    assert.equal(dropApostrophes(text, rng(), context(text)).text, text, 'a real set that never drops them');
    const half = context(text, { profile: { bareContractionShare: 0.5 } });
    // Right to left: the first draw decides `I'm`, the second `don't`.
    assert.equal(dropApostrophes(text, fixed(0.9, 0.1), half).text, "I dont know, it's late and we're tired, I'm sure");
  });

  test('handles curly apostrophes', () => {
    const text = 'I don\u2019t know';
    assert.equal(dropApostrophes(text, rng(), context(text, { profile: { bareContractionShare: 1 } })).text, 'I dont know');
  });
});
