import type { CancellationToken } from '../host';
import { binomialTwoSidedP } from '../stats/binomialTest';
import { quantileSorted } from '../stats/quantile';
import { sampleIndexes, seededRandom } from '../stats/random';
import { nearestTargets } from './neighbours';
import type { SideRows } from './sideRows';

/**
 * A real row has no close synthetic row when its nearest synthetic row is farther than this quantile of how
 * near real rows come to each other: so on two random halves of one file about this share of real rows is
 * "uncovered" by chance, and the figure that matters is the share beyond it.
 */
export const UNCOVERED_QUANTILE = 0.1;
/**
 * Real rows sampled, and as many of each side searched: brute force costs twice the square, 720,000 cosines
 * (about 0.6 s on the hashed embedding's dimension, 1.8 s at 1,000 rows), and a share near 0.1 measured on 600
 * rows is good to about ±0.025 (two standard errors), a quarter of gapKind.ts COVERAGE_EXCESS.
 */
const UNCOVERED_ROWS = 600;

export interface UncoveredShare {
  /** Share of the sampled real rows whose nearest synthetic row is farther than the cut. */
  readonly share: number;
  /** The share expected by chance ({@link UNCOVERED_QUANTILE}). */
  readonly expected: number;
  /** Real rows sampled. */
  readonly rows: number;
}

/**
 * The share of real rows with no close synthetic row: real situations the synthetic data never comes near. The
 * cut is the {@link UNCOVERED_QUANTILE} of real rows' nearest-real similarity, measured among as many real rows
 * as synthetic rows are searched (nearest-neighbour similarity grows with the rows searched, so both searches
 * are the same size). Seeded; O(n² · dim) on n = min(600, half the real rows, the synthetic rows). Undefined with fewer than
 * 20 embedded rows on a side.
 *
 * @example uncoveredShare(real, synthetic, 42) // { share: 0.41, expected: 0.1, rows: 1000 } when a third of the intents is missing
 */
export function uncoveredShare(real: SideRows, synthetic: SideRows, seed: number, token?: CancellationToken): UncoveredShare | undefined {
  const realVectors = real.embedded.vectors;
  const syntheticVectors = synthetic.embedded.vectors;
  const n = Math.min(UNCOVERED_ROWS, Math.floor(realVectors.length / 2), syntheticVectors.length);
  if (n < 20) return undefined;
  const random = seededRandom(seed ^ 0x5eed);
  // Two disjoint real samples: the queries, and the real rows they are measured against for the cut.
  const realOrder = sampleIndexes(realVectors.length, 2 * n, random);
  const queries = Array.from(realOrder.subarray(0, n), (i) => realVectors[i]);
  const realTargets = Array.from(realOrder.subarray(n, 2 * n), (i) => realVectors[i]);
  const syntheticTargets = Array.from(sampleIndexes(syntheticVectors.length, n, random), (i) => syntheticVectors[i]);
  const nearestReal = nearestTargets(queries, realTargets, token).similarity;
  const cut = quantileSorted(Float64Array.from(nearestReal).sort(), UNCOVERED_QUANTILE);
  const nearestSynthetic = nearestTargets(queries, syntheticTargets, token).similarity;
  let far = 0;
  for (const similarity of nearestSynthetic) if (similarity < cut) far++;
  return { share: far / n, expected: UNCOVERED_QUANTILE, rows: n };
}

/**
 * A label is missing from the synthetic rows when they hold less than this fraction of the rows its real share
 * would give it: the rule coverage.ts uses for topics.
 */
const MISSING_LABEL_RATIO = 0.25;
/**
 * ...and when so few synthetic rows are unlikely by chance: given the label's rows on both sides, the number on
 * the synthetic side is binomial with the synthetic side's share of all rows; a two-sided exact test below this
 * level (about 1% on the low tail). Chance then marks at most about 1% of labels missing, so on random halves
 * the figure stays near 0 however few rows each label has. A rule on expected counts alone does not: labels
 * picked for having many real rows have, by chance, fewer synthetic rows than that suggests (on 500 CLINC150
 * rows a side, 150 intents, such a rule marked 18% of the rows it counted missing where every intent was there).
 */
const MISSING_LABEL_P = 0.02;

/**
 * The share of real rows whose label the synthetic rows (almost) lack: fewer than a quarter of the rows the
 * label's real share would give it, and significantly few (an exact binomial test at {@link MISSING_LABEL_P}).
 * Small labels cannot reach significance and count as present, so with few rows per label the figure is low,
 * never high. Undefined when either side has no labels. Linear in rows and labels.
 *
 * @example missingLabelShare([...Array(80).fill('a'), ...Array(20).fill('b')], Array(100).fill('a')) // 0.2
 */
export function missingLabelShare(realLabels: readonly (string | undefined)[], syntheticLabels: readonly (string | undefined)[]): number | undefined {
  const real = countLabels(realLabels);
  const synthetic = countLabels(syntheticLabels);
  if (real.total === 0 || synthetic.total === 0) return undefined;
  const syntheticShare = synthetic.total / (real.total + synthetic.total);
  let missingRows = 0;
  for (const [label, count] of real.counts) {
    const expected = (count / real.total) * synthetic.total;
    const found = synthetic.counts.get(label) ?? 0;
    if (found < MISSING_LABEL_RATIO * expected && binomialTwoSidedP(found, found + count, syntheticShare) < MISSING_LABEL_P) missingRows += count;
  }
  return missingRows / real.total;
}

function countLabels(labels: readonly (string | undefined)[]): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const label of labels) {
    if (label === undefined) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}
