import type { TextScan } from '../../features/scan';
import { scanRow } from '../scanner';
import { STOCK_PHRASES } from '../../features/stockPhrases';
import { PhraseFinder, type PhraseHit } from '../phraseSpans';
import { replaceSpan } from '../spans';
import { DONOR, type RoughenChange, type Transform, type TransformContext } from '../types';
import { UNCHANGED, change, donorLacks } from './gate';

const finder = new PhraseFinder(STOCK_PHRASES.map((entry) => entry.phrase));

/** Whether any word of a hit is protected. */
export function hitIsProtected(scan: TextScan, hit: PhraseHit, ctx: TransformContext): boolean {
  for (let k = hit.first; k <= hit.last; k++) if (ctx.isProtected(scan.words[k], scan.flags[k])) return true;
  return false;
}

/**
 * Replaces stock LLM phrasing with the plain wording of the lexicon, or drops it (`I am writing to`,
 * `Thank you for your assistance.` → `thanks.`, `Could you please` → `can you`), when the donor row uses none.
 *
 * @example replaceStockPhrases('Certainly! Could you please check my balance?', rng, ctx) // 'Can you check my balance?'
 */
export const replaceStockPhrases: Transform = (text, rng, ctx) => {
  if (!donorLacks(ctx, rng, DONOR.STOCK)) return UNCHANGED(text);
  const scan = scanRow(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of finder.find(scan).reverse()) {
    if (hitIsProtected(scan, hit, ctx)) continue;
    const plain = STOCK_PHRASES[hit.index].plain ?? '';
    const before = text.slice(scan.starts[hit.first], scan.ends[hit.last]);
    const next = replaceSpan(out, scan.starts[hit.first], scan.ends[hit.last], plain);
    if (next.trim() === '') continue;
    out = next;
    const description = plain === '' ? `removed the stock phrase "${before}"` : `replaced the stock phrase "${before}" with "${plain}"`;
    changes.unshift(change('stock-phrase', description, before, plain));
  }
  return { text: out, changes };
};
