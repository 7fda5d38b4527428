import { TAG, tagOf } from '../features/lexicons';
import { TOKEN } from '../features/scan';
import { scanRow } from './scanner';

const { HAS_DIGIT, SPECIAL, UPPER_FIRST, ALL_UPPER, SENTENCE_START } = TOKEN;

/** A token's lower-case form and scan flags → whether roughening must leave the word as it is. */
export type ProtectionRule = (word: string, flags: number) => boolean;

/**
 * The protected-token rule. Roughening never misspells, replaces or drops a token that
 * 1. has a digit: numbers, amounts (`$20`, `1,000.50`), dates and times (`5th`, `2024-01-05`, `9am`, `12:00`);
 * 2. is a URL, an e-mail address or an @handle;
 * 3. is capitalized inside a sentence, or all capitals with two letters or more, in the original text: a
 *    likely name or acronym (`Jacob`, `Central Park`, `ATM`; not the pronoun `I`, `I'm`); it stays protected
 *    after the row is lower-cased;
 * 4. is a proper noun of the lexicon (days, months, countries, languages, cities): dates and names that
 *    lower-case text writes without a capital;
 * 5. shares its stem with a word of the row's label: the word itself, or a common prefix of at least four
 *    letters that leaves at most two of the label word's letters (label `card_arrival` protects `card`,
 *    `cards`, `arrival`, `arrived`; `pto` protects only `pto`).
 * Punctuation inside a token (`3.5`, `12:00`, `e.g.`) is never removed, and currency signs are never touched.
 * Typos have one more limit, in the typo transform: a word of four letters or more that the real set uses
 * often, so the rare words a row is about are spelled as written.
 *
 * @example protectionFor('Send $20 to Jacob', 'transfer')('jacob', 0) // true
 */
export function protectionFor(text: string, label?: string): ProtectionRule {
  const names = new Set<string>();
  const scan = scanRow(text);
  for (let k = 0; k < scan.count; k++) {
    const flags = scan.flags[k];
    const word = scan.words[k];
    const isName = flags & UPPER_FIRST && !(flags & SENTENCE_START) && word !== 'i' && !word.startsWith("i'");
    if (isName || (flags & ALL_UPPER && scan.letters[k] >= 2)) names.add(word);
  }
  const labelWords = label === undefined ? [] : splitLabel(label);
  return (word, flags) => {
    if (flags & (HAS_DIGIT | SPECIAL) || names.has(word) || tagOf(word) & TAG.PROPER_NOUN) return true;
    for (const labelWord of labelWords) if (sharesStem(word, labelWord)) return true;
    return false;
  };
}

/**
 * The words of a label, lower-case: split at anything but letters and digits and at camelCase humps.
 *
 * @example splitLabel('card_arrival') // ['card', 'arrival']
 */
export function splitLabel(label: string): string[] {
  return label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Whether `word` is `labelWord` or an inflection of it, by the prefix rule above. */
export function sharesStem(word: string, labelWord: string): boolean {
  if (word === labelWord) return true;
  if (labelWord.length < 4) return false;
  const limit = Math.min(word.length, labelWord.length);
  let prefix = 0;
  while (prefix < limit && word.charCodeAt(prefix) === labelWord.charCodeAt(prefix)) prefix++;
  return prefix >= 4 && prefix >= labelWord.length - 2;
}
