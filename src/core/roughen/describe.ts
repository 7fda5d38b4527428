import { formatShare } from '../exporters/format';
import type { NoiseProfileSummary } from '../report/types';
import type { NoiseProfile } from './types';

const MAX_SLANG_SHOWN = 5;

/**
 * The profile in sentences a user takes in at a glance, the first naming the real rows:
 * `38% of real rows have a typo`, `61% have no final punctuation`, `median length 8 words (4 to 14 for 80% of rows)`.
 * An empty profile gives one sentence saying so.
 *
 * @example describeNoiseProfile(profile)[0] // '8.0% of real rows have a typo'
 */
export function describeNoiseProfile(profile: NoiseProfile): string[] {
  if (profile.rows === 0) return ['The reference set has no rows to learn a noise profile from.'];
  const slangWords = slangWordsOf(profile);
  const [q10, , median, , q90] = profile.wordQuantiles;
  return [
    `${formatShare(profile.typoRowShare)} of real rows have a typo`,
    `${formatShare(profile.startsLowercaseShare)} start with a lower-case letter`,
    `${formatShare(profile.allLowercaseShare)} are all lower-case`,
    `${formatShare(profile.noTerminalShare)} have no final punctuation`,
    `${formatShare(profile.noPunctuationShare)} have no punctuation at all`,
    `${formatShare(profile.repeatedPunctuationShare)} repeat punctuation (?? or !!)`,
    `${formatShare(profile.contractionShare)} of contractable pairs are contracted (don't, not do not)`,
    `${formatShare(profile.bareContractionShare)} of contractions drop the apostrophe (dont)`,
    slangWords.length > 0
      ? `${formatShare(profile.slangRowShare)} use chat slang (${slangWords.slice(0, MAX_SLANG_SHOWN).join(', ')})`
      : 'none use chat slang',
    `${formatShare(profile.stockPhraseShare)} use a stock LLM phrase`,
    `${formatShare(profile.politenessShare)} have a politeness marker like please`,
    `median length ${Math.round(median)} words (${Math.round(q10)} to ${Math.round(q90)} for 80% of rows)`,
  ];
}

/** The profile as plain figures and sentences, for the report (GapReport.reference.noiseProfile). */
export function summarizeNoiseProfile(profile: NoiseProfile): NoiseProfileSummary {
  return {
    rows: profile.rows,
    sentences: describeNoiseProfile(profile),
    typoRowShare: profile.typoRowShare,
    typosPerWord: profile.typosPerWord,
    startsLowercaseShare: profile.startsLowercaseShare,
    allLowercaseShare: profile.allLowercaseShare,
    noTerminalShare: profile.noTerminalShare,
    noPunctuationShare: profile.noPunctuationShare,
    repeatedPunctuationShare: profile.repeatedPunctuationShare,
    contractionShare: profile.contractionShare,
    bareContractionShare: profile.bareContractionShare,
    slangRowShare: profile.slangRowShare,
    slangWords: slangWordsOf(profile),
    stockPhraseShare: profile.stockPhraseShare,
    politenessShare: profile.politenessShare,
    wordQuantiles: [...profile.wordQuantiles],
  };
}

/** The slang words the real rows use, most used first, each once. */
function slangWordsOf(profile: NoiseProfile): string[] {
  const counts = new Map<string, number>();
  for (const choice of profile.slang) for (const { word, count } of choice.slang) counts.set(word, count);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
