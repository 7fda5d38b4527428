import type { WordDictionary } from '../host';
import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG, isContracted } from './lexicons';
import { TOKEN, type TextScan } from './scan';
import { isKnownWord } from './typos';

const { ALL_UPPER, HAS_DIGIT, SPECIAL, UPPER_FIRST } = TOKEN;

/** All-caps words this long are shouting even when no dictionary knows them (`HELLOOO`); acronyms are shorter. */
const LONG_SHOUT = 6;

/**
 * Whether token `k` is a shouted word: three or more letters, all capitals, not a known acronym or chat
 * abbreviation, and a real word (so an unknown `IBAN` or `SEPA` reads as an acronym, `HELP` as shouting).
 */
export function isShoutAt(scan: TextScan, k: number, dictionary: WordDictionary): boolean {
  const flags = scan.flags[k];
  if (!(flags & ALL_UPPER) || flags & (SPECIAL | HAS_DIGIT) || scan.letters[k] < 3) return false;
  const tags = scan.tags[k];
  if (tags & (TAG.ACRONYM | TAG.SLANG)) return false;
  const word = scan.words[k];
  return scan.letters[k] >= LONG_SHOUT || (tags & TAG.BARE) !== 0 || isKnownWord(word, dictionary) || isContracted(word);
}

/** Capitalization: a capital first word, no capitals at all, and shouted words. */
export const casingFamily: FeatureFamily = {
  features: [
    binary('starts-capital', 'Starts with a capital', 'capitals', {
      yes: 'starts with a capital letter', no: 'no capital at the start', realYes: 'do', yesPlural: 'start with a capital letter',
    }),
    binary('all-lowercase', 'All lower-case', 'capitals', {
      yes: 'is all lower-case', no: 'has capital letters', realYes: 'are', yesPlural: 'are all lower-case',
    }),
    binary('shouting', 'Shouting', 'shouting', {
      yes: 'has a word in capitals', no: 'no words in capitals', realYes: 'have one', yesPlural: 'have a word in capitals',
    }),
  ],

  compute(scan, dictionary, out, offset) {
    let shouting = 0;
    for (let k = 0; k < scan.count && shouting === 0; k++) if (isShoutAt(scan, k, dictionary)) shouting = 1;
    out[offset] = scan.count > 0 && scan.flags[0] & UPPER_FIRST ? 1 : 0;
    out[offset + 1] = scan.hasLower && !scan.hasUpper ? 1 : 0;
    out[offset + 2] = shouting;
  },
};
