import politeness from '../../lexicons/politeness.json';
import type { TextScan } from '../../features/scan';
import { scanRow } from '../scanner';
import { PhraseFinder, type PhraseHit } from '../phraseSpans';
import { cutSpan } from '../spans';
import { DONOR, type RoughenChange, type Transform } from '../types';
import { UNCHANGED, change, donorLacks } from './gate';
import { hitHasNegation, hitIsProtected, stillReads } from './stockPhrases';

const finder = new PhraseFinder(politeness);

/**
 * Politeness adverbs, which leave a whole sentence when cut anywhere (`can you please check` → `can you
 * check`). Other markers (`thank you`, `if possible`) are cut only where they stand as a clause of their own.
 */
const ADVERBS = new Set(['please', 'pls', 'plz', 'kindly']);

/** Whether a hit is bounded on both sides by the row's ends or by punctuation: `Thanks!`, `, if possible?`. */
function standsAlone(scan: TextScan, hit: PhraseHit): boolean {
  const text = scan.text;
  const left = text.slice(hit.first > 0 ? scan.ends[hit.first - 1] : 0, scan.starts[hit.first]);
  const right = text.slice(scan.ends[hit.last], hit.last + 1 < scan.count ? scan.starts[hit.last + 1] : text.length);
  const bounded = (gap: string, isEnd: boolean) => isEnd || /[,;:.!?\u2026]/.test(gap);
  return bounded(left, hit.first === 0) && bounded(right, hit.last + 1 === scan.count);
}

/**
 * Shortens a row that is longer than its donor by cutting politeness the donor does without: `please`,
 * `kindly`, a standalone `thank you` or `if possible`. Content words are never cut.
 *
 * @example dropPoliteness('Can you please tell me my balance? Thank you!', rng, ctx) // 'Can you tell me my balance?'
 */
export const dropPoliteness: Transform = (text, rng, ctx) => {
  if (!donorLacks(ctx, rng, DONOR.POLITE)) return UNCHANGED(text);
  const scan = scanRow(text);
  if (scan.count <= ctx.donor.words) return UNCHANGED(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of finder.find(scan).reverse()) {
    const single = hit.first === hit.last && ADVERBS.has(scan.words[hit.first]);
    if ((!single && !standsAlone(scan, hit)) || hitIsProtected(scan, hit, ctx) || hitHasNegation(scan, hit)) continue;
    const before = text.slice(scan.starts[hit.first], scan.ends[hit.last]);
    const next = cutSpan(out, scan.starts[hit.first], scan.ends[hit.last]);
    if (next.trim() === '' || !stillReads(out, next, true)) continue;
    out = next;
    changes.unshift(change('drop-politeness', `removed "${before}"`, before, ''));
  }
  return { text: out, changes };
};
