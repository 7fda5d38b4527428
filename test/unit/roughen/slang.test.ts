import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSlang } from '../../../src/core/roughen/transforms/slang';
import type { SlangChoice } from '../../../src/core/roughen/types';
import { context, fixed, rng } from './support';

const realSlang: SlangChoice[] = [
  { formal: 'please', rate: 1, slang: [{ word: 'pls', count: 3 }] },
  { formal: 'want to', rate: 1, slang: [{ word: 'wanna', count: 5 }] },
];

describe('useSlang', () => {
  test('writes only the slang the real set uses, in the case of the words it replaces', () => {
    const text = 'Please, I want to know if you can help';
    const result = useSlang(text, rng(), context(text, { profile: { slang: realSlang } }));
    assert.equal(result.text, 'Pls, I wanna know if you can help', 'you stays: the real set never writes u');
    assert.deepEqual(result.changes.map((c) => `${c.before}→${c.after}`), ['Please→Pls', 'want to→wanna']);
  });

  test('follows each phrase\'s real rate, and a real set without slang gets none', () => {
    const text = 'please help, please';
    const half: SlangChoice[] = [{ formal: 'please', rate: 0.5, slang: [{ word: 'pls', count: 1 }] }];
    // Right to left: the first draw keeps the last `please`, the second (and the slang draw) change the first.
    assert.equal(useSlang(text, fixed(0.9, 0.1, 0), context(text, { profile: { slang: half } })).text, 'pls help, please');
    assert.equal(useSlang(text, rng(), context(text)).text, text);
  });

  test('draws among several slang words by their real counts', () => {
    const text = 'thanks';
    const slang: SlangChoice[] = [{ formal: 'thanks', rate: 1, slang: [{ word: 'thx', count: 3 }, { word: 'ty', count: 1 }] }];
    assert.equal(useSlang(text, fixed(0, 0.5), context(text, { profile: { slang } })).text, 'thx');
    assert.equal(useSlang(text, fixed(0, 0.9), context(text, { profile: { slang } })).text, 'ty');
  });

  test('leaves protected words: a label word stays formal', () => {
    const text = 'I want to cancel';
    assert.equal(useSlang(text, rng(), context(text, { profile: { slang: realSlang }, label: 'want_to_cancel' })).text, text);
  });
});
