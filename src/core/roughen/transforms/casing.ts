import { TOKEN } from '../../features/scan';
import { scanRow } from '../scanner';
import { DONOR, type Transform } from '../types';
import { UNCHANGED, change, donorWants } from './gate';

const { ALL_UPPER, SPECIAL } = TOKEN;

/**
 * Writes the whole row in lower case when the donor row is, URLs and e-mail addresses excepted (a path can be
 * case-sensitive). Names are lower-cased too: a real set written in lower case writes them so.
 *
 * @example lowercaseAll('Book a table at Nobu.', rng, ctx) // 'book a table at nobu.'
 */
export const lowercaseAll: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.ALL_LOWER)) return UNCHANGED(text);
  const lower = text.toLowerCase();
  if (lower === text) return UNCHANGED(text);
  // Only a chunk with `@ . :` can be a URL, an e-mail address or a handle; without one the whole row goes.
  if (!/[@.:]/.test(text)) return { text: lower, changes: [change('lowercase-all', 'wrote the row in lower case', text, lower)] };
  const scan = scanRow(text);
  let out = '';
  let from = 0;
  for (let k = 0; k < scan.count; k++) {
    if (!(scan.flags[k] & SPECIAL)) continue;
    out += text.slice(from, scan.starts[k]).toLowerCase() + text.slice(scan.starts[k], scan.ends[k]);
    from = scan.ends[k];
  }
  out += text.slice(from).toLowerCase();
  if (out === text) return UNCHANGED(text);
  return { text: out, changes: [change('lowercase-all', 'wrote the row in lower case', text, out)] };
};

/**
 * Lower-cases the row's first letter when the donor row starts lower-case; an acronym (`ATM`), a URL or a
 * number at the start is left alone.
 *
 * @example lowercaseFirst('Where is my card?', rng, ctx) // 'where is my card?'
 */
export const lowercaseFirst: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.LOWER_START)) return UNCHANGED(text);
  const scan = scanRow(text);
  if (scan.count === 0) return UNCHANGED(text);
  const flags = scan.flags[0];
  const start = scan.starts[0];
  const first = text.charAt(start);
  if (flags & SPECIAL || (flags & ALL_UPPER && scan.letters[0] >= 2) || first === first.toLowerCase()) return UNCHANGED(text);
  const word = text.slice(start, scan.ends[0]);
  const lowered = first.toLowerCase() + word.slice(1);
  return {
    text: text.slice(0, start) + lowered + text.slice(scan.ends[0]),
    changes: [change('lowercase-first', `started with a lower-case "${lowered}"`, word, lowered)],
  };
};
