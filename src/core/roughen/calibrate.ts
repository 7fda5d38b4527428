import { DONOR, type NoiseProfile } from './types';

/**
 * The share of rows on the noisy side of a DONOR bit: lower-case, unpunctuated, with a typo, without a stock
 * phrase or a politeness marker (roughening removes those, so their absence is the noisy side).
 *
 * @example noisyShare(profile, DONOR.ALL_LOWER) === profile.allLowercaseShare // true
 */
export function noisyShare(profile: NoiseProfile, bit: number): number {
  switch (bit) {
    case DONOR.LOWER_START: return profile.startsLowercaseShare;
    case DONOR.ALL_LOWER: return profile.allLowercaseShare;
    case DONOR.NO_TERMINAL: return profile.noTerminalShare;
    case DONOR.NO_COMMA: return profile.noCommaShare;
    case DONOR.NO_PUNCTUATION: return profile.noPunctuationShare;
    case DONOR.REPEATED: return profile.repeatedPunctuationShare;
    case DONOR.STOCK: return 1 - profile.stockPhraseShare;
    case DONOR.POLITE: return 1 - profile.politenessShare;
    case DONOR.CONTRACTION: return profile.contractionRowShare;
    case DONOR.TYPO: return profile.typoRowShare;
    default: return 0;
  }
}

/**
 * The probability that a row not yet on the noisy side of a style moves there when its donor is, chosen so
 * that the rows as a whole end at the real share: a row moves with probability r·q (its donor is noisy with
 * probability r), so with a share s already noisy the total is s + (1 − s)·r·q = r for q = (r − s) / ((1 − s)·r).
 * 1 without a dataset profile (rows assumed clean, as LLM output mostly is); 0 when the rows are already as
 * noisy as the real ones, so roughening real rows against their own set leaves them nearly alone.
 *
 * @example styleGate(real, undefined, DONOR.ALL_LOWER) // 1
 */
export function styleGate(real: NoiseProfile, dataset: NoiseProfile | undefined, bit: number): number {
  if (!dataset || dataset.rows === 0) return 1;
  const r = noisyShare(real, bit);
  const s = noisyShare(dataset, bit);
  if (s >= 1 || r <= 0) return 1;
  return Math.min(1, Math.max(0, (r - s) / ((1 - s) * r)));
}

/**
 * A per-occurrence rate (slang for `please`, a dropped apostrophe) calibrated the same way: each occurrence not
 * yet noisy turns with probability (r − s) / (1 − s), so the occurrences end at the real rate r.
 *
 * @example rateGate(0.2, 0) // 0.2
 */
export function rateGate(real: number, dataset = 0): number {
  if (dataset >= 1) return 0;
  return Math.min(1, Math.max(0, (real - dataset) / (1 - dataset)));
}
