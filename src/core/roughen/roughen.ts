import type { WordDictionary } from '../host';
import { hashString } from '../stats/hash';
import { seededRandom } from '../stats/random';
import { styleGate } from './calibrate';
import { pickDonor } from './donor';
import { protectionFor } from './protect';
import { dropPunctuation, dropCommas, dropTerminal, repeatPunctuation } from './transforms/punctuation';
import { lowercaseAll, lowercaseFirst } from './transforms/casing';
import { contract, dropApostrophes } from './transforms/contractions';
import { usePlainWords } from './transforms/plainWords';
import { dropPoliteness } from './transforms/politeness';
import { useSlang } from './transforms/slang';
import { replaceStockPhrases } from './transforms/stockPhrases';
import { addTypos } from './transforms/typos';
import type { NoiseProfile, RoughenChange, RoughenResult, Transform, TransformContext } from './types';

export interface RoughenOptions {
  readonly seed: number;
  /** Scales the amount of noise: 0 changes nothing, 1 (default) follows the real set, 2 doubles it. */
  readonly strength?: number;
  /** Borrow the style of this donor (an index into `profile.donors`) instead of drawing one. */
  readonly donor?: number;
  /** The row's label: its words are protected, and the donor is drawn among real rows with that label. */
  readonly label?: string;
  /** The spelling dictionary of the check: typos the row already has then count toward the donor's. */
  readonly dictionary?: WordDictionary;
  /**
   * The profile of the rows being roughened together (a dataset, the flagged rows): each style is then added
   * only as far as those rows fall short of the real share (see calibrate.ts), so rows that are already as
   * noisy as the real ones are left nearly alone. Without it a row is assumed clean, as LLM output mostly is.
   */
  readonly dataset?: NoiseProfile;
}

/**
 * The order matters: wording first (stock phrases, politeness, plain words, contractions, slang), then
 * punctuation and casing of what is left (so a plain word written with a capital is lower-cased like the rest),
 * and typos last, on the final words.
 */
const STEPS: readonly Transform[] = [
  replaceStockPhrases, dropPoliteness, usePlainWords, contract, dropApostrophes, useSlang,
  dropPunctuation, dropTerminal, dropCommas, repeatPunctuation, lowercaseAll, lowercaseFirst, addTypos,
];

const commonByProfile = new WeakMap<NoiseProfile, ReadonlySet<string>>();
const namesByProfile = new WeakMap<NoiseProfile, ReadonlySet<string>>();

/**
 * Roughens one synthetic row toward the real set: draws a real "style donor" row from the profile (one with the
 * row's label when there are some) and moves the row's style toward it: the donor's casing, punctuation,
 * typos, contractions, politeness and stock phrasing together, so styles that go together in real rows go
 * together here; dropped apostrophes, slang and plain wording at the real per-occurrence rates. It never adds
 * noise the real set lacks and never touches protected tokens (see {@link protectionFor}). Deterministic per (text, seed,
 * label): the row's random stream comes from the seed and a hash of its text, so one row's result does not
 * depend on other rows or their order. A step that would leave the row blank is skipped.
 *
 * @example roughenText('Could you please tell me my balance?', clincProfile, { seed: 7 }).text // 'can you tell me my balance
 */
export function roughenText(text: string, profile: NoiseProfile, options: RoughenOptions): RoughenResult {
  const strength = Math.max(0, options.strength ?? 1);
  const rng = seededRandom(hashString(text, options.seed >>> 0));
  const donor = pickDonor(profile, rng, { index: options.donor, label: options.label });
  if (!donor || strength === 0 || text.trim() === '') return { text, changes: [] };
  let common = commonByProfile.get(profile);
  if (!common) commonByProfile.set(profile, (common = new Set(profile.commonWords)));
  const commonWords = common;
  let names = namesByProfile.get(profile);
  if (!names) namesByProfile.set(profile, (names = new Set(profile.properNouns ?? [])));
  const properNouns = names;
  const rowRule = protectionFor(text, options.label);
  const ctx: TransformContext = {
    profile, donor, strength,
    gate: (bit) => styleGate(profile, options.dataset, bit),
    ...(options.dictionary ? { dictionary: options.dictionary } : {}),
    ...(options.dataset ? { dataset: options.dataset } : {}),
    // A name the real rows capitalize stays as written in every row, also one that writes it in lower case.
    isProtected: (word, flags) => rowRule(word, flags) || properNouns.has(word),
    isCommon: (word) => commonWords.has(word),
  };
  let current = text;
  const changes: RoughenChange[] = [];
  for (const step of STEPS) {
    const result = step(current, rng, ctx);
    if (result.changes.length === 0 || result.text.trim() === '') continue;
    current = result.text;
    changes.push(...result.changes);
  }
  return { text: current, changes };
}
