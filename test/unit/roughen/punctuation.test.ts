import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dropCommas, dropPunctuation, dropTerminal, lowerCapitalsAfter, repeatPunctuation } from '../../../src/core/roughen/transforms/punctuation';
import { DONOR } from '../../../src/core/roughen/types';
import { context, rng } from './support';

const run = (transform: typeof dropTerminal, text: string, flags: number) => transform(text, rng(), context(text, { flags }));

describe('dropTerminal', () => {
  test('drops the final . ! ? or … run, before closing quotes too', () => {
    assert.equal(run(dropTerminal, 'Where is my card?', DONOR.NO_TERMINAL).text, 'Where is my card');
    assert.equal(run(dropTerminal, 'Help!!! ', DONOR.NO_TERMINAL).text, 'Help');
    assert.equal(run(dropTerminal, 'He said "hi."', DONOR.NO_TERMINAL).text, 'He said "hi"');
    const result = run(dropTerminal, 'Is it 3.5?', DONOR.NO_TERMINAL);
    assert.equal(result.text, 'Is it 3.5');
    assert.deepEqual(result.changes[0], { kind: 'drop-terminal', description: 'removed the final ?', before: '?', after: '' });
  });

  test('keeps dots that are part of a token, and does nothing when the donor ends with punctuation', () => {
    assert.equal(run(dropTerminal, 'I moved to the U.S.', DONOR.NO_TERMINAL).text, 'I moved to the U.S.');
    assert.equal(run(dropTerminal, 'see https://x.io/a.html', DONOR.NO_TERMINAL).text, 'see https://x.io/a.html');
    assert.equal(run(dropTerminal, 'Where is my card?', 0).text, 'Where is my card?');
  });
});

describe('dropCommas', () => {
  test('drops commas between words, never inside numbers', () => {
    assert.equal(run(dropCommas, 'Hi, can you send $1,000.50 , please?', DONOR.NO_COMMA).text, 'Hi can you send $1,000.50 please?');
  });
});

describe('dropPunctuation', () => {
  test('lower-cases a sentence that loses the stop before it, never a name, an acronym or I', () => {
    const text = 'My transfer was declined. What is going on? I paid Jacob. Jacob says no. ATM fees?';
    assert.equal(run(dropPunctuation, text, DONOR.NO_PUNCTUATION).text, 'My transfer was declined what is going on I paid Jacob Jacob says no ATM fees');
  });

  test('lowerCapitalsAfter touches only capitals after a removed stop, and keeps the length', () => {
    const text = 'Done. Next. İstanbul? "Quoted" here';
    assert.equal(lowerCapitalsAfter(text, [4, 10], () => false), 'Done. next. İstanbul? "Quoted" here');
    assert.equal(lowerCapitalsAfter(text, [10, 20], () => false), 'Done. Next. İstanbul? "quoted" here');
    assert.equal(lowerCapitalsAfter(text, [4], (word) => word === 'next'), text);
  });

  test('drops every sentence mark between words, keeping times, decimals, abbreviations and emoticons', () => {
    const text = 'I lost my card. Can you help? Call at 12:30, e.g. today :) Thanks!';
    assert.equal(run(dropPunctuation, text, DONOR.NO_PUNCTUATION).text, 'I lost my card can you help call at 12:30 e.g. today :) Thanks');
  });
});

describe('repeatPunctuation', () => {
  test('doubles a final ? or ! when the donor repeats punctuation', () => {
    const result = run(repeatPunctuation, 'Where is my card?', DONOR.REPEATED);
    assert.equal(result.text, 'Where is my card??');
    assert.equal(result.changes[0].after, '??');
    assert.equal(run(repeatPunctuation, 'Where is my card.', DONOR.REPEATED).text, 'Where is my card.');
    assert.equal(run(repeatPunctuation, 'Why?!', DONOR.REPEATED).text, 'Why?!');
    assert.equal(run(repeatPunctuation, 'Where is my card?', 0).text, 'Where is my card?');
  });
});
