import type { Random } from './random';

/**
 * A Poisson(mean) draw, exact in distribution (up to the generator's 32-bit resolution), deterministic for a
 * given `random`. Sequential inversion for small means; for means of 10 and more, Hörmann's PTRS transformed
 * rejection (1993), which needs about 1.2 uniforms per draw whatever the mean. 0 for a mean of 0 or less.
 *
 * @example poisson(1, seededRandom(1)) // 0, 1, 2, … with probabilities e⁻¹/k!
 */
export function poisson(mean: number, random: Random): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    let k = 0;
    let p = Math.exp(-mean);
    let cumulative = p;
    const u = random();
    while (u > cumulative && k < 1000) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }
  const root = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * root;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const acceptBox = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptBox) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

/** ln(k!) for a non-negative integer k: a table below 128, Stirling's series (error < 1e-12) above. */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIALS.length) return LOG_FACTORIALS[k];
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

const LOG_FACTORIALS = new Float64Array(128);
for (let k = 2; k < 128; k++) LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);
