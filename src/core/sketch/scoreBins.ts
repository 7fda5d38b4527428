// The score bins every partition shares: fixed by the model, so histograms of any partitions add up.

/**
 * Bins between the reference scores' lowest and highest logit. 2,000 equal-width bins keep the AUC's binning error
 * (pairs tied in one bin count half) under about 1/2,000 of the pairs when both sides spread over the range, far
 * below the AUC's own interval on any dataset a sketch is worth making for, at 16 KB of counts a partition.
 */
export const SCORE_BINS = 2000;
/** Scores are clamped this far from 0 and 1 before the logit, so a score of exactly 0 or 1 has a finite bin. */
const EPSILON = 1e-12;

/** The bin layout: `SCORE_BINS` bins on [low, high) logits, plus one below and one at or above (SCORE_BINS + 2). */
export interface ScoreBins {
  readonly low: number;
  readonly high: number;
}

export function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

/**
 * The layout from the model's reference scores (sorted ascending). Logits, not probabilities: the detector's
 * scores crowd near 0 and 1, where equal-width bins on [0, 1] would put most rows of a large gap in one bin.
 * An empty or constant reference gives a unit range around its value, so every layout has width.
 */
export function scoreBins(referenceSorted: ArrayLike<number>): ScoreBins {
  if (referenceSorted.length === 0) return { low: -1, high: 1 };
  const low = logit(referenceSorted[0]);
  const high = logit(referenceSorted[referenceSorted.length - 1]);
  return high > low ? { low, high } : { low: low - 0.5, high: low + 0.5 };
}

/** The bin of a score: 0 below the range, 1..SCORE_BINS inside it, SCORE_BINS + 1 at or above its top. */
export function scoreBin(bins: ScoreBins, score: number): number {
  const x = logit(score);
  if (x < bins.low) return 0;
  if (x >= bins.high) return SCORE_BINS + 1;
  return 1 + Math.min(SCORE_BINS - 1, Math.floor(((x - bins.low) / (bins.high - bins.low)) * SCORE_BINS));
}

/** Counts of `scores` per bin (SCORE_BINS + 2 of them). */
export function binScores(bins: ScoreBins, scores: ArrayLike<number>): number[] {
  const counts = new Array<number>(SCORE_BINS + 2).fill(0);
  for (let i = 0; i < scores.length; i++) counts[scoreBin(bins, scores[i])]++;
  return counts;
}
