import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dropPoliteness } from '../../../src/core/roughen/transforms/politeness';
import { replaceStockPhrases } from '../../../src/core/roughen/transforms/stockPhrases';
import { DONOR } from '../../../src/core/roughen/types';
import { context, rng } from './support';

describe('replaceStockPhrases', () => {
  test('removes LLM openers and closers and writes plain words for stock phrasing', () => {
    const cases: [string, string][] = [
      ['I am writing to inquire about my balance.', 'Inquire about my balance.'],
      ['Certainly! Could you please check my balance?', 'Can you check my balance?'],
      ['Where is my card? Thank you for your assistance.', 'Where is my card? Thanks.'],
      ['Could you provide me with a fun fact?', 'Can you give me a fun fact?'],
      ['Additionally, I require assistance with my account.', 'Also, I need help with my account.'],
    ];
    for (const [text, expected] of cases) assert.equal(replaceStockPhrases(text, rng(), context(text)).text, expected, text);
  });

  test('lists each replacement, and leaves the row alone when the donor uses stock phrasing too', () => {
    const text = 'Certainly! Where is it?';
    const result = replaceStockPhrases(text, rng(), context(text));
    assert.deepEqual(result.changes, [{ kind: 'stock-phrase', description: 'removed the stock phrase "Certainly"', before: 'Certainly', after: '' }]);
    assert.equal(replaceStockPhrases(text, rng(), context(text, { flags: DONOR.STOCK })).text, text);
  });

  test('never leaves a row empty and never cuts a label word', () => {
    assert.equal(replaceStockPhrases('Greetings', rng(), context('Greetings')).text, 'Hi');
    assert.equal(replaceStockPhrases('Sincerely.', rng(), context('Sincerely.')).text, 'Sincerely.');
    assert.equal(replaceStockPhrases('Greetings!', rng(), context('Greetings!', { label: 'greeting' })).text, 'Greetings!');
  });
});

describe('dropPoliteness', () => {
  test('cuts please and standalone thanks from a row longer than its donor', () => {
    const text = 'Can you please tell me my balance? Thank you!';
    const result = dropPoliteness(text, rng(), context(text, { donor: { words: 5 } }));
    assert.equal(result.text, 'Can you tell me my balance?');
    assert.deepEqual(result.changes.map((c) => c.before), ['please', 'Thank you']);
    assert.equal(dropPoliteness('Kindly, help me, please.', rng(), context('Kindly, help me, please.', { donor: { words: 1 } })).text, 'Help me.');
  });

  test('keeps politeness inside a clause, when the donor is polite, or when the row is no longer than the donor', () => {
    const text = 'Thank you for helping me find my card';
    assert.equal(dropPoliteness(text, rng(), context(text, { donor: { words: 3 } })).text, text);
    const polite = 'Please tell me my balance';
    assert.equal(dropPoliteness(polite, rng(), context(polite, { flags: DONOR.POLITE, donor: { words: 2 } })).text, polite);
    assert.equal(dropPoliteness(polite, rng(), context(polite, { donor: { words: 10 } })).text, polite);
    assert.equal(dropPoliteness('Thank you so much!', rng(), context('Thank you so much!', { donor: { words: 1 }, label: 'thank_you' })).text, 'Thank you so much!');
  });
});
