import type { Random } from '../stats/random';
import { farthestFirst } from './spread';
import type { Uncovered } from './uncovered';

/** A label or real topic cluster and the real rows of it that no synthetic row comes close to. */
export interface Target {
  readonly kind: 'label' | 'cluster';
  /** The label; for a cluster, its real rows' most common label, when they have labels. */
  readonly label?: string;
  readonly cluster?: number;
  /** Real rows of the group that were judged (indexes into the real texts). */
  readonly members: number[];
  /** Those with no close synthetic row, least covered first. */
  readonly uncovered: number[];
  /** Uncovered rows quoted (all members when none is uncovered), farthest-first. */
  readonly examples: number[];
}

/**
 * One target per group (label or cluster id, as `groupOf` says) of the judged real rows, ranked by how many
 * real rows it would cover: most uncovered rows first, then by group name. Its examples are a seeded,
 * farthest-first spread over its uncovered rows, starting with the least covered (the lowest nearest-synthetic
 * similarity), so they show different situations rather than the same one five times.
 *
 * @example rankTargets(uncovered, texts, (row) => labels[row], 'label', 5, random)[0] // { label: 'pin_change', uncovered: [...412 rows], … }
 */
export function rankTargets(judged: Uncovered, texts: readonly string[], groupOf: (row: number) => string | undefined, kind: Target['kind'], examples: number, random: Random, labelOf?: (rows: readonly number[]) => string | undefined): Target[] {
  const groups = new Map<string, number[]>();
  judged.rows.forEach((row, p) => {
    const group = groupOf(row);
    if (group === undefined) return;
    const positions = groups.get(group);
    if (positions) positions.push(p);
    else groups.set(group, [p]);
  });
  const ranked = [...groups].map(([group, positions]) => ({ group, positions, uncovered: positions.filter((p) => judged.uncovered[p]).sort((a, b) => judged.nearest[a] - judged.nearest[b] || a - b) }));
  ranked.sort((a, b) => b.uncovered.length - a.uncovered.length || compareGroups(a.group, b.group));
  return ranked.map(({ group, positions, uncovered }) => {
    const quoted = uncovered.length > 0 ? uncovered : positions;
    const picked = farthestFirst(quoted.map((p) => judged.vectors[p]), quoted.map((p) => texts[judged.rows[p]]), examples, 0, random);
    const members = positions.map((p) => judged.rows[p]);
    const label = kind === 'label' ? group : labelOf?.(members);
    return {
      kind,
      ...(label === undefined ? {} : { label }),
      ...(kind === 'cluster' ? { cluster: Number(group) } : {}),
      members,
      uncovered: uncovered.map((p) => judged.rows[p]),
      examples: picked.map((i) => judged.rows[quoted[i]]),
    };
  });
}

/** Cluster ids in numeric order, labels in string order. */
function compareGroups(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  return Number.isInteger(x) && Number.isInteger(y) ? x - y : a.localeCompare(b);
}
