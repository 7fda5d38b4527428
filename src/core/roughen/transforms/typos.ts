import { TOKEN } from '../../features/scan';
import { scanRow } from '../scanner';
import { isKnownWord, typoAt } from '../../features/typos';
import { isNegation } from '../guards';
import type { Random } from '../../stats/random';
import { DONOR, type RoughenChange, type Transform, type TransformContext, type TypoKind } from '../types';
import { LETTER_TYPOS, TYPO_KINDS } from './letterTypos';
import { UNCHANGED, change } from './gate';

const SKIP = TOKEN.HAS_DIGIT | TOKEN.SPECIAL | TOKEN.NON_ASCII | TOKEN.DOTTED | TOKEN.ALL_UPPER | TOKEN.APOSTROPHE;
/** Typos hit words of this many letters or more: short words mistyped read as other words (`form` → `from`). */
export const MIN_TYPO_LETTERS = 4;

/** A typo kind drawn by the real set's mix; evenly when the real typos were not classified. */
function drawKind(ctx: TransformContext, rng: Random): TypoKind {
  const shares = ctx.profile.typoKinds;
  const total = TYPO_KINDS.reduce((sum, kind) => sum + shares[kind], 0);
  if (total <= 0) return TYPO_KINDS[Math.floor(rng() * TYPO_KINDS.length)];
  let draw = rng() * total;
  for (const kind of TYPO_KINDS) if ((draw -= shares[kind]) < 0) return kind;
  return TYPO_KINDS[TYPO_KINDS.length - 1];
}

/**
 * Whether a misspelling is itself a word (`from` → `fro`, `form`): a reader takes it for that word, so it would
 * change what the row says rather than look mistyped.
 */
function makesAWord(word: string, ctx: TransformContext): boolean {
  return ctx.isCommon(word) || (ctx.dictionary !== undefined && isKnownWord(word, ctx.dictionary));
}

/** `value` rounded up or down at random, so that its expectation is `value`. */
function roundAtRandom(value: number, rng: Random): number {
  const floor = Math.floor(value);
  return floor + (rng() < value - floor ? 1 : 0);
}

/**
 * Misspells words when the donor row has typos: as many as the donor has (more above strength 1), less the
 * ones the row already has when the context has a dictionary (a lower-cased name the dictionary lacks reads
 * as a typo to the check, as it does in real rows); each a letter edit drawn by the real set's mix of kinds (key neighbour, dropped, doubled, swapped
 * letters). Only unprotected words of four letters or more that the real set uses often are hit, never a
 * negation (`never`, `dont`), a name or place (see protect.ts and the profile's proper nouns), and never
 * so that the misspelling is another word.
 *
 * @example addTypos('where is my account', rng, ctx) // 'where is my acount'
 */
export const addTypos: Transform = (text, rng, ctx) => {
  if (ctx.donor.typos === 0 || rng() >= ctx.strength * ctx.gate(DONOR.TYPO)) return UNCHANGED(text);
  const scan = scanRow(text);
  let wanted = roundAtRandom(Math.max(1, ctx.strength) * ctx.donor.typos, rng);
  const eligible: number[] = [];
  for (let k = 0; k < scan.count; k++) {
    if (ctx.dictionary && typoAt(scan, k, ctx.dictionary) === 1) wanted--;
    const word = scan.words[k];
    if (scan.flags[k] & SKIP || scan.letters[k] < MIN_TYPO_LETTERS || !/^[a-z]+$/.test(word)) continue;
    if (!ctx.isProtected(word, scan.flags[k]) && !isNegation(word) && ctx.isCommon(word)) eligible.push(k);
  }
  const picked: number[] = [];
  while (picked.length < wanted && eligible.length > 0) picked.push(...eligible.splice(Math.floor(rng() * eligible.length), 1));
  picked.sort((a, b) => b - a);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const k of picked) {
    const before = text.slice(scan.starts[k], scan.ends[k]);
    const after = LETTER_TYPOS[drawKind(ctx, rng)](before, rng);
    if (after === undefined || after === before || makesAWord(after.toLowerCase(), ctx)) continue;
    out = out.slice(0, scan.starts[k]) + after + out.slice(scan.ends[k]);
    changes.unshift(change('typo', `misspelled "${before}" as "${after}"`, before, after));
  }
  return { text: out, changes };
};
