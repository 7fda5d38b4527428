import { regularizedIncompleteBeta } from './studentT';

/**
 * Two-sided exact binomial test of `successes` out of `trials` against success probability `p`: twice the
 * smaller tail, at most 1 (the doubling convention). Tails come from the regularized incomplete beta,
 * P(S ≥ s) = I_p(s, n − s + 1), so a million trials cost no more than ten. NaN for p outside (0, 1) or counts
 * that are not 0 ≤ successes ≤ trials; 1 with no trials.
 *
 * @example binomialTwoSidedP(30, 30, 0.5) // 1.86e-9 (2 · 0.5³⁰)
 */
export function binomialTwoSidedP(successes: number, trials: number, p: number): number {
  if (!(p > 0 && p < 1) || !(successes >= 0 && successes <= trials)) return NaN;
  if (trials === 0) return 1;
  const upper = successes === 0 ? 1 : regularizedIncompleteBeta(p, successes, trials - successes + 1);
  const lower = successes === trials ? 1 : 1 - regularizedIncompleteBeta(p, successes + 1, trials - successes);
  return Math.min(1, 2 * Math.min(upper, lower));
}

/**
 * The smallest two-sided p-value {@link binomialTwoSidedP} can give with `trials` trials: every trial on the
 * less likely side. A test whose smallest p-value is above the significance level cannot reject, so it need
 * not be counted among the tests corrected for (Tarone 1990). 1 with no trials.
 *
 * @example smallestBinomialP(3, 0.5) // 0.25
 */
export function smallestBinomialP(trials: number, p: number): number {
  return Math.min(1, 2 * Math.min(p, 1 - p) ** trials);
}
