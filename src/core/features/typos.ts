import type { WordDictionary } from '../host';
import { binary, numeric } from './define';
import type { FeatureFamily } from './family';
import { TAG, isContracted, tagOf } from './lexicons';
import { TOKEN, scanText, type TextScan } from './scan';

// Bound once: see the note in scan.ts on imported bindings in hot loops.
const { SPECIAL, HAS_DIGIT, NON_ASCII, DOTTED, ALL_UPPER, UPPER_FIRST, SENTENCE_START, APOSTROPHE } = TOKEN;
const NOT_CHECKED = SPECIAL | HAS_DIGIT | NON_ASCII | DOTTED | ALL_UPPER;
const SKIPPED_TAGS = TAG.SLANG | TAG.BARE;
const KNOWN_TAGS = TAG.STOPWORD | TAG.EXTRA_WORD | TAG.ACRONYM | TAG.PROPER_NOUN;

/** Suffixes tried when a word is not in the dictionary as written, each with what may replace it. */
const SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ["'s", ['']], ['ies', ['y']], ['es', ['']], ['s', ['']], ['ied', ['y']], ['ed', ['', 'e']], ['ing', ['', 'e']], ['ily', ['y']], ['ly', ['']],
];

/**
 * Whether a lower-case word is spelled right: it is in the dictionary or in the lexicon of common words that
 * word-game dictionaries lack, as written or with one common suffix removed (`delays`, `received`, `company's`).
 *
 * @example isKnownWord('packages', dictionary) // true
 */
export function isKnownWord(word: string, dictionary: WordDictionary): boolean {
  if (known(word, dictionary)) return true;
  for (const [suffix, replacements] of SUFFIXES) {
    if (word.length < suffix.length + 2 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    for (const replacement of replacements) if (known(stem + replacement, dictionary)) return true;
  }
  return false;
}

function known(word: string, dictionary: WordDictionary): boolean {
  return dictionary.has(word) || (tagOf(word) & KNOWN_TAGS) !== 0;
}

/**
 * Whether token `k` is spelled wrong: 1 if it is, 0 if it is right, -1 if it is not checked. Not checked:
 * numbers, URLs, e-mails, handles, words with digits or non-English letters, single letters, all-caps words
 * (acronyms), parts of dotted abbreviations, capitalized words inside a sentence (likely names), slang, and
 * contractions with or without their apostrophe. Common proper nouns (days, countries, cities) are known words.
 */
export function typoAt(scan: TextScan, k: number, dictionary: WordDictionary): -1 | 0 | 1 {
  const flags = scan.flags[k];
  const tags = scan.tags[k];
  // Single letters are mostly labels (plan b, vitamin e, x-ray), which no dictionary lists.
  if (flags & NOT_CHECKED || tags & SKIPPED_TAGS || scan.letters[k] < 2) return -1;
  if (flags & UPPER_FIRST && !(flags & SENTENCE_START)) return -1;
  if (tags & KNOWN_TAGS) return 0; // stopwords are most tokens: spare them the dictionary
  const word = scan.words[k];
  if (flags & APOSTROPHE && isContracted(word)) return -1;
  return isKnownWord(word, dictionary) ? 0 : 1;
}

/** The misspelled words of a text, lower-case, in order, for messages and quick fixes. */
export function findTypos(text: string, dictionary: WordDictionary): string[] {
  const scan = scanText(text);
  const typos: string[] = [];
  for (let k = 0; k < scan.count; k++) if (typoAt(scan, k, dictionary) === 1) typos.push(scan.words[k]);
  return typos;
}

/** Spelling: the share of checked words that are misspelled, and whether there is any. 0 with nothing checked. */
export const typoFamily: FeatureFamily = {
  features: [
    numeric('typo-rate', 'Typo rate', 'typos', {
      unit: 'of words misspelled', higher: 'higher', lower: 'lower', format: 'percent', gapHigher: 'have more typos', gapLower: 'have fewer typos',
    }),
    binary('has-typo', 'Has a typo', 'typos', { yes: 'has a typo', no: 'no typos', realYes: 'have one', yesPlural: 'have a typo' }),
  ],

  compute(scan, dictionary, out, offset) {
    let checked = 0;
    let typos = 0;
    for (let k = 0; k < scan.count; k++) {
      const typo = typoAt(scan, k, dictionary);
      if (typo < 0) continue;
      checked++;
      typos += typo;
    }
    out[offset] = checked > 0 ? typos / checked : 0;
    out[offset + 1] = typos > 0 ? 1 : 0;
  },
};
