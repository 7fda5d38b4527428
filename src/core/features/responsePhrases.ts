import lexicon from '../lexicons/responsePhrases.json';
import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG } from './lexicons';
import { PhraseMatcher } from './phraseMatcher';
import { scanText } from './scan';

/** The assistant-response lexicon (lexicons/README.md): openers, boilerplate, refusals, hedges and closers. */
export const RESPONSE_PHRASES: {
  readonly openers: readonly string[];
  readonly boilerplateClauses: readonly string[];
  readonly boilerplate: readonly string[];
  readonly refusals: readonly string[];
  readonly hedges: readonly string[];
  readonly closingOffers: readonly string[];
  readonly closingSentences: readonly string[];
} = lexicon;

// One matcher for every list matched anywhere in a row, one walk per row; each phrase carries the bit of its list.
const BOILERPLATE = 1;
const REFUSAL = 2;
const HEDGE = 4;
const CLOSING = 8;
const ALL = BOILERPLATE | REFUSAL | HEDGE | CLOSING;
const LISTS: readonly (readonly [readonly string[], number])[] = [
  [RESPONSE_PHRASES.boilerplateClauses, BOILERPLATE], [RESPONSE_PHRASES.boilerplate, BOILERPLATE],
  [RESPONSE_PHRASES.refusals, REFUSAL], [RESPONSE_PHRASES.hedges, HEDGE], [RESPONSE_PHRASES.closingOffers, CLOSING],
];
const PHRASE_BITS = Uint8Array.from(LISTS.flatMap(([phrases, bit]) => phrases.map(() => bit)));
// Across commas: LLM refusals write `I'm sorry, but`, and a comma never splits the other phrases' meaning.
const matcher = new PhraseMatcher(LISTS.flatMap(([phrases]) => phrases), TAG.RESPONSE_START, true);

/** A lexicon phrase as a regular-expression source: any run of whitespace between words, either apostrophe. */
export function phrasePattern(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/['\u2019]/g, "['\u2019]");
}

/** Longest first, so `Sure thing` wins over `Sure`. */
const alternatives = (phrases: readonly string[]) => [...phrases].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');

/**
 * An opener with the punctuation that ends it (`Certainly!`, `Sure,`, `Of course.`): without that punctuation
 * the word is part of the sentence (`Absolutely not`, `Sure enough`, `Of course it does`) and is no opener.
 */
const OPENER = new RegExp(`(?:${alternatives(RESPONSE_PHRASES.openers)})[!.,:]+`, 'iy');
/** The first letters of the openers: most rows start with none of them, and skip the regular expression. */
const OPENER_INITIALS: ReadonlySet<string> = new Set(RESPONSE_PHRASES.openers.map((opener) => opener.charAt(0).toLowerCase()));

/**
 * The stock opener standing at `at` (`Certainly!`, `Sure,`), as written with its punctuation, and where it
 * ends; undefined when there is none.
 *
 * @example matchStockOpener('Sure! 2 + 2 = 4.') // { opener: 'Sure!', end: 5 }
 */
export function matchStockOpener(text: string, at = 0): { readonly opener: string; readonly end: number } | undefined {
  if (!OPENER_INITIALS.has(text.charAt(at).toLowerCase())) return undefined;
  OPENER.lastIndex = at;
  const found = OPENER.exec(text);
  return found ? { opener: found[0], end: at + found[0].length } : undefined;
}

/** Where a text's first non-whitespace character stands (its length when it is blank). */
export function firstNonSpace(text: string): number {
  let at = 0;
  // Most rows start with a visible ASCII character: the regular expression runs only on the rest.
  while (at < text.length && !(text.charCodeAt(at) > 32 && text.charCodeAt(at) < 127) && /\s/.test(text.charAt(at))) at++;
  return at;
}

/** The assistant-response phrases of one text, each list as the lexicon writes its phrases. */
export interface ResponsePhraseMatches {
  /** The opener the text starts with, as written (`Certainly!`). */
  readonly opener?: string;
  readonly boilerplate: string[];
  readonly refusals: string[];
  readonly hedges: string[];
  readonly closingOffers: string[];
}

/**
 * The stock opener, AI boilerplate, refusals, hedges and closing offers a text uses, for reasons and pair checks.
 *
 * @example matchResponsePhrases("I'm sorry, but I can't assist with that.").refusals // ["I'm sorry, but", "I can't assist"]
 */
export function matchResponsePhrases(text: string): ResponsePhraseMatches {
  const found = matcher.findAll(scanText(text));
  const of = (bit: number) => found.filter((phrase) => PHRASE_BITS[matcher.phrases.indexOf(phrase)] === bit);
  const opener = matchStockOpener(text, firstNonSpace(text))?.opener;
  return { ...(opener ? { opener } : {}), boilerplate: of(BOILERPLATE), refusals: of(REFUSAL), hedges: of(HEDGE), closingOffers: of(CLOSING) };
}

/**
 * Assistant-response habits of LLMs: a stock opener (`Certainly!`), AI boilerplate (`As an AI language model`),
 * refusals (`I'm sorry, but`), hedging (`It's important to note`) and closing offers (`Let me know if…`).
 */
export const responsePhraseFamily: FeatureFamily = {
  features: [
    // In the stock-phrase group: `Certainly` is a stock phrase too, and a row's reasons should name it once.
    binary('stock-opener', 'Stock opener', 'stock-phrases', {
      yes: 'opens with a stock opener like "Certainly!"', no: 'no stock opener', realYes: 'do',
      yesPlural: 'open with a stock opener like "Certainly!"',
    }),
    binary('assistant-boilerplate', 'AI-assistant boilerplate', 'assistant-boilerplate', {
      yes: 'uses AI-assistant boilerplate like "As an AI language model"', no: 'no AI-assistant boilerplate', realYes: 'do',
      yesPlural: 'use AI-assistant boilerplate like "As an AI language model"',
    }),
    binary('refusal', 'Refusal', 'refusal', {
      yes: 'has a refusal like "I\'m sorry, but"', no: 'no refusals', realYes: 'have one', yesPlural: 'have a refusal like "I\'m sorry, but"',
    }),
    binary('hedging', 'Hedging', 'hedging', {
      yes: 'hedges, as in "It\'s important to note"', no: 'no hedging phrases', realYes: 'do', yesPlural: 'hedge, as in "It\'s important to note"',
    }),
    binary('closing-offer', 'Closing offer', 'closing-offer', {
      yes: 'has a closing offer like "Let me know if…"', no: 'no closing offers', realYes: 'have one',
      yesPlural: 'have a closing offer like "Let me know if…"',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    out[offset] = matchStockOpener(scan.text, firstNonSpace(scan.text)) ? 1 : 0;
    const found = matcher.mask(scan, PHRASE_BITS, ALL);
    out[offset + 1] = found & BOILERPLATE ? 1 : 0;
    out[offset + 2] = found & REFUSAL ? 1 : 0;
    out[offset + 3] = found & HEDGE ? 1 : 0;
    out[offset + 4] = found & CLOSING ? 1 : 0;
  },
};
