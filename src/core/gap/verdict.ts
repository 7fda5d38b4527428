import { formatShare } from '../exporters/format';
import type { Verdict } from '../report/types';
import { sortedCopy } from '../stats/quantile';
import { quantileUpperBound } from '../stats/quantileBound';
import { conformalSelectionCut } from '../stats/conformalSelect';

/** Below these row counts on either side the comparison says nothing reliable. */
export const MIN_ROWS = 50;
/** Below this many reference rows the report warns that figures are rough. */
export const SMALL_REFERENCE_ROWS = 200;

/**
 * The verdict from the detector's AUC and its interval. "No gap" when the interval covers chance or the
 * AUC is at most 0.55: a detector that cannot tell the sides apart is the goal.
 */
export function verdictFor(auc: number, aucLow: number, realRows: number, syntheticRows: number): Verdict {
  if (realRows < MIN_ROWS || syntheticRows < MIN_ROWS) return 'insufficient-data';
  if (aucLow <= 0.5 || auc <= 0.55) return 'no-gap';
  if (auc < 0.65) return 'small-gap';
  if (auc < 0.8) return 'gap';
  return 'large-gap';
}

/**
 * An AUC this far below chance is no "no gap": the detector finds the reference rows more like the dataset's
 * than the dataset's own rows, which happens when the dataset is the reference (or a copy of its rows): each row
 * is then scored by a model that learned its twin on the other side. Random halves of real files stay above 0.44
 * on 200 rows a side (the bench's nulls), so 0.4 is well past chance.
 */
const ANOMALOUS_AUC = 0.4;

export function headlineFor(verdict: Verdict, auc: number): string {
  const odds = `shown one real and one synthetic row, a classifier picks the synthetic one ${formatShare(auc)} of the time`;
  if (verdict !== 'insufficient-data' && auc < ANOMALOUS_AUC) {
    return `Something is off: ${odds}, well below chance (50%). Is this file the reference itself, or made of its rows (a copy, a link, a merge)?`;
  }
  switch (verdict) {
    case 'insufficient-data':
      return `Too few rows to compare: each side needs at least ${MIN_ROWS}.`;
    case 'no-gap':
      return `No measurable gap: ${odds}, no better than chance.`;
    case 'small-gap':
      return `A small gap: ${odds} (50% is chance).`;
    case 'gap':
      return `A clear gap: ${odds} (50% is chance).`;
    case 'large-gap':
      return `A large gap: ${odds} (50% is chance); a model trained on this data will meet text unlike it.`;
  }
}

/**
 * Which rows a verdict lets be flagged. `score`: every row above the threshold. `phrases`: with no gap, a row
 * above the threshold by its score alone is chance (about as many real rows are), and flagging it would cry
 * wolf; only rows whose stock LLM phrasing real rows rarely use (markerPrior.ts) are flagged, knowledge that
 * does not rest on this file's gap. `none`: with too few rows nothing is flagged.
 */
export type FlagRule = 'score' | 'phrases' | 'none';

export function flagRuleFor(verdict: Verdict): FlagRule {
  return verdict === 'insufficient-data' ? 'none' : verdict === 'no-gap' ? 'phrases' : 'score';
}

/** Whether a row is flagged: its score against the threshold, under the verdict's rule; `phraseEvidence` in logits. */
export function isFlagged(score: number, threshold: number, rule: FlagRule, phraseEvidence: number): boolean {
  if (rule === 'none' || !(score > threshold)) return false;
  return rule === 'score' || phraseEvidence > 0;
}

/** What decides which rows are flagged: the threshold, the verdict and its rule. */
export interface FlagPlan {
  /** The reference rows' scores, ascending. */
  readonly referenceSorted: Float64Array;
  /** A row is flagged only when its score is above this (and its rule lets it be). */
  readonly threshold: number;
  readonly verdict: Verdict;
  readonly rule: FlagRule;
}

/**
 * The expected share of flagged rows that are only reference-like rows scoring high by chance, at most: with a
 * small gap (a few hundred LLM rows among real-like ones, AUC 0.57), the reference quantile alone flagged 22 of
 * 300 real rows in a file with 10 planted LLM rows; keeping that share to one in ten flagged only the planted rows.
 */
const FALSE_FLAG_SHARE = 0.1;

/**
 * The flag plan of a comparison from both sides' out-of-fold scores and the detector's AUC. The threshold is an
 * upper confidence bound on the reference rows' `flagQuantile`, not the sample quantile itself: on two halves
 * of one real file the plain quantile flags more than 1 - flagQuantile of rows about half the time, and on
 * 200-row files often 8-10%; the bound keeps that at or under it, and equals the quantile at large n. Where the
 * verdict flags by score, the threshold is raised to where at most {@link FALSE_FLAG_SHARE} of the rows above it
 * would be real-like rows by the reference's own rate (stats/conformalSelect.ts); with a large gap it rarely
 * moves, with a small one it keeps chance rows out.
 */
export function flagPlan(referenceScores: ArrayLike<number>, datasetScores: ArrayLike<number>, auc: number, aucLow: number, flagQuantile: number): FlagPlan {
  const referenceSorted = sortedCopy(referenceScores);
  const verdict = verdictFor(auc, aucLow, referenceScores.length, datasetScores.length);
  const rule = flagRuleFor(verdict);
  let threshold = quantileUpperBound(referenceSorted, flagQuantile);
  if (rule === 'score') {
    const cut = conformalSelectionCut(referenceSorted, datasetScores, FALSE_FLAG_SHARE);
    // Flagged means score > threshold: the highest score below the cut, or 1 (no score is above it) when none is kept.
    threshold = Math.max(threshold, cut === undefined ? 1 : below(datasetScores, cut));
  }
  return { referenceSorted, threshold, verdict, rule };
}

/** The highest of `scores` below `value`, or -Infinity. */
function below(scores: ArrayLike<number>, value: number): number {
  let best = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i] < value && scores[i] > best) best = scores[i];
  return best;
}
