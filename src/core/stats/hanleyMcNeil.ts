import type { AucInterval } from './bootstrap';

/** The normal quantile of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * A 95% interval of an AUC from its value and the two sides' sizes alone (Hanley & McNeil 1982, eq. 2), for when
 * the rows are not at hand to resample: SE² = (A(1−A) + (nP−1)(Q1−A²) + (nN−1)(Q2−A²)) / (nP·nN), Q1 = A/(2−A),
 * Q2 = 2A²/(1+A); the interval is A ± 1.96·SE clipped to [0, 1]. An empty side gives [0, 1].
 *
 * @example hanleyMcNeilInterval(0.8, 100, 100) // { auc: 0.8, low: 0.739…, high: 0.860… }
 */
export function hanleyMcNeilInterval(auc: number, positives: number, negatives: number): AucInterval {
  if (positives <= 0 || negatives <= 0) return { auc, low: 0, high: 1 };
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  const se = Math.sqrt(Math.max(0, variance));
  return { auc, low: Math.max(0, auc - Z95 * se), high: Math.min(1, auc + Z95 * se) };
}
