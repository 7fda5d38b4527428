import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyNeighbours } from '../../../src/core/roughen/keyboard';
import { doubleLetter, dropLetter, neighbourTypo, swapLetters } from '../../../src/core/roughen/transforms/letterTypos';
import { addTypos } from '../../../src/core/roughen/transforms/typos';
import { classifyTypo } from '../../../src/core/roughen/typoKinds';
import { context, fixed, rng, wordList } from './support';

describe('letter edits', () => {
  test('each makes its kind of typo and leaves the first letter alone', () => {
    assert.equal(dropLetter('account', fixed(0)), 'acount');
    assert.equal(doubleLetter('balance', fixed(0.99)), 'balancee');
    assert.equal(swapLetters('their', fixed(0.5)), 'thier');
    assert.equal(neighbourTypo('Savings', fixed(0, 0)), 'Ssvings', 'a → s, its first neighbour');
    assert.equal(neighbourTypo('SAVINGS', fixed(0, 0)), 'SSVINGS');
    for (let seed = 1; seed < 50; seed++) {
      for (const edit of [dropLetter, doubleLetter, swapLetters, neighbourTypo]) {
        const out = edit('Transfer', rng(seed));
        assert.ok(out !== undefined && out[0] === 'T' && out !== 'Transfer', `${edit.name}: ${out}`);
      }
    }
  });

  test('returns undefined when a word offers no place for the edit', () => {
    assert.equal(swapLetters('aa', rng()), undefined);
    assert.equal(dropLetter('a', rng()), undefined);
  });

  test('the keyboard knows each key\'s neighbours', () => {
    assert.equal(keyNeighbours('s'), 'adwezx');
    assert.equal(keyNeighbours('Q'), 'wa');
    assert.equal(keyNeighbours('1'), '');
  });
});

describe('classifyTypo', () => {
  test('names the one edit that explains a real typo', () => {
    const dictionary = wordList();
    assert.equal(classifyTypo('thier', dictionary), 'swap');
    assert.equal(classifyTypo('balannce', dictionary), 'double');
    assert.equal(classifyTypo('acvount', dictionary), 'neighbour');
    assert.equal(classifyTypo('acount', dictionary), 'drop');
    assert.equal(classifyTypo('xqzvtt', dictionary), undefined);
  });
});

describe('addTypos', () => {
  const common = ['where', 'account', 'money', 'transfer', 'please'];

  test('misspells as many common, unprotected words of four letters or more as the donor has typos', () => {
    const text = 'Where is the money I sent to my account?';
    const result = addTypos(text, rng(3), context(text, { donor: { typos: 2 }, profile: { commonWords: common } }));
    assert.equal(result.changes.length, 2);
    for (const change of result.changes) {
      assert.equal(change.kind, 'typo');
      assert.ok(common.includes(change.before.toLowerCase()), change.before);
      assert.notEqual(change.after, change.before);
    }
  });

  test('never touches protected, rare or short words, and adds none when the donor has none', () => {
    const text = 'Transfer $500 to Jacob on Monday for the card';
    for (let seed = 1; seed < 40; seed++) {
      const result = addTypos(text, rng(seed), context(text, { donor: { typos: 3 }, profile: { commonWords: [...common, 'jacob', 'monday', 'card'] }, label: 'card_transfer' }));
      assert.equal(result.text, text, `seed ${seed}: ${result.text}`);
    }
    const plain = 'where is my money';
    assert.equal(addTypos(plain, rng(), context(plain, { profile: { commonWords: common } })).text, plain);
  });

  test('counts the typos a row already has when given a dictionary', () => {
    const text = 'where is the monye in my account';
    const ctx = { ...context(text, { donor: { typos: 1 }, profile: { commonWords: common } }), dictionary: wordList() };
    assert.equal(addTypos(text, rng(), ctx).text, text);
  });

  test('draws kinds by the real mix', () => {
    const text = 'account';
    const onlySwaps = context(text, { donor: { typos: 1 }, profile: { commonWords: common, typoKinds: { neighbour: 0, drop: 0, double: 0, swap: 1 } } });
    for (let seed = 1; seed < 20; seed++) {
      const after = addTypos(text, rng(seed), onlySwaps).text;
      assert.equal([...after].sort().join(''), [...text].sort().join(''), after);
    }
  });
});
