import { isCloser, isTerminal } from '../../features/chars';
import { scanRow } from '../scanner';
import { punctuationMarks } from '../marks';
import { DONOR, type RoughenChange, type Transform, type TransformResult } from '../types';
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
 * Drops every . , ; : ! ? … between words when the donor row has no punctuation at all, as crowd-written rows
 * often do; punctuation inside a token (`3.5`, `12:00`, `U.S.`, a URL) and emoticons stay.
 *
 * @example dropPunctuation('I lost my card. Can you help?', rng, ctx) // 'I lost my card Can you help'
 */
export const dropPunctuation: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.NO_PUNCTUATION)) return UNCHANGED(text);
  return removed('drop-punctuation', text, punctuationMarks(scanRow(text)), 'the punctuation');
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
