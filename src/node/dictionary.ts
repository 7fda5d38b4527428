import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WordDictionary } from '../core';

let cached: WordDictionary | undefined;

/**
 * The English word list (the `word-list` package, SCOWL-derived, 274K words) as a WordDictionary.
 * The build copies `words.txt` beside the bundle; from source it is read from the package.
 */
export function loadDictionary(): WordDictionary {
  if (cached) return cached;
  const words = new Set(readFileSync(dictionaryPath(), 'utf8').split('\n'));
  words.delete('');
  cached = words;
  return words;
}

function dictionaryPath(): string {
  const beside = join(__dirname, 'words.txt');
  if (existsSync(beside)) return beside;
  return join(dirname(require.resolve('word-list')), 'words.txt');
}
