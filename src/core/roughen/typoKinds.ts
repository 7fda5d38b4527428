import { isKnownWord } from '../features/typos';
import type { WordDictionary } from '../host';
import { keyNeighbours } from './keyboard';
import type { TypoKind } from './types';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Which single letter edit turns a misspelled lower-case word back into a known word: two letters swapped,
 * a letter doubled, a letter replaced by its key's neighbour, or a letter dropped (tried in that order);
 * undefined when no one edit explains it (two mistakes, a far key, a word the dictionary lacks).
 *
 * @example classifyTypo('acount', dictionary) // 'drop'
 */
export function classifyTypo(word: string, dictionary: WordDictionary): TypoKind | undefined {
  const known = (candidate: string): boolean => isKnownWord(candidate, dictionary);
  const n = word.length;
  for (let i = 0; i + 1 < n; i++) {
    if (word[i] !== word[i + 1] && known(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return 'swap';
  }
  for (let i = 0; i + 1 < n; i++) if (word[i] === word[i + 1] && known(word.slice(0, i) + word.slice(i + 1))) return 'double';
  for (let i = 0; i < n; i++) {
    for (const key of keyNeighbours(word[i])) if (known(word.slice(0, i) + key + word.slice(i + 1))) return 'neighbour';
  }
  for (let i = 0; i <= n; i++) {
    for (const letter of ALPHABET) if (known(word.slice(0, i) + letter + word.slice(i))) return 'drop';
  }
  return undefined;
}
