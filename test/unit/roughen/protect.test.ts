import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanText } from '../../../src/core/features/scan';
import { protectionFor, sharesStem, splitLabel } from '../../../src/core/roughen/protect';

/** The words of `text` the rule protects. */
function protectedWords(text: string, label?: string): string[] {
  const rule = protectionFor(text, label);
  const scan = scanText(text);
  const found: string[] = [];
  for (let k = 0; k < scan.count; k++) if (rule(scan.words[k], scan.flags[k])) found.push(scan.words[k]);
  return found;
}

describe('the protected-token rule', () => {
  test('protects numbers, amounts, dates and times, URLs, e-mails and handles', () => {
    const text = 'Send $1,250.50 on the 5th at 9am or 12:30 to bob@bank.com, see https://bank.com, ping @bob_k 2024-01-05';
    assert.deepEqual(protectedWords(text), ['1,250.50', '5th', '9am', '12:30', 'bob@bank.com', 'https://bank.com', '@bob_k', '2024', '01', '05']);
  });

  test('protects names: capitalized inside a sentence, all capitals, or a proper noun of the lexicon', () => {
    assert.deepEqual(protectedWords('Book a table at Nobu for Jacob and me'), ['nobu', 'jacob']);
    assert.deepEqual(protectedWords('What is my ATM PIN'), ['atm', 'pin']);
    assert.deepEqual(protectedWords('how do you say hello in spanish on monday'), ['spanish', 'monday']);
    assert.deepEqual(protectedWords('Where is it? I lost it'), [], 'sentence starts and the pronoun I are no names');
    const rule = protectionFor('Call Jacob now');
    assert.ok(rule('jacob', 0), 'still protected once the row is lower-cased');
  });

  test('protects the words of the label and their inflections', () => {
    assert.deepEqual(protectedWords('My cards have not arrived yet', 'card_arrival'), ['cards', 'arrived']);
    assert.deepEqual(protectedWords('translation of this', 'translate'), ['translation']);
    assert.deepEqual(protectedWords('my pto and ptos', 'pto_request'), ['pto']);
    assert.deepEqual(protectedWords('car cards', 'card'), ['cards']);
  });

  test('splits labels at separators and camelCase', () => {
    assert.deepEqual(splitLabel('card_arrival'), ['card', 'arrival']);
    assert.deepEqual(splitLabel('cardArrival'), ['card', 'arrival']);
    assert.deepEqual(splitLabel('Top Up-failed/v2'), ['top', 'up', 'failed', 'v2']);
    assert.ok(sharesStem('arrived', 'arrival'));
    assert.ok(!sharesStem('arrow', 'arrival'));
    assert.ok(!sharesStem('car', 'card'));
  });
});
