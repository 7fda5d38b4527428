import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compressionRatio } from '../../../src/core/stats/compression';
import { seededRandom } from '../../../src/core/stats/random';

function randomLetters(n: number, seed: number): string {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
}

test('repetitive text compresses far better than random text', () => {
  const repetitive = 'Where is my package? '.repeat(500);
  const random = randomLetters(10_000, 1);
  assert.ok(compressionRatio(repetitive) < 0.02);
  // 26 equally likely letters carry log2(26) = 4.7 bits: an ideal coder gets 0.59, DEFLATE a little above.
  const r = compressionRatio(random);
  assert.ok(r > 0.58 && r < 0.7, `random letters: ${r}`);
});

test('varied rows sit between repeated rows and random text', () => {
  const random = seededRandom(2);
  const words = ['package', 'refund', 'card', 'where', 'is', 'my', 'the', 'how', 'do', 'i', 'order', 'cancel', 'account', 'balance', 'transfer'];
  const varied = Array.from({ length: 400 }, () => Array.from({ length: 6 }, () => words[Math.floor(random() * words.length)]).join(' ')).join('\n');
  const repeated = Array.from({ length: 400 }, (_, i) => ['where is my package', 'how do i cancel my order'][i % 2]).join('\n');
  assert.ok(compressionRatio(repeated) < compressionRatio(varied));
  assert.ok(compressionRatio(varied) < compressionRatio(randomLetters(varied.length, 3)));
});

test('compression is deterministic; empty text is NaN', () => {
  const text = randomLetters(5000, 4) + 'abc'.repeat(100);
  assert.equal(compressionRatio(text), compressionRatio(text));
  assert.ok(Number.isNaN(compressionRatio('')));
  assert.ok(compressionRatio('é€😀') > 0);
});
