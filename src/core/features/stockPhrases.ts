import stock from '../lexicons/stockPhrases.json';
import { binary } from './define';
import type { FeatureFamily } from './family';
import { TAG } from './lexicons';
import { PhraseMatcher } from './phraseMatcher';

/**
 * A phrase LLMs overuse, and a plainer way to say it (empty: drop it), for roughening. `register`: the phrase
 * belongs to the register of formal letters or to LLM-idiosyncratic wording (`I hope this message finds you
 * well`, `Additionally`, `delve`), which people writing a message rarely use; the other entries are polite
 * phrasing real people use too (`Could you please`, `regarding`), only less often than LLMs.
 */
export interface StockPhraseEntry {
  readonly phrase: string;
  readonly plain?: string;
  readonly register?: boolean;
}

export const STOCK_PHRASES: readonly StockPhraseEntry[] = stock;

const matcher = new PhraseMatcher(
  STOCK_PHRASES.map((entry) => entry.phrase),
  TAG.STOCK_START,
);

/**
 * The stock LLM phrases a text uses, as the lexicon writes them, matched case-insensitively on whole words.
 *
 * @example matchStockPhrases('Certainly! Could you please help?') // ['Certainly', 'Could you please']
 */
export function matchStockPhrases(text: string): string[] {
  return matcher.findAllIn(text);
}

/** The lexicon's register phrases (see {@link StockPhraseEntry}), as the lexicon writes them. */
export const REGISTER_PHRASES: ReadonlySet<string> = new Set(STOCK_PHRASES.filter((entry) => entry.register).map((entry) => entry.phrase));

/** Stock phrasing typical of LLM output: `I am writing to`, `Additionally`, `at your earliest convenience`. */
export const stockPhraseFamily: FeatureFamily = {
  features: [
    binary('stock-phrase', 'Stock LLM phrase', 'stock-phrases', {
      yes: 'uses a stock LLM phrase', no: 'no stock LLM phrases', realYes: 'do', yesPlural: 'use a stock LLM phrase',
    }),
  ],

  compute(scan, _dictionary, out, offset) {
    out[offset] = matcher.any(scan) ? 1 : 0;
  },
};
