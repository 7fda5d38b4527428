// The guards that keep roughening from making a row worse (issue 11): each checked on the rows that went wrong
// before it existed, through the transformation a user runs as well as on its own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { doubledModal, isNegation, readsAfterCut } from '../../../src/core/roughen/guards';
import { learnNoiseProfile } from '../../../src/core/roughen/profile';
import { roughenText } from '../../../src/core/roughen/roughen';
import { dropPoliteness } from '../../../src/core/roughen/transforms/politeness';
import { replaceStockPhrases } from '../../../src/core/roughen/transforms/stockPhrases';
import { addTypos } from '../../../src/core/roughen/transforms/typos';
import { DONOR } from '../../../src/core/roughen/types';
import { namesIn, TypoVocabulary, VOCABULARY_ROWS } from '../../../src/core/roughen/typoVocabulary';
import { TextScan } from '../../../src/core/features/scan';
import { context, donor, profile, rng, wordList } from './support';

describe('guards', () => {
  test('isNegation knows not, never, no and every n\'t, bare or not', () => {
    for (const word of ['not', 'never', 'no', 'nothing', "don't", 'doesn\u2019t', 'cant', 'cannot']) assert.ok(isNegation(word), word);
    for (const word of ['note', 'know', 'now', 'knot', 'want']) assert.ok(!isNegation(word), word);
  });

  test('readsAfterCut refuses a sentence left starting or ending on a word that needed the cut', () => {
    assert.equal(readsAfterCut('for your help!', 0), false);
    assert.equal(readsAfterCut('My card broke. to ask about a refund', 15), false);
    assert.equal(readsAfterCut('Please send me the', 18), false);
    assert.equal(readsAfterCut('ask about a refund', 0), true);
    assert.equal(readsAfterCut('My card broke. What now?', 0), true);
    assert.equal(readsAfterCut('', 0), false);
    assert.equal(readsAfterCut('your reply.', 0, 'I look forward to '), false);
    assert.equal(readsAfterCut('ask about my card.', 0, 'I am writing to '), true);
  });

  test('doubledModal finds two modals around one subject', () => {
    assert.ok(doubledModal('can you could help me'));
    assert.ok(doubledModal('Can I would like'));
    assert.ok(!doubledModal('can you help me if you could'));
  });
});

describe('guards in the transformations', () => {
  test('a stock opener is cut only where the sentence still reads', () => {
    // `Thank you for your assistance` is one stock phrase; `I look forward to` leaves `your reply` behind.
    const dangling = 'I look forward to your reply.';
    assert.equal(replaceStockPhrases(dangling, rng(), context(dangling)).text, dangling);
    const opener = 'Certainly! What time is it?';
    assert.equal(replaceStockPhrases(opener, rng(), context(opener)).text, 'What time is it?');
    const wondering = 'I was wondering if you could check my balance.';
    assert.equal(replaceStockPhrases(wondering, rng(), context(wondering)).text, wondering, 'not "can you could check"');
  });

  test('politeness is cut only where the sentence still reads', () => {
    const text = 'Can you please help me with my card? Thank you for your patience.';
    const ctx = context(text, { donor: { words: 2 } });
    assert.equal(dropPoliteness(text, rng(), ctx).text, 'Can you help me with my card? Thank you for your patience.');
  });

  test('typos never hit negations, names the real set capitalizes, or make another word', () => {
    const common = ['never', 'nothing', 'maryland', 'from', 'form', 'fro', 'transfer', 'money', 'today'];
    const text = 'never send nothing from maryland';
    const dictionary = wordList();
    for (let seed = 1; seed <= 50; seed++) {
      const ctx = context(text, { donor: { typos: 5 }, profile: { commonWords: common, typoKinds: { neighbour: 1, drop: 1, double: 1, swap: 1 } } });
      const out = addTypos(text, rng(seed), { ...ctx, dictionary, isProtected: (word, flags) => ctx.isProtected(word, flags) || word === 'maryland' }).text;
      const from = out.split(' ')[3];
      assert.equal(out.replace(from, 'from'), text);
      assert.ok(from === 'from' || !common.includes(from), `"from" became the word "${from}"`);
    }
    // Through roughenText: the profile's proper nouns protect `maryland`, while `transfer` and `money` may be misspelled.
    const noisy = profile({ commonWords: common, properNouns: ['maryland'], typoKinds: { neighbour: 1, drop: 1, double: 1, swap: 1 }, donors: [donor(DONOR.TYPO, { typos: 6 })] });
    let touched = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const out = roughenText('transfer money today from maryland', noisy, { seed }).text;
      assert.match(out, / maryland$/);
      if (out !== 'transfer money today from maryland') touched++;
    }
    assert.ok(touched > 10, `${touched}`);
  });
});

describe('the typo profile', () => {
  test(`a lower-cased name is no typo: seen capitalized, known from the synthetic rows, or in ${VOCABULARY_ROWS} rows`, () => {
    const real = ['book a flight to kaneville', 'weather in Maryland', 'I moved to Maryland', 'chekc my balance', 'call fargo', 'fargo balance', 'pay fargo'];
    const plain = learnNoiseProfile(real, wordList());
    // kaneville: a typo to the dictionary, but no row capitalizes it and no other text names it.
    assert.equal(plain.typoRowShare, 2 / real.length, 'kaneville and chekc');
    assert.deepEqual(plain.properNouns, ['maryland']);
    const named = learnNoiseProfile(real, wordList(), { knownNames: namesIn(['Fly me to Kaneville.']) });
    assert.equal(named.typoRowShare, 1 / real.length, 'only chekc');
  });

  test('TypoVocabulary counts distinct rows, not occurrences', () => {
    const vocabulary = new TypoVocabulary();
    const scan = new TextScan();
    vocabulary.add(scan.scan('fargo fargo fargo'));
    vocabulary.add(scan.scan('fargo'));
    assert.equal(vocabulary.notATypo('fargo'), false);
    vocabulary.add(scan.scan('at fargo'));
    assert.equal(vocabulary.notATypo('fargo'), true);
  });
});

describe('proper nouns of the real rows', () => {
  test('a word is a name when capitalized inside a sentence more often than not, not after one run-on', () => {
    const real = ['the rate is wrong Why', 'why is the rate wrong', 'I paid it, why not', 'I live in Kaneville', 'to Kaneville and back'];
    assert.deepEqual(learnNoiseProfile(real, wordList()).properNouns, ['kaneville']);
  });
});
