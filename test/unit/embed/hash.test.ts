import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fmix32, hashCombine, hashRange, hashString, textHash } from '../../../src/core/stats/hash';

describe('hashString', () => {
  it('is a deterministic uint32 that depends on the seed', () => {
    assert.equal(hashString('hello'), hashString('hello'));
    assert.ok(Number.isInteger(hashString('hello')) && hashString('hello') >= 0 && hashString('hello') < 2 ** 32);
    assert.notEqual(hashString('hello', 1), hashString('hello'));
    assert.notEqual(hashString('hello'), hashString('Hello'));
  });

  it('hashes a range like the substring, over UTF-16 code units', () => {
    assert.equal(hashRange('a cat', 2, 5), hashString('cat'));
    assert.equal(hashRange('x😀y', 1, 3, 7), hashString('😀', 7));
  });

  it('spreads short keys evenly over buckets', () => {
    const counts = new Uint32Array(64);
    for (let i = 0; i < 64_000; i++) counts[hashString(`w${i}`) & 63]++;
    assert.ok(counts.every((c) => c > 850 && c < 1150), `bucket counts ${Math.min(...counts)}..${Math.max(...counts)}`);
  });

  it('mixes pairs in order', () => {
    assert.notEqual(hashCombine(1, 2), hashCombine(2, 1));
    assert.equal(fmix32(0), 0);
    assert.notEqual(fmix32(1), 1);
  });
});

describe('textHash', () => {
  it('is 16 stable hex digits of the exact text', () => {
    assert.equal(textHash(''), '488bdcb81aee8d83');
    assert.match(textHash('How do I reset my PIN?'), /^[0-9a-f]{16}$/);
    assert.equal(textHash('abc'), textHash('abc'));
    assert.notEqual(textHash('abc'), textHash('abc '));
    assert.notEqual(textHash('abc'), textHash('ABC'));
  });

  it('has no collisions among 200,000 similar texts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(textHash(`row ${i} text`));
    assert.equal(seen.size, 200_000);
  });
});
