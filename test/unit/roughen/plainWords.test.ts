import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { learnNoiseProfile } from '../../../src/core/roughen/profile';
import { roughenText } from '../../../src/core/roughen/roughen';
import { usePlainWords } from '../../../src/core/roughen/transforms/plainWords';
import { DONOR, type PlainWordChoice } from '../../../src/core/roughen/types';
import { context, donor, fixed, profile, rng, wordList } from './support';

const realPlain: PlainWordChoice[] = [
  { formal: 'could you provide', rate: 1, plain: [{ word: 'can you tell me', count: 3 }] },
  { formal: 'i would like', rate: 1, plain: [{ word: 'i want', count: 5 }] },
  { formal: 'currently', rate: 1, plain: [{ word: 'now', count: 3 }, { word: 'right now', count: 1 }] },
];

describe('usePlainWords', () => {
  test('writes the plain form in the case of the formal one and lists each swap', () => {
    const text = 'Could you provide the forecast? I would like a coat.';
    const result = usePlainWords(text, rng(), context(text, { profile: { plainWords: realPlain } }));
    assert.equal(result.text, 'Can you tell me the forecast? I want a coat.');
    assert.deepEqual(result.changes, [
      { kind: 'plain-words', description: '"Could you provide" → "Can you tell me"', before: 'Could you provide', after: 'Can you tell me' },
      { kind: 'plain-words', description: '"I would like" → "I want"', before: 'I would like', after: 'I want' },
    ]);
  });

  test('draws among the plain forms by their real counts', () => {
    const text = 'what is currently on';
    const ctx = context(text, { profile: { plainWords: realPlain } });
    assert.equal(usePlainWords(text, fixed(0, 0.5), ctx).text, 'what is now on');
    assert.equal(usePlainWords(text, fixed(0, 0.9), ctx).text, 'what is right now on');
  });

  test('leaves protected words: a label word, a name', () => {
    const text = 'I am currently abroad';
    assert.equal(usePlainWords(text, rng(), context(text, { profile: { plainWords: realPlain }, label: 'currently_abroad' })).text, text);
    assert.equal(usePlainWords(text, rng(), context(text, { profile: { plainWords: realPlain } })).text, 'I am now abroad');
    const named = 'Ask Currently about it';
    assert.equal(usePlainWords(named, rng(), context(named, { profile: { plainWords: realPlain } })).text, named);
  });

  test('swaps at the real rate over many rows, calibrated against the rows\' own rate', () => {
    const text = 'i would like a coat';
    const swaps = (rate: number, dataset?: number) => {
      const plainWords: PlainWordChoice[] = [{ formal: 'i would like', rate, plain: [{ word: 'i want', count: 1 }] }];
      const ctx = { ...context(text, { profile: { plainWords } }), ...(dataset === undefined ? {} : { dataset: profile({ plainWords: [{ ...plainWords[0], rate: dataset }] }) }) };
      const random = rng(11);
      let count = 0;
      for (let i = 0; i < 4000; i++) if (usePlainWords(text, random, ctx).changes.length > 0) count++;
      return count / 4000;
    };
    assert.ok(Math.abs(swaps(0.3) - 0.3) < 0.03, `${swaps(0.3)}`);
    // Rows that already write it plainly 30% of the time need (0.65 − 0.3) / (1 − 0.3) = 0.5 more to reach 65%.
    assert.ok(Math.abs(swaps(0.65, 0.3) - 0.5) < 0.03, `${swaps(0.65, 0.3)}`);
    assert.equal(swaps(0.3, 0.4), 0);
  });

  test('never rewrites a content word, which can change what the row says (residence permits → home permits)', () => {
    const content: PlainWordChoice[] = [{ formal: 'residence', rate: 1, plain: [{ word: 'home', count: 9 }] }, { formal: 'to purchase', rate: 1, plain: [{ word: 'to buy', count: 9 }] }];
    const text = 'How do I renew residence permits? I need to purchase a visa.';
    assert.equal(usePlainWords(text, rng(), context(text, { profile: { plainWords: content } })).text, text);
    const real = ['my home permit', 'to buy a visa', 'residence permit', 'to purchase a visa'];
    const offered = learnNoiseProfile(real, wordList()).plainWords.map((choice) => choice.formal);
    assert.ok(!offered.includes('residence') && !offered.includes('to purchase'), 'content entries are not even offered');
  });

  test('leaves a phrase with a negation and a rewrite that would stack two modals', () => {
    const wondering: PlainWordChoice[] = [{ formal: 'i was wondering', rate: 1, plain: [{ word: 'can', count: 1 }] }];
    const text = 'I was wondering you could help';
    assert.equal(usePlainWords(text, rng(), context(text, { profile: { plainWords: wondering } })).text, text);
  });

  test('is deterministic for a given random stream', () => {
    const text = 'Could you provide the time? I am currently trying to buy a bike, I would like one.';
    const ctx = context(text, { profile: { plainWords: realPlain.map((choice) => ({ ...choice, rate: 0.5 })) } });
    assert.deepEqual(usePlainWords(text, rng(5), ctx), usePlainWords(text, rng(5), ctx));
  });
});

describe('plain words in the profile and the pipeline', () => {
  test('measures the real share of plain forms and never offers a form the real set lacks', () => {
    const real = ['i want a car', 'where can i buy milk', 'i would like a ticket', 'i am currently at home', 'what is the weather'];
    const choices = learnNoiseProfile(real, wordList()).plainWords;
    const want = choices.find((choice) => choice.formal === 'i would like');
    assert.deepEqual(want, { formal: 'i would like', rate: 0.5, plain: [{ word: 'i want', count: 1 }] });
    assert.equal(choices.find((choice) => choice.formal === 'currently'), undefined, 'no real row writes now');
    const text = 'I am currently at work';
    const ctx = context(text, { profile: { plainWords: choices } });
    assert.equal(usePlainWords(text, rng(), ctx).text, text);
  });

  test('runs before the casing steps, so a lower-case real set gets the plain word in lower case', () => {
    const lower = profile({ allLowercaseShare: 1, startsLowercaseShare: 1, plainWords: realPlain, donors: [donor(DONOR.ALL_LOWER | DONOR.LOWER_START)] });
    const result = roughenText('Could I ask? I would like a coat.', lower, { seed: 3 });
    assert.equal(result.text, 'could i ask? i want a coat.');
    assert.deepEqual(result.changes.map((c) => c.kind), ['plain-words', 'lowercase-all']);
  });
});
