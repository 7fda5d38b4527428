import type { Random } from '../../stats/random';
import { PLAIN_WORDS, formalWordFinder } from '../plainForms';
import { scanRow } from '../scanner';
import { replaceSpan } from '../spans';
import type { NoiseProfile, PlainWordChoice, RoughenChange, Transform } from '../types';
import { UNCHANGED, change, scaledRate } from './gate';
import { hitHasNegation, hitIsProtected, stillReads } from './stockPhrases';

const choicesByProfile = new WeakMap<NoiseProfile, ReadonlyMap<string, PlainWordChoice>>();

function choicesOf(profile: NoiseProfile): ReadonlyMap<string, PlainWordChoice> {
  let choices = choicesByProfile.get(profile);
  if (!choices) choicesByProfile.set(profile, (choices = new Map(profile.plainWords.map((choice) => [choice.formal, choice]))));
  return choices;
}

/** One of the real set's plain forms for a phrase, drawn by how many real rows use each. */
function drawPlain(choice: PlainWordChoice, rng: Random): string {
  const total = choice.plain.reduce((sum, option) => sum + option.count, 0);
  let draw = rng() * total;
  for (const option of choice.plain) if ((draw -= option.count) < 0) return option.word;
  return choice.plain[choice.plain.length - 1].word;
}

/**
 * Writes formal wording the plain way the real set writes it (`Could you` → `Can you`, `purchase a` → `buy a`,
 * `in order to` → `to`; plainWords.json): each phrase as often as real rows choose a plain form over it
 * (calibrated against the rows' own share when known), with the plain forms the real rows use, drawn by their
 * real counts. A phrase the real set never writes plainly stays, and so does one with a protected word or a
 * negation. Only framing phrases are rewritten, never a content word (see {@link PLAIN_WORDS}).
 *
 * @example usePlainWords('Could you provide the weather?', rng, ctx) // 'Can you tell me the weather?'
 */
export const usePlainWords: Transform = (text, rng, ctx) => {
  const choices = choicesOf(ctx.profile);
  if (choices.size === 0 || ctx.strength <= 0) return UNCHANGED(text);
  const scan = scanRow(text);
  const hits = formalWordFinder.find(scan);
  if (hits.length === 0) return UNCHANGED(text);
  const own = ctx.dataset ? choicesOf(ctx.dataset) : undefined;
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of hits.reverse()) {
    const formal = PLAIN_WORDS[hit.index].formal;
    const choice = choices.get(formal);
    if (!choice || rng() >= scaledRate(ctx, choice.rate, own?.get(formal)?.rate ?? 0) || hitIsProtected(scan, hit, ctx) || hitHasNegation(scan, hit)) continue;
    const start = scan.starts[hit.first];
    const before = text.slice(start, scan.ends[hit.last]);
    const plain = drawPlain(choice, rng);
    const next = replaceSpan(out, start, scan.ends[hit.last], plain);
    if (!stillReads(out, next, false)) continue;
    out = next;
    const after = out.slice(start, start + plain.length);
    changes.unshift(change('plain-words', `"${before}" → "${after}"`, before, after));
  }
  return changes.length === 0 ? UNCHANGED(text) : { text: out, changes };
};
