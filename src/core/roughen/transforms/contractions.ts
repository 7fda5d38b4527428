import { scanRow } from '../scanner';
import { CONTRACTABLE, bareFormOf, findContractable } from '../contractionForms';
import { matchCase } from '../spans';
import { DONOR, type RoughenChange, type Transform } from '../types';
import { UNCHANGED, change, donorWants, scaledRate } from './gate';
import { hitIsProtected } from './stockPhrases';

/**
 * Contracts full forms (`do not` → `don't`, `I am` → `I'm`) when the donor row uses a contraction. Forms
 * with a protected word are left alone. Gating on the donor (not a rate per pair) keeps the share of rows
 * with a contraction at the real one, even when synthetic rows say `what is` far more often than real ones.
 *
 * @example contract('I do not have my card', rng, ctx) // "I don't have my card"
 */
export const contract: Transform = (text, rng, ctx) => {
  if (!donorWants(ctx, rng, DONOR.CONTRACTION)) return UNCHANGED(text);
  const scan = scanRow(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of findContractable(scan).reverse()) {
    if (hitIsProtected(scan, hit, ctx)) continue;
    const start = scan.starts[hit.first];
    const end = scan.ends[hit.last];
    const before = text.slice(start, end);
    const after = matchCase(before, CONTRACTABLE[hit.index].contracted.toLowerCase());
    out = out.slice(0, start) + after + out.slice(end);
    changes.unshift(change('contract', `contracted "${before}" to "${after}"`, before, after));
  }
  return { text: out, changes };
};

/**
 * Drops the apostrophe of contractions (`don't` → `dont`) as often as the real set does, and only where the
 * result is no other word (`it's` stays, since `its` is a word).
 *
 * @example dropApostrophes("I don't know", rng, ctx) // 'I dont know'
 */
export const dropApostrophes: Transform = (text, rng, ctx) => {
  const rate = scaledRate(ctx, ctx.profile.bareContractionShare, ctx.dataset?.bareContractionShare);
  if (rate <= 0 || !/['\u2019]/.test(text)) return UNCHANGED(text);
  const scan = scanRow(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (let k = scan.count - 1; k >= 0; k--) {
    if (bareFormOf(scan.words[k]) === undefined || rng() >= rate) continue;
    const before = text.slice(scan.starts[k], scan.ends[k]);
    const after = before.replace(/['\u2019]/g, '');
    out = out.slice(0, scan.starts[k]) + after + out.slice(scan.ends[k]);
    changes.unshift(change('drop-apostrophe', `wrote "${before}" without its apostrophe`, before, after));
  }
  return { text: out, changes };
};
