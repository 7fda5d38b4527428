// Shared by the feature tests: the real word-list dictionary, and a feature's value for one text by id.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresOf } from '../../../src/core/features/compute';
import { FEATURES, featureIndex } from '../../../src/core/features/registry';
import type { WordDictionary } from '../../../src/core/host';

let cached: WordDictionary | undefined;

/** The `word-list` package's 274K lower-case words, as the CLI would inject them. */
export function wordList(): WordDictionary {
  cached ??= new Set(readFileSync(join(__dirname, '../../../node_modules/word-list/words.txt'), 'utf8').split('\n').filter(Boolean));
  return cached;
}

/** The value of feature `id` for `text`, measured with the word-list dictionary. */
export function feature(text: string, id: string): number {
  const index = featureIndex(id);
  if (index < 0) throw new Error(`No feature ${id}`);
  return featuresOf(text, wordList())[index];
}

/** Values compare within float32 precision, as features are stored. */
export function close(actual: number, expected: number, message?: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-6, message ?? `${actual} is not ${expected}`);
}

/** Every feature of `text` by id. */
export function featureMap(text: string): Record<string, number> {
  const values = featuresOf(text, wordList());
  return Object.fromEntries(FEATURES.map((def, i) => [def.id, values[i]]));
}
