import { lowerBound } from './quantile';

/**
 * Benjamini–Hochberg selection on conformal p-values (Bates et al., "Testing for outliers with conformal
 * p-values", 2023): each score's p-value is `(1 + #reference scores ≥ it) / (n + 1)`, the chance that a row like
 * the reference rows scores at least that high; the rows kept are the `k` highest-scoring, for the largest `k`
 * whose p-value is at most `k·q/m` (m scores). Among the rows kept, the expected share that are just reference-like
 * rows scoring high by chance is at most `q`. Returns the lowest score kept, or undefined when none is.
 *
 * @example conformalSelectionCut([0.1, 0.2, 0.3], [0.9, 0.25, 0.1], 0.5) // 0.9
 */
export function conformalSelectionCut(referenceSorted: ArrayLike<number>, scores: ArrayLike<number>, q: number): number | undefined {
  const n = referenceSorted.length;
  const m = scores.length;
  if (m === 0) return undefined;
  const descending = Float64Array.from(scores).sort().reverse();
  let cut: number | undefined;
  for (let k = 1; k <= m; k++) {
    const score = descending[k - 1];
    const atLeast = n - lowerBound(referenceSorted, score);
    if ((1 + atLeast) / (n + 1) <= (k * q) / m) cut = score;
  }
  return cut;
}
