/** z for a two-sided 95% interval: the normal quantile at 0.975. */
const Z_95 = 1.959963984540054;

export interface ShareInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval (95%) of a share of `successes` in `trials`. Unlike the normal ("Wald") interval it
 * stays inside 0..1 and does not collapse to a point at 0% or 100%, which matters for accuracies near 1.
 * No trials gives `{ low: NaN, high: NaN }`.
 *
 * @example wilsonInterval(84, 100) // { low: 0.7557…, high: 0.8990… }
 */
export function wilsonInterval(successes: number, trials: number): ShareInterval {
  if (!(trials > 0)) return { low: NaN, high: NaN };
  const p = successes / trials;
  const z2 = Z_95 * Z_95;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (Z_95 / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
