import type { TextScan } from '../../features/scan';
import { scanRow } from '../scanner';
import { STOCK_PHRASES } from '../../features/stockPhrases';
import { PhraseFinder, type PhraseHit } from '../phraseSpans';
import { replaceSpan } from '../spans';
import { DONOR, type RoughenChange, type Transform, type TransformContext } from '../types';
import { doubledModal, isNegation, readsAfterCut } from '../guards';
import { UNCHANGED, change, donorLacks } from './gate';

const finder = new PhraseFinder(STOCK_PHRASES.map((entry) => entry.phrase));

/** Whether any word of a hit is protected. */
export function hitIsProtected(scan: TextScan, hit: PhraseHit, ctx: TransformContext): boolean {
  for (let k = hit.first; k <= hit.last; k++) if (ctx.isProtected(scan.words[k], scan.flags[k])) return true;
  return false;
}

/** Whether any word of a hit is a negation (see {@link isNegation}): rewording it risks saying the opposite. */
export function hitHasNegation(scan: TextScan, hit: PhraseHit): boolean {
  for (let k = hit.first; k <= hit.last; k++) if (isNegation(scan.words[k])) return true;
  return false;
}

/**
 * Whether replacing or cutting a phrase (`before` → `after`) left the row readable: no two modals around one
 * subject that the row did not have (`can you could help`), and after a cut, a sentence that neither starts nor
 * ends with a word that needed what was cut (see {@link readsAfterCut}).
 *
 * @example stillReads('Thank you for your help!', 'for your help!', true) // false
 */
export function stillReads(before: string, after: string, cut: boolean): boolean {
  if (doubledModal(after) && !doubledModal(before)) return false;
  if (!cut) return true;
  // Case-blind: a cut at a sentence start capitalizes the word after it.
  const was = before.toLowerCase();
  const is = after.toLowerCase();
  let at = 0;
  while (at < was.length && at < is.length && was.charCodeAt(at) === is.charCodeAt(at)) at++;
  let tail = 0;
  while (tail < was.length - at && tail < is.length - at && was.charCodeAt(was.length - 1 - tail) === is.charCodeAt(is.length - 1 - tail)) tail++;
  return readsAfterCut(after, at, before.slice(at, before.length - tail));
}

/**
 * Replaces stock LLM phrasing with the plain wording of the lexicon, or drops it (`I am writing to`,
 * `Thank you for your assistance.` → `thanks.`, `Could you please` → `can you`), when the donor row uses none;
 * only where the row still reads afterwards (see {@link stillReads}).
 *
 * @example replaceStockPhrases('Certainly! Could you please check my balance?', rng, ctx) // 'Can you check my balance?'
 */
export const replaceStockPhrases: Transform = (text, rng, ctx) => {
  if (!donorLacks(ctx, rng, DONOR.STOCK)) return UNCHANGED(text);
  const scan = scanRow(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of finder.find(scan).reverse()) {
    if (hitIsProtected(scan, hit, ctx) || hitHasNegation(scan, hit)) continue;
    const plain = STOCK_PHRASES[hit.index].plain ?? '';
    const before = text.slice(scan.starts[hit.first], scan.ends[hit.last]);
    const next = replaceSpan(out, scan.starts[hit.first], scan.ends[hit.last], plain);
    if (next.trim() === '' || !stillReads(out, next, plain === '')) continue;
    out = next;
    const description = plain === '' ? `removed the stock phrase "${before}"` : `replaced the stock phrase "${before}" with "${plain}"`;
    changes.unshift(change('stock-phrase', description, before, plain));
  }
  return { text: out, changes };
};
