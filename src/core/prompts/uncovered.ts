import { closeSimilarity, FAR_QUANTILE } from '../gap/coverage';
import { nearestTargets } from '../gap/neighbours';
import type { EmbeddedSample } from '../gap/sideRows';
import { throwIfCancelled, type CancellationToken } from '../host';
import { sampleIndexes, type Random } from '../stats/random';

export interface UncoveredOptions {
  /** See closeSimilarity. Default FAR_QUANTILE (5%). */
  readonly quantile?: number;
  /** Vector pairs compared within groups, at most; the sample per side shrinks to fit. Default 3 million. */
  readonly pairBudget?: number;
  readonly token?: CancellationToken;
}

export interface Uncovered {
  /** The cosine a synthetic row must reach to be close (closeSimilarity on the real sample). */
  readonly threshold: number;
  readonly quantile: number;
  /**
   * Rows per side compared: the threshold's real sample and the synthetic rows every real row is compared with
   * are this size, so nearest-row similarities are comparable.
   */
  readonly sampleRows: number;
  /** The real rows judged (indexes into the real texts) and the cosine to the nearest synthetic row of the same group (-Infinity with none). */
  readonly rows: number[];
  readonly nearest: Float32Array;
  /** Whether each judged row has no close synthetic row. */
  readonly uncovered: boolean[];
  /** The embedded vector of each judged row. */
  readonly vectors: Float32Array[];
}

/**
 * About 3 s of brute-force cosines on 256 dimensions (measured on CLINC150, where 10 million took 11 s on a
 * busy machine): 1,732 rows a side without labels; every row of 150 balanced labels up to 21,000 rows a side.
 */
const PAIR_BUDGET = 3_000_000;

/**
 * Which real rows no synthetic row comes close to, in coverage's sense (closeSimilarity): both sides are
 * sampled to the same size S, and a real row is uncovered when its nearest synthetic row of the same group is
 * less similar than the `quantile` of the real rows' own nearest-real-row similarities (same group, same
 * sample). `groupOf` gives a row's group: its label when both sides have labels (a synthetic row of another
 * label teaches the wrong answer, so it covers nothing), or one group for all. S is every embedded row, or
 * less so that the pairs compared (S² × Σ group share², per side) stay within `pairBudget`. Seeded by `random`.
 *
 * @example uncoveredRows(real, synthetic, (side, row) => labels[side][row], random).uncovered.filter(Boolean).length // 412
 */
export function uncoveredRows(
  real: EmbeddedSample,
  synthetic: EmbeddedSample,
  groupOf: (side: 'real' | 'synthetic', row: number) => string | undefined,
  random: Random,
  options: UncoveredOptions = {},
): Uncovered {
  const quantile = options.quantile ?? FAR_QUANTILE;
  const realGroups = groupIndexes(real, (row) => groupOf('real', row));
  const sumSquares = [...realGroups.values()].reduce((sum, members) => sum + (members.length / Math.max(1, real.vectors.length)) ** 2, 0);
  const budgetRows = Math.floor(Math.sqrt((options.pairBudget ?? PAIR_BUDGET) / Math.max(sumSquares, 1e-9)));
  const size = Math.min(real.vectors.length, synthetic.vectors.length, budgetRows);
  const realPicked = Array.from(sampleIndexes(real.vectors.length, size, random)).sort((a, b) => a - b);
  const syntheticPicked = Array.from(sampleIndexes(synthetic.vectors.length, size, random));
  const realByGroup = groupOfPicked(realPicked, (i) => groupOf('real', real.rows[i] as number));
  const syntheticByGroup = groupOfPicked(syntheticPicked, (i) => groupOf('synthetic', synthetic.rows[i] as number));
  const threshold = closeSimilarity([...realByGroup.values()].map((members) => members.map((i) => real.vectors[i])), quantile, options.token);

  // Every real row is judged when the budget allows (rows outside the threshold's sample are still compared
  // with the same S synthetic rows), else the sample is.
  const judgeAll = real.vectors.length * size * Math.max(sumSquares, 1e-9) <= (options.pairBudget ?? PAIR_BUDGET);
  const judgedByGroup = judgeAll ? groupIndexes(real, (row) => groupOf('real', row)) : realByGroup;
  const nearest = new Map<number, number>();
  for (const [group, members] of judgedByGroup) {
    throwIfCancelled(options.token);
    const targets = (syntheticByGroup.get(group) ?? []).map((i) => synthetic.vectors[i]);
    const { similarity } = nearestTargets(members.map((i) => real.vectors[i]), targets, options.token);
    members.forEach((i, k) => nearest.set(i, similarity[k]));
  }
  const judged = [...nearest.keys()].sort((a, b) => a - b);
  const similarities = Float32Array.from(judged, (i) => nearest.get(i) as number);
  return {
    threshold,
    quantile,
    sampleRows: size,
    rows: judged.map((i) => real.rows[i] as number),
    nearest: similarities,
    // Without a threshold (fewer than two real rows in any group) nothing can be called uncovered.
    uncovered: Array.from(similarities, (s) => Number.isFinite(threshold) && s < threshold),
    vectors: judged.map((i) => real.vectors[i]),
  };
}

/** Vector positions of a sample per group; rows without a group are left out. */
function groupIndexes(sample: EmbeddedSample, groupOfRow: (row: number) => string | undefined): Map<string, number[]> {
  return groupOfPicked(Array.from(sample.vectors, (_, i) => i), (i) => groupOfRow(sample.rows[i] as number));
}

function groupOfPicked(picked: readonly number[], groupOf: (i: number) => string | undefined): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of picked) {
    const group = groupOf(i);
    if (group === undefined) continue;
    const members = groups.get(group);
    if (members) members.push(i);
    else groups.set(group, [i]);
  }
  return groups;
}
