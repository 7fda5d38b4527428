import { wilsonInterval } from '../stats/wilson';
import { pairedDifference, share } from './metrics';
import type { ProbeComparison } from './types';
import type { WorthRealRows } from './worth';

/**
 * A fixed synthetic file against the original, from which tested rows each one's synthetic-only model got right
 * (`fixed` and `original`, the same rows in the same order): the fixed file's accuracy with its Wilson interval,
 * and the paired difference in points (normal on the per-row differences, which only the rows where the two
 * models disagree move). The same hits give exactly 0 points, with a 0-wide interval.
 *
 * @example compareHits(Uint8Array.of(1, 1, 0), Uint8Array.of(1, 0, 0), { trained: 3, unlabelled: 0 }).difference.points // 33.3
 */
export function compareHits(fixed: Uint8Array, original: Uint8Array, rows: { trained: number; unlabelled: number; worth?: WorthRealRows }): ProbeComparison {
  const right = fixed.reduce((sum, flag) => sum + flag, 0);
  const interval = wilsonInterval(right, fixed.length);
  return {
    trained: rows.trained,
    unlabelled: rows.unlabelled,
    accuracy: share(fixed),
    accuracyLow: interval.low,
    accuracyHigh: interval.high,
    original: share(original),
    difference: pairedDifference(fixed, original),
    ...(rows.worth ? { worthRealRows: rows.worth } : {}),
  };
}
