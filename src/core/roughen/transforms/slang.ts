import { scanRow } from '../scanner';
import type { Random } from '../../stats/random';
import { formalFinder, FORMAL_PHRASES } from '../slangForms';
import { matchCase } from '../spans';
import type { NoiseProfile, RoughenChange, SlangChoice, Transform } from '../types';
import { UNCHANGED, change, scaledRate } from './gate';
import { hitIsProtected } from './stockPhrases';

const choicesByProfile = new WeakMap<NoiseProfile, ReadonlyMap<string, SlangChoice>>();

function choicesOf(profile: NoiseProfile): ReadonlyMap<string, SlangChoice> {
  let choices = choicesByProfile.get(profile);
  if (!choices) choicesByProfile.set(profile, (choices = new Map(profile.slang.map((choice) => [choice.formal, choice]))));
  return choices;
}

/** One of the real set's slang words for a phrase, drawn by how often the real set uses each. */
function drawSlang(choice: SlangChoice, rng: Random): string {
  const total = choice.slang.reduce((sum, option) => sum + option.count, 0);
  let draw = rng() * total;
  for (const option of choice.slang) if ((draw -= option.count) < 0) return option.word;
  return choice.slang[choice.slang.length - 1].word;
}

/**
 * Writes formal words the way the real set writes them in chat style (`please` → `pls`, `you` → `u`): only
 * slang the real rows actually use, each phrase as often as the real rows write it so. Protected words stay.
 *
 * @example useSlang('Can you please help', rng, ctx) // 'Can u pls help' (when the real set writes u and pls)
 */
export const useSlang: Transform = (text, rng, ctx) => {
  const choices = choicesOf(ctx.profile);
  if (choices.size === 0 || ctx.strength <= 0) return UNCHANGED(text);
  const scan = scanRow(text);
  const changes: RoughenChange[] = [];
  let out = text;
  for (const hit of formalFinder.find(scan).reverse()) {
    const choice = choices.get(FORMAL_PHRASES[hit.index]);
    if (!choice || rng() >= scaledRate(ctx, choice.rate, ctx.dataset?.slang.find((own) => own.formal === choice.formal)?.rate ?? 0)) continue;
    if (hitIsProtected(scan, hit, ctx)) continue;
    const start = scan.starts[hit.first];
    const end = scan.ends[hit.last];
    const before = text.slice(start, end);
    const after = matchCase(before, drawSlang(choice, rng));
    out = out.slice(0, start) + after + out.slice(end);
    changes.unshift(change('slang', `wrote "${before}" as "${after}"`, before, after));
  }
  return { text: out, changes };
};
