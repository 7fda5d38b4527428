import type { Verdict } from '../report/types';

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

export function headlineFor(verdict: Verdict, auc: number): string {
  const odds = `shown one real and one synthetic row, a classifier picks the synthetic one ${Math.round(auc * 100)}% of the time`;
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
