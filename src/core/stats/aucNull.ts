import type { AucInterval } from './bootstrap';

/**
 * The standard deviation of the AUC of a scorer that knows nothing, with `positives` and `negatives` rows:
 * sqrt((n₁ + n₀ + 1) / (12 n₁ n₀)), the null variance of the Mann–Whitney U divided by n₁n₀. NaN when a class is empty.
 *
 * @example aucNullStd(200, 200) // ≈ 0.0289
 */
export function aucNullStd(positives: number, negatives: number): number {
  if (positives <= 0 || negatives <= 0) return NaN;
  return Math.sqrt((positives + negatives + 1) / (12 * positives * negatives));
}

/**
 * The interval stretched about its AUC by `factor` (values below 1 leave it as it is), clamped to [0, 1]: a
 * design effect for spread the interval's resampling does not see.
 *
 * @example widenInterval({ auc: 0.56, low: 0.51, high: 0.61 }, 1.5) // { auc: 0.56, low: 0.485, high: 0.635 }
 */
export function widenInterval(interval: AucInterval, factor: number): AucInterval {
  const f = Number.isFinite(factor) ? Math.max(1, factor) : 1;
  return {
    auc: interval.auc,
    low: Math.max(0, interval.auc - f * (interval.auc - interval.low)),
    high: Math.min(1, interval.auc + f * (interval.high - interval.auc)),
  };
}
