import { numeric } from './define';
import type { FeatureFamily } from './family';
import { TOKEN } from './scan';

const { NUMBER, SPECIAL } = TOKEN;

/**
 * Syllables in a lower-case word by the usual heuristic: groups of vowels (y included), less a silent final
 * `e` and a silent `-ed` or `-es`. At least 1 for any word with a letter; 0 for none.
 *
 * @example syllables('delayed') // 2
 */
export function syllables(word: string): number {
  let count = 0;
  let inVowel = false;
  for (let i = 0; i < word.length; i++) {
    const vowel = isVowel(word.charCodeAt(i));
    if (vowel && !inVowel) count++;
    inVowel = vowel;
  }
  const n = word.length;
  if (count > 1 && n > 2) {
    const last = word.charCodeAt(n - 1);
    const before = word.charCodeAt(n - 2);
    const third = word.charCodeAt(n - 3);
    if (last === 101 && !isVowel(before) && !(before === 108 && !isVowel(third))) count--; // make, not table
    else if (last === 100 && before === 101 && !isVowel(third) && third !== 116 && third !== 100) count--; // loved, not wanted
    else if (last === 115 && before === 101 && !isVowel(third) && !SIBILANT_ENDS.has(third)) count--; // makes, not boxes
  }
  return count === 0 && /[a-z]/.test(word) ? 1 : count;
}

/** `s x z c g h` before `-es` keep its syllable: boxes, pages, watches. */
const SIBILANT_ENDS = new Set([115, 120, 122, 99, 103, 104]);

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/**
 * Flesch reading ease from counts, clamped to 0..100 (very hard to very easy). 0 when there are no words.
 *
 * @example fleschReadingEase(10, 1, 13) // 86.705 (about)
 */
export function fleschReadingEase(words: number, sentences: number, syllableCount: number): number {
  if (words === 0 || sentences === 0) return 0;
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllableCount / words);
  return Math.min(100, Math.max(0, score));
}

/** Flesch reading ease over the row's words (numbers, URLs and e-mails left out). */
export const readabilityFamily: FeatureFamily = {
  features: [
    numeric('reading-ease', 'Reading ease', 'readability', {
      unit: '', higher: 'easier', lower: 'harder', format: 'integer', gapHigher: 'are easier to read', gapLower: 'are harder to read',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    let words = 0;
    let syllableCount = 0;
    for (let k = 0; k < scan.count; k++) {
      if (scan.flags[k] & (NUMBER | SPECIAL)) continue;
      words++;
      syllableCount += syllables(scan.words[k]);
    }
    out[offset] = fleschReadingEase(words, Math.max(1, scan.sentences), syllableCount);
  },
};
