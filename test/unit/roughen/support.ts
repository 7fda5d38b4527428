// Shared by the roughen tests: a hand-made profile and context, so each transformation is tested on the style
// it is given, and a random stream that returns fixed values.
import { protectionFor } from '../../../src/core/roughen/protect';
import type { NoiseProfile, StyleDonor, TransformContext } from '../../../src/core/roughen/types';
import type { Random } from '../../../src/core/stats/random';
import { seededRandom } from '../../../src/core/stats/random';

export { wordList } from '../features/support';

export function donor(flags: number, overrides: Partial<StyleDonor> = {}): StyleDonor {
  return { flags, words: 8, typos: 0, checked: 6, label: -1, ...overrides };
}

/** A profile with no noise at all except what `overrides` sets; one donor with `flags`. */
export function profile(overrides: Partial<NoiseProfile> = {}): NoiseProfile {
  return {
    rows: 100,
    typoRowShare: 0,
    typosPerWord: 0,
    typoKinds: { neighbour: 0, drop: 0, double: 0, swap: 0 },
    startsLowercaseShare: 0,
    allLowercaseShare: 0,
    noTerminalShare: 0,
    noCommaShare: 0,
    noPunctuationShare: 0,
    repeatedPunctuationShare: 0,
    contractionShare: 0,
    contractionRowShare: 0,
    bareContractionShare: 0,
    slangRowShare: 0,
    slang: [],
    plainWords: [],
    stockPhraseShare: 0,
    politenessShare: 0,
    wordQuantiles: [4, 6, 8, 10, 13],
    commonWords: [],
    labels: [],
    donors: [donor(0)],
    ...overrides,
  };
}

/** A context for one transformation: the donor's flags, the profile, protection for `text` and `label`. */
export function context(text: string, options: { flags?: number; donor?: Partial<StyleDonor>; profile?: Partial<NoiseProfile>; label?: string; strength?: number } = {}): TransformContext {
  const p = profile(options.profile);
  const common = new Set(p.commonWords);
  return {
    profile: p,
    donor: donor(options.flags ?? 0, options.donor),
    strength: options.strength ?? 1,
    gate: () => 1,
    isProtected: protectionFor(text, options.label),
    isCommon: (word) => common.has(word),
  };
}

/** A random stream of fixed values, repeated; for decisions a test wants to control. */
export function fixed(...values: number[]): Random {
  let i = 0;
  return () => values[i++ % values.length];
}

export const rng = (seed = 1): Random => seededRandom(seed);
