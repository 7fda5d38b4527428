import { firstNonSpace, matchStockOpener, phrasePattern, RESPONSE_PHRASES } from '../features/responsePhrases';
import { readsAfterCut } from './guards';

// Where an assistant turn carries LLM packaging that can go without changing the answer: stock openers at the
// start, AI boilerplate clauses at a sentence start, closing offers as whole trailing sentences. Only positions
// are found here; response.ts cuts them.

/** What a cut removes; the kinds are the ids of the features that notice the same thing (responsePhrases.ts). */
export type ResponseCutKind = 'stock-opener' | 'assistant-boilerplate' | 'closing-offer';

/** One span to cut from a response. */
export interface ResponseCut {
  readonly kind: ResponseCutKind;
  /** `[start, end)` in the original text, with the whitespace that goes with the phrase. */
  readonly start: number;
  readonly end: number;
  /** The phrase or sentence as written, without that whitespace: `Certainly!`, `As an AI language model,`. */
  readonly phrase: string;
  /** Whether the text after the cut now starts a sentence, so its first word takes a capital. */
  readonly capitalize: boolean;
}

/** Which kinds of packaging to cut; each defaults to true. */
export interface ResponseCutOptions {
  readonly openers?: boolean;
  readonly boilerplate?: boolean;
  readonly closers?: boolean;
}

/** Longest first, so `As an AI language model` wins over `As an AI`. */
const alternatives = (phrases: readonly string[]) => [...phrases].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
/** A boilerplate clause only with its comma: `As an AI language model, I…`; without one it may be the sentence's subject. */
const CLAUSE = new RegExp(`(?:${alternatives(RESPONSE_PHRASES.boilerplateClauses)}),[ \\t]*`, 'giu');
/** The start of a closing sentence, as a whole word. */
const CLOSING = new RegExp(`^(?:${alternatives(RESPONSE_PHRASES.closingSentences)})(?![\\p{L}\\p{N}])`, 'iu');
const SPACE = /\s/;

/**
 * The cuts that remove a response's stock openers, boilerplate clauses and closing sentences, in text order and
 * without overlaps; none when they would leave no letter or digit (the text is then all packaging, and stays).
 *
 * @example findResponseCuts('Sure! It is 4.').map((cut) => cut.phrase) // ['Sure!']
 */
export function findResponseCuts(text: string, options: ResponseCutOptions = {}): ResponseCut[] {
  const cuts: ResponseCut[] = [];
  let body = firstNonSpace(text);
  if (options.openers !== false) {
    for (let found = matchStockOpener(text, body); found; found = matchStockOpener(text, body)) {
      let end = found.end;
      while (end < text.length && SPACE.test(text.charAt(end))) end++;
      cuts.push({ kind: 'stock-opener', start: body, end, phrase: found.opener, capitalize: true });
      body = end;
    }
  }
  let tail = text.length;
  while (tail > body && SPACE.test(text.charAt(tail - 1))) tail--;
  if (options.closers !== false) {
    for (let start = sentenceStart(text, tail); start < tail && CLOSING.test(text.slice(start, tail)); start = sentenceStart(text, tail)) {
      if (start <= body) return [];
      let cutStart = start;
      while (cutStart > body && SPACE.test(text.charAt(cutStart - 1))) cutStart--;
      cuts.push({ kind: 'closing-offer', start: cutStart, end: tail, phrase: text.slice(start, tail), capitalize: false });
      tail = cutStart;
    }
  }
  if (options.boilerplate !== false) cuts.push(...clauseCuts(text, body, tail));
  if (!/[\p{L}\p{N}]/u.test(keptText(text, cuts))) return [];
  return cuts.sort((a, b) => a.start - b.start);
}

/**
 * Boilerplate clauses between `from` and `to`: at a sentence start, or after `but` or `However,` (`I'm sorry, but
 * as an AI, I…`), where the sentence reads the same without them.
 */
function clauseCuts(text: string, from: number, to: number): ResponseCut[] {
  const cuts: ResponseCut[] = [];
  for (const found of text.slice(0, to).matchAll(CLAUSE)) {
    const start = found.index;
    if (start < from) continue;
    const before = text.slice(0, start).replace(/[ \t]+$/, '');
    const startsSentence = start === from || before === '' || /[.!?\u2026\n]$/.test(before);
    if (!startsSentence && !/(?:\bbut|\bhowever,)$/i.test(before)) continue;
    const end = start + found[0].length;
    // Whatever follows must stand without the clause: `As an AI, and as a friend, I…` keeps it.
    if (!readsAfterCut(text.slice(0, start) + text.slice(end), start, found[0])) continue;
    cuts.push({ kind: 'assistant-boilerplate', start, end, phrase: found[0].trimEnd(), capitalize: startsSentence });
  }
  return cuts;
}

/**
 * Where the sentence that ends at `end` starts (its first non-space character): after the last line break or
 * the last `. ! ? …` followed by whitespace before it.
 */
function sentenceStart(text: string, end: number): number {
  let at = end - 1;
  while (at > 0 && text.charAt(at - 1) !== '\n' && !(SPACE.test(text.charAt(at - 1)) && /[.!?\u2026]/.test(text.charAt(at - 2)))) at--;
  at = Math.max(at, 0);
  while (at < end && SPACE.test(text.charAt(at))) at++;
  return at;
}

/** The text without the cuts, unchanged otherwise. */
export function keptText(text: string, cuts: readonly ResponseCut[]): string {
  let kept = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a.start - b.start)) {
    kept += text.slice(at, cut.start);
    at = Math.max(at, cut.end);
  }
  return kept + text.slice(at);
}
