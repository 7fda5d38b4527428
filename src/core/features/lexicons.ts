import acronyms from '../lexicons/acronyms.json';
import contractions from '../lexicons/contractions.json';
import extraWords from '../lexicons/extraWords.json';
import firstPerson from '../lexicons/firstPerson.json';
import politeness from '../lexicons/politeness.json';
import properNouns from '../lexicons/properNouns.json';
import responsePhrases from '../lexicons/responsePhrases.json';
import slang from '../lexicons/slang.json';
import stock from '../lexicons/stockPhrases.json';
import stopwords from '../lexicons/stopwords.json';

// The word lists behind several families: as typed entries (for reuse, e.g. by roughening) and as one map from
// a lower-case word to tag bits, so the scanner looks each token up once and every family reads the bits.

/** `do not` ↔ `don't` ↔ `dont`. `bareIsWord` marks bare forms that are ordinary words too (`its`, `were`, `well`). */
export interface ContractionEntry {
  readonly full: string;
  readonly contracted: string;
  readonly bare: string;
  readonly bareIsWord?: boolean;
}

/** A chat abbreviation and the formal words it stands for (`pls` → `please`); `formal` may be empty (`lol`). */
export interface SlangEntry {
  readonly slang: string;
  readonly formal: readonly string[];
}

export const CONTRACTIONS: readonly ContractionEntry[] = contractions;
export const SLANG: readonly SlangEntry[] = slang;
/** NLTK's English stopwords (lexicons/README.md), lower-case. */
export const STOPWORDS: ReadonlySet<string> = new Set(stopwords);

/** Lexicon tag bits, as stored in TextScan.tags. */
export const TAG = {
  SLANG: 1,
  /** A bare form that can only be a contraction missing its apostrophe: `dont`, `im` (not `its`, `were`). */
  BARE: 2,
  CONTRACTED: 4,
  STOPWORD: 8,
  FIRST_PERSON: 16,
  /** An acronym: all-caps, it is not shouting; lower-case, it is no typo. */
  ACRONYM: 32,
  /** A correct word that word-game dictionaries lack: `i`, `a`, `ok`, `email`, `wifi`. */
  EXTRA_WORD: 64,
  /** The first word of a stock phrase or of a politeness marker: where phrase matching may start. */
  STOCK_START: 128,
  POLITE_START: 256,
  /** Days, months, countries, nationalities, languages, states, big cities, holidays: no typo in lower case. */
  PROPER_NOUN: 512,
  /** The first word of an assistant-response phrase (responsePhrases.json: boilerplate, refusals, hedges, closers). */
  RESPONSE_START: 1024,
} as const;

const tags = new Map<string, number>();

function tag(words: Iterable<string>, bit: number): void {
  for (const word of words) tags.set(word, (tags.get(word) ?? 0) | bit);
}

const firstWord = (phrase: string): string => phrase.toLowerCase().replaceAll('\u2019', "'").split(' ')[0];

tag(SLANG.map((entry) => entry.slang), TAG.SLANG);
tag(CONTRACTIONS.filter((entry) => !entry.bareIsWord).map((entry) => entry.bare), TAG.BARE);
tag(CONTRACTIONS.map((entry) => entry.contracted.toLowerCase()), TAG.CONTRACTED);
tag(stopwords, TAG.STOPWORD);
tag(firstPerson, TAG.FIRST_PERSON);
tag(acronyms.map((word) => word.toLowerCase()), TAG.ACRONYM);
tag(extraWords, TAG.EXTRA_WORD);
tag(properNouns, TAG.PROPER_NOUN);
tag(stock.map((entry) => firstWord(entry.phrase)), TAG.STOCK_START);
tag(politeness.map(firstWord), TAG.POLITE_START);
// Only the lists matched anywhere in a row; openers and closing sentences are matched by position (responsePhrases.ts).
const { boilerplateClauses, boilerplate, refusals, hedges, closingOffers } = responsePhrases;
tag([...boilerplateClauses, ...boilerplate, ...refusals, ...hedges, ...closingOffers].map(firstWord), TAG.RESPONSE_START);

/** Every lexicon word, lower-case, with its TAG bits. */
export const LEXICON_TAGS: ReadonlyMap<string, number> = tags;

/** The TAG bits of a lower-case word; 0 for words in no list. */
export function tagOf(word: string): number {
  return tags.get(word) ?? 0;
}

const NOT_SUFFIXES = ["n't", "'re", "'ve", "'ll", "'m", "'d"];

/** Whether a lower-case word with an apostrophe is a contraction (`don't`, `it's`, `they'd`), not a possessive. */
export function isContracted(word: string): boolean {
  if (tagOf(word) & TAG.CONTRACTED) return true;
  for (const suffix of NOT_SUFFIXES) if (word.endsWith(suffix) && word.length > suffix.length) return true;
  return false;
}
