/**
 * z-score of the log-odds ratio of an event between groups A and B with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' words", eq. 16–22). Group A saw the event `countA` times out of
 * `totalA`, group B `countB` of `totalB`; the prior adds `alpha` pseudo-events out of `alpha0` pseudo-trials
 * to each group, shrinking rare events towards no difference:
 *
 *   δ = ln((yA+α)/(nA+α0−yA−α)) − ln((yB+α)/(nB+α0−yB−α)),  z = δ / √σ²,
 *   σ² = 1/(yA+α) + 1/(nA+α0−yA−α) + 1/(yB+α) + 1/(nB+α0−yB−α).
 *
 * The variance keeps the complement terms that the paper drops for rare words, because here counts are rows
 * containing a phrase, and a phrase can be in half the rows. Positive z: more frequent in A. 0 when any
 * pseudo-count is not positive (an empty group, or α = 0 with a zero count): no evidence either way.
 *
 * @example logOddsZ(10, 100, 2, 100, 12, 200) // 1.3643… (10 of 100 against 2 of 100, prior = pooled counts)
 */
export function logOddsZ(countA: number, totalA: number, countB: number, totalB: number, alpha: number, alpha0: number): number {
  const a = countA + alpha;
  const notA = totalA + alpha0 - countA - alpha;
  const b = countB + alpha;
  const notB = totalB + alpha0 - countB - alpha;
  if (!(a > 0 && notA > 0 && b > 0 && notB > 0)) return 0;
  const delta = Math.log(a / notA) - Math.log(b / notB);
  return delta / Math.sqrt(1 / a + 1 / notA + 1 / b + 1 / notB);
}

/**
 * The informative prior of {@link logOddsZ} built from the pooled data itself: α0 = weight·(nA + nB) and
 * α = α0 · (yA + yB)/(nA + nB), i.e. the pooled frequency as prior mean with `weight` times the data's own
 * size as prior strength. `{ alpha: 0, alpha0: 0 }` when both totals are 0.
 *
 * @example pooledPrior(10, 100, 2, 100) // { alpha: 12, alpha0: 200 }
 */
export function pooledPrior(countA: number, totalA: number, countB: number, totalB: number, weight = 1): { alpha: number; alpha0: number } {
  const total = totalA + totalB;
  if (total <= 0) return { alpha: 0, alpha0: 0 };
  const alpha0 = weight * total;
  return { alpha: (alpha0 * (countA + countB)) / total, alpha0 };
}
