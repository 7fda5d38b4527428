import type { Random } from '../../stats/random';
import { keyNeighbours } from '../keyboard';
import type { TypoKind } from '../types';

// The four letter edits behind real typos. Each leaves the first letter alone (people rarely get it wrong,
// and a word stays recognizable), edits ASCII letters only, and returns undefined when the word offers no
// place for the edit.

const isAsciiLetter = (ch: string): boolean => /^[A-Za-z]$/.test(ch);

/** Positions 1..n-1 where `ok(i)` holds, one picked at random; -1 when there is none. */
function pick(word: string, rng: Random, ok: (i: number) => boolean): number {
  const places: number[] = [];
  for (let i = 1; i < word.length; i++) if (ok(i)) places.push(i);
  return places.length === 0 ? -1 : places[Math.floor(rng() * places.length)];
}

/** A letter hit by the key next to it, in the same case: `account` → `accoint`. */
export function neighbourTypo(word: string, rng: Random): string | undefined {
  const i = pick(word, rng, (j) => keyNeighbours(word[j]) !== '');
  if (i < 0) return undefined;
  const keys = keyNeighbours(word[i]);
  const key = keys[Math.floor(rng() * keys.length)];
  return word.slice(0, i) + (word[i] === word[i].toUpperCase() ? key.toUpperCase() : key) + word.slice(i + 1);
}

/** A letter left out: `account` → `acount`. */
export function dropLetter(word: string, rng: Random): string | undefined {
  const i = pick(word, rng, (j) => isAsciiLetter(word[j]));
  return i < 0 ? undefined : word.slice(0, i) + word.slice(i + 1);
}

/** A letter typed twice: `balance` → `balannce`. */
export function doubleLetter(word: string, rng: Random): string | undefined {
  const i = pick(word, rng, (j) => isAsciiLetter(word[j]));
  return i < 0 ? undefined : word.slice(0, i + 1) + word.slice(i);
}

/** Two neighbouring letters typed in the wrong order: `their` → `thier`. */
export function swapLetters(word: string, rng: Random): string | undefined {
  const i = pick(word, rng, (j) => j + 1 < word.length && isAsciiLetter(word[j]) && isAsciiLetter(word[j + 1]) && word[j] !== word[j + 1]);
  return i < 0 ? undefined : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export const LETTER_TYPOS: Readonly<Record<TypoKind, (word: string, rng: Random) => string | undefined>> = {
  neighbour: neighbourTypo,
  drop: dropLetter,
  double: doubleLetter,
  swap: swapLetters,
};

export const TYPO_KINDS: readonly TypoKind[] = ['neighbour', 'drop', 'double', 'swap'];
