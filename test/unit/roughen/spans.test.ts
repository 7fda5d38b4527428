import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cutSpan, matchCase, replaceSpan } from '../../../src/core/roughen/spans';

const cut = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return cutSpan(text, start, start + phrase.length);
};

describe('cutSpan', () => {
  test('takes the phrase\'s own punctuation with it and closes up the spaces', () => {
    assert.equal(cut('Certainly! What time is it?', 'Certainly'), 'What time is it?');
    assert.equal(cut('Additionally, my card is gone.', 'Additionally'), 'My card is gone.');
    assert.equal(cut('Can you help me, please?', 'please'), 'Can you help me?');
    assert.equal(cut('Can you please help me?', 'please'), 'Can you help me?');
    assert.equal(cut('Help me, please, with this', 'please'), 'Help me, with this');
  });

  test('drops a sentence the cut leaves empty, and capitalizes a sentence whose first words went', () => {
    assert.equal(cut('Where is it? Thank you!', 'Thank you'), 'Where is it?');
    assert.equal(cut('Please advise. Where is it?', 'Please advise'), 'Where is it?');
    assert.equal(cut('I am writing to ask about fees', 'I am writing to'), 'Ask about fees');
    assert.equal(cut('i am writing to ask about fees', 'i am writing to'), 'ask about fees');
    assert.equal(cut('Where is it?\nThank you', 'Thank you'), 'Where is it?\n', 'a line break is kept');
  });
});

describe('replaceSpan and matchCase', () => {
  test('write the replacement in the case of the words replaced', () => {
    assert.equal(matchCase('Could you please', 'can you'), 'Can you');
    assert.equal(matchCase('PLEASE', 'pls'), 'PLS');
    assert.equal(matchCase('please', 'pls'), 'pls');
    assert.equal(replaceSpan('Would it be possible to move it?', 0, 23, 'can i'), 'Can I move it?');
    assert.equal(replaceSpan('would it be possible to move it', 0, 23, 'can i'), 'can i move it');
  });

  test('do not repeat a word that already follows the replacement', () => {
    assert.equal(replaceSpan('Could you provide me a fact?', 0, 17, 'can you give me'), 'Can you give me a fact?');
    assert.equal(replaceSpan('Could you provide meals?', 0, 17, 'can you give me'), 'Can you give me meals?');
  });
});
