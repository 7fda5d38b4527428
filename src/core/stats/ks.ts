/**
 * Two-sample Kolmogorov–Smirnov distance: the largest gap between the two empirical CDFs, in [0, 1].
 * Both inputs must be sorted ascending (one merge pass, O(n + m)); ties are stepped over together, so equal
 * samples give 0. 0 when either side is empty (there is no second curve to differ from).
 *
 * @example ksDistance([1, 2, 3, 4], [3, 4, 5, 6]) // 0.5
 */
export function ksDistance(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): number {
  const n = sortedA.length;
  const m = sortedB.length;
  if (n === 0 || m === 0) return 0;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const v = Math.min(sortedA[i], sortedB[j]);
    while (i < n && sortedA[i] === v) i++;
    while (j < m && sortedB[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

/**
 * Survival function of the Kolmogorov distribution, Q(λ) = 2 Σ_{j≥1} (-1)^{j-1} e^{-2j²λ²}, the limit of
 * P(√n·D > λ). 1 for λ ≤ 0 (and below 0.2, where the series is useless and Q is 1 to 8 digits).
 *
 * @example kolmogorovSurvival(1.3581) // 0.0500 (the published 5% critical value)
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0.2)) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = sign * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-16 * Math.abs(sum)) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Asymptotic p-value of a two-sample KS distance `d` between samples of sizes n and m, with Stephens'
 * small-sample correction λ = (√ne + 0.12 + 0.11/√ne)·d, ne = nm/(n+m) (as in Numerical Recipes' `probks`).
 * Good for ne ≥ 4; conservative-ish below. 1 when either size is 0.
 *
 * @example ksPValue(0.1, 500, 500) // 0.0124…
 */
export function ksPValue(d: number, n: number, m: number): number {
  if (n <= 0 || m <= 0) return 1;
  const en = Math.sqrt((n * m) / (n + m));
  return kolmogorovSurvival((en + 0.12 + 0.11 / en) * d);
}
