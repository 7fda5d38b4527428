import { isCloser, isTerminal } from '../../features/chars';
import { scanRow } from '../scanner';
import { punctuationMarks } from '../marks';
import { DONOR, type RoughenChange, type Transform, type TransformContext, type TransformResult } from '../types';
import { UNCHANGED, change, donorWants } from './gate';

/** The text without the characters at `positions` (ascending), with the spaces they leave closed up. */
function removeAt(text: string, positions: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const at of positions) {
    out += text.slice(from, at);
    from = at + 1;
    // `card . Can` and `, and` leave two spaces or a leading one: keep one space between words, none at the ends.
    if (/[ \t]$/.test(out) && /^[ \t]/.test(text.slice(from))) from++;
  }
  out += text.slice(from);
  return out.replace(/^[ \t]+(?=\S)/, '').replace(/(?<=\S)[ \t]+$/, '');
}

function removed(kind: string, text: string, positions: readonly number[], what: string): TransformResult {
  if (positions.length === 0) return UNCHANGED(text);
  const out = removeAt(text, positions);
  const marks = positions.map((at) => text[at]).join('');
  const changes: RoughenChange[] = [change(kind, `removed ${what} ${marks}`, marks, '')];
  return { text: out, changes };
}

/** The final run of . ! ? … (closing quotes and brackets after it allowed), as positions among the row's marks. */
function terminalRun(text: string, marks: readonly number[]): number[] {
  let end = text.length - 1;
  while (end >= 0 && (/\s/.test(text[end]) || isCloser(text.charCodeAt(end)))) end--;
  const run: number[] = [];
  const isMark = new Set(marks);
  for (let i = end; i >= 0 && isTerminal(text.charCodeAt(i)) && isMark.has(i); i--) run.unshift(i);
  return run;
}

/**
 * Drops the final . ! ? or … when the donor row has none.
 *
 * @example dropTerminal('Where is my card?', rng, ctx) // 'Where is my card'
 */
export const dropTerminal: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.NO_TERMINAL)) return UNCHANGED(text);
  return removed('drop-terminal', text, terminalRun(text, punctuationMarks(scanRow(text))), 'the final');
};

/**
 * Drops the commas between words when the donor row has none; commas inside numbers (`1,000`) stay.
 *
 * @example dropCommas('Hi, can you help, please', rng, ctx) // 'Hi can you help please'
 */
export const dropCommas: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.NO_COMMA)) return UNCHANGED(text);
  const commas = punctuationMarks(scanRow(text)).filter((at) => text.charCodeAt(at) === 44);
  return removed('drop-commas', text, commas, 'the commas');
};

/**
 * The text with the capital that starts a sentence lower-cased wherever the sentence end before it is one of the
 * removed `positions` (ascending), so dropping the stop between two sentences leaves `was declined what's going
 * on`, not a run-on with a capital mid-row (`was declined What's going on`). A capital stays where `keep` says
 * the word is a name, an acronym or `I` (given its lower-case form and whether it is all capitals), and where
 * lower-casing would change the text's length (`İ`), since the removed positions count on it.
 *
 * @example lowerCapitalsAfter('Declined. What now?', [8], () => false) // 'Declined. what now?'
 */
export function lowerCapitalsAfter(text: string, positions: readonly number[], keep: (word: string, allCaps: boolean) => boolean): string {
  let out = text;
  for (const at of positions) {
    if (!isTerminal(text.charCodeAt(at))) continue;
    const next = /^[.!?\u2026]*[\s"'\u201c\u2018(]*(\p{L}[\p{L}\p{M}'\u2019-]*)/u.exec(text.slice(at + 1));
    if (!next) continue;
    const word = next[1];
    const start = at + 1 + next[0].length - word.length;
    const first = word.charAt(0);
    const lower = first.toLowerCase();
    const allCaps = word.length >= 2 && word === word.toUpperCase();
    if (lower === first || lower.length !== first.length || keep(word.toLowerCase(), allCaps)) continue;
    out = out.slice(0, start) + lower + out.slice(start + 1);
  }
  return out;
}

/** Whether a sentence-start capital is to stay: `I` and its contractions, acronyms, protected names. */
function keepsCapital(ctx: TransformContext): (word: string, allCaps: boolean) => boolean {
  return (word, allCaps) => allCaps || word === 'i' || /^i['\u2019]/.test(word) || ctx.isProtected(word, 0);
}

/**
 * Drops every . , ; : ! ? … between words when the donor row has no punctuation at all, as crowd-written rows
 * often do; punctuation inside a token (`3.5`, `12:00`, `U.S.`, a URL) and emoticons stay. A sentence that
 * loses the stop before it loses its capital too (see {@link lowerCapitalsAfter}).
 *
 * @example dropPunctuation('I lost my card. Can you help?', rng, ctx) // 'I lost my card can you help'
 */
export const dropPunctuation: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.NO_PUNCTUATION)) return UNCHANGED(text);
  const positions = punctuationMarks(scanRow(text));
  const result = removed('drop-punctuation', lowerCapitalsAfter(text, positions, keepsCapital(ctx)), positions, 'the punctuation');
  return result.changes.length === 0 ? UNCHANGED(text) : { text: result.text, changes: result.changes };
};

/**
 * Doubles a final ? or ! when the donor row repeats punctuation (`??`, `!!`) and this row has none repeated.
 *
 * @example repeatPunctuation('Where is my card?', rng, ctx) // 'Where is my card??'
 */
export const repeatPunctuation: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.REPEATED)) return UNCHANGED(text);
  const scan = scanRow(text);
  if (scan.repeatedPunctuation) return UNCHANGED(text);
  const run = terminalRun(text, punctuationMarks(scan));
  const last = run[run.length - 1];
  if (last === undefined || (text[last] !== '?' && text[last] !== '!')) return UNCHANGED(text);
  const out = text.slice(0, last + 1) + text[last] + text.slice(last + 1);
  return { text: out, changes: [change('repeat-punctuation', `repeated the final ${text[last]}`, text[last], text[last] + text[last])] };
};
