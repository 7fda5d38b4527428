import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeFeatures } from '../../../src/core/features/compute';
import { FAMILIES, FEATURES, FEATURE_COUNT } from '../../../src/core/features/registry';
import type { BinaryWording, NumericWording } from '../../../src/core/features/types';
import { wordList } from './support';

/** Features that are shares of something, so always in 0..1. */
const SHARES = ['punctuation-density', 'typo-rate', 'first-person-rate', 'type-token-ratio', 'stopword-ratio'];

test('ids are unique, kebab-case and stable in number; families add up to the vector', () => {
  const ids = FEATURES.map((def) => def.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  assert.equal(FEATURE_COUNT, 35);
  assert.equal(FAMILIES.reduce((sum, family) => sum + family.features.length, 0), FEATURE_COUNT);
});

test('every definition has the wording its kind needs', () => {
  for (const def of FEATURES) {
    if (def.kind === 'binary') {
      const wording = def.wording as BinaryWording;
      assert.ok(wording.yes && wording.no && wording.realYes, def.id);
    } else {
      const wording = def.wording as NumericWording;
      assert.ok(wording.higher && wording.lower && ['integer', 'decimal', 'percent'].includes(wording.format), def.id);
    }
  }
});

test('computeFeatures writes exactly its slot of a shared matrix', () => {
  const out = new Float32Array(FEATURE_COUNT * 3).fill(-1);
  computeFeatures('Hello there!', wordList(), out, FEATURE_COUNT);
  assert.ok(out.subarray(0, FEATURE_COUNT).every((v) => v === -1));
  assert.ok(out.subarray(2 * FEATURE_COUNT).every((v) => v === -1));
  assert.ok(out.subarray(FEATURE_COUNT, 2 * FEATURE_COUNT).every((v) => v !== -1));
});

test('any text gives finite values; yes/no are 0 or 1; shares stay in 0..1; the same text gives the same values', () => {
  const out = new Float32Array(FEATURE_COUNT);
  const again = new Float32Array(FEATURE_COUNT);
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }));
  fc.assert(
    fc.property(text, (value) => {
      computeFeatures(value, wordList(), out, 0);
      computeFeatures(value, wordList(), again, 0);
      FEATURES.forEach((def, j) => {
        assert.ok(Number.isFinite(out[j]) && out[j] >= 0, `${def.id} = ${out[j]} for ${JSON.stringify(value)}`);
        if (def.kind === 'binary') assert.ok(out[j] === 0 || out[j] === 1, def.id);
        if (SHARES.includes(def.id)) assert.ok(out[j] <= 1, def.id);
      });
      assert.deepEqual(again, out);
    }),
    { numRuns: 500, seed: 42 },
  );
});

test('pathological input stays linear: a long line of punctuation, dots or one word', () => {
  const out = new Float32Array(FEATURE_COUNT);
  for (const text of ['?!'.repeat(50_000), '.'.repeat(100_000), 'a'.repeat(100_000), 'http://' + 'a.'.repeat(50_000), ':'.repeat(100_000)]) {
    const start = performance.now();
    computeFeatures(text, wordList(), out, 0);
    assert.ok(performance.now() - start < 1000, `${text.slice(0, 10)}… took too long`);
  }
});
