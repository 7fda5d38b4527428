import { throwIfCancelled, type CancellationToken } from '../host';
import type { DuplicateGroup } from '../report/types';
import { LshIndex } from '../stats/lsh';
import { UnionFind } from '../stats/unionFind';
import { dot } from '../stats/vector';
import type { SideRows } from './sideRows';

/**
 * The text two rows must share to count as the same text: lower-cased, punctuation dropped, white space
 * collapsed, so `Where is my package?` and `where is  my package` match. Empty for punctuation-only text.
 *
 * @example normalizeForMatch('  Where is my package?') // 'where is my package'
 */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, '').replace(SPACE, ' ').trim();
}

const PUNCTUATION = /[^\p{L}\p{N}\s]+/gu;
const SPACE = /\s+/g;

export interface DuplicateOptions {
  /** Cosine similarity at or above which two rows are near-copies. Default 0.9. */
  readonly threshold?: number;
  readonly seed?: number;
  /** Groups returned, largest first. Default 20. */
  readonly maxGroups?: number;
  /** Example texts per group (distinct texts, in file order). Default 5. */
  readonly maxExamples?: number;
  /** Lines per group. Default 20. */
  readonly maxLines?: number;
  /**
   * How similar rows join. `single` (the default): any two rows at `threshold` join, and so do their groups, right
   * for near-copies, whose cosine is high. `leader`: each row joins the first earlier row it is within `threshold`
   * of that leads a group, so a group is rows near one row; right for paraphrases, at a lower cosine where chains
   * of single links would run from one request through its intent's other requests to the whole intent.
   */
  readonly linkage?: 'single' | 'leader';
}

export interface DuplicateResult {
  /** The largest groups, at most `maxGroups`. */
  readonly groups: DuplicateGroup[];
  /** All groups of two or more rows. */
  readonly groupCount: number;
  /** Rows in a group beyond its first member. */
  readonly duplicateRows: number;
}

/**
 * Groups of rows that repeat each other: the same normalized text (over all rows, by hashing) or cosine
 * similarity ≥ `threshold` (over the embedded rows: random-hyperplane LSH proposes pairs, the cosine decides),
 * joined transitively with union-find. About linear in rows; near-copies at the threshold are found with
 * probability about 0.98, closer ones almost surely. Groups are sorted by size, then by first line.
 * No rows, no groups.
 *
 * @example nearDuplicateGroups(side).groups[0] // { size: 3, lines: [4, 9, 12], examples: ['Where is my package?', 'where is my package'] }
 */
export function nearDuplicateGroups(side: Pick<SideRows, 'texts' | 'rows' | 'embedded'>, options: DuplicateOptions = {}, token?: CancellationToken): DuplicateResult {
  const n = side.texts.length;
  const sets = new UnionFind(n);
  const representative = sameTextGroups(side.texts, sets);
  throwIfCancelled(token);
  if (options.linkage === 'leader') joinLeaders(side.embedded.rows, side.embedded.vectors, representative, sets, options, token);
  else joinSimilar(side.embedded.rows, side.embedded.vectors, representative, sets, options, token);
  const members = new Map<number, number[]>();
  for (let row = 0; row < n; row++) {
    if (sets.size(row) < 2) continue;
    const root = sets.find(row);
    const list = members.get(root);
    if (list) list.push(row);
    else members.set(root, [row]);
  }
  const all = [...members.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  let duplicateRows = 0;
  for (const group of all) duplicateRows += group.length - 1;
  const maxExamples = options.maxExamples ?? 5;
  const groups = all.slice(0, options.maxGroups ?? 20).map((rows) => ({
    size: rows.length,
    lines: rows.slice(0, options.maxLines ?? 20).map((row) => side.rows[row].line),
    examples: [...new Set(rows.map((row) => side.texts[row]).slice(0, 10 * maxExamples))].slice(0, maxExamples),
  }));
  return { groups, groupCount: all.length, duplicateRows };
}

/** Joins rows with the same non-empty normalized text; marks the first row of each text as its representative. */
function sameTextGroups(texts: readonly string[], sets: UnionFind): Uint8Array {
  const representative = new Uint8Array(texts.length).fill(1);
  const first = new Map<string, number>();
  texts.forEach((text, row) => {
    const key = normalizeForMatch(text);
    if (key === '') return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else {
      sets.union(seen, row);
      representative[row] = 0;
    }
  });
  return representative;
}

/**
 * The embedded rows that represent their text (one per distinct text) and an LSH index over their vectors at the
 * grouping cosine; undefined with fewer than two such rows (nothing to group).
 */
function indexRepresentatives(rows: ArrayLike<number>, vectors: readonly Float32Array[], representative: Uint8Array, options: DuplicateOptions): { kept: number[]; keptVectors: Float32Array[]; index: LshIndex; threshold: number } | undefined {
  const kept: number[] = [];
  for (let i = 0; i < vectors.length; i++) if (representative[rows[i]]) kept.push(i);
  if (kept.length < 2) return undefined;
  const threshold = options.threshold ?? 0.9;
  const keptVectors = kept.map((i) => vectors[i]);
  return { kept, keptVectors, index: new LshIndex(keptVectors, keptVectors[0].length, { seed: options.seed, threshold }), threshold };
}

/**
 * Leader clustering over the embedded rows, in file order: a row not yet in a group leads one, and takes every
 * later row not yet in a group whose cosine to it is at least the threshold (LSH proposes, the cosine decides).
 * A row with the same text as a grouped row comes along through the same-text union.
 */
function joinLeaders(rows: ArrayLike<number>, vectors: readonly Float32Array[], representative: Uint8Array, sets: UnionFind, options: DuplicateOptions, token?: CancellationToken): void {
  const indexed = indexRepresentatives(rows, vectors, representative, options);
  if (!indexed) return;
  const { kept, keptVectors, index, threshold } = indexed;
  const grouped = new Uint8Array(kept.length);
  for (let leader = 0; leader < kept.length; leader++) {
    if ((leader & 1023) === 1023) throwIfCancelled(token);
    if (grouped[leader]) continue;
    grouped[leader] = 1;
    const vector = keptVectors[leader];
    index.candidates(vector, (member) => {
      if (grouped[member] || dot(vector, keptVectors[member]) < threshold) return;
      grouped[member] = 1;
      sets.union(rows[kept[leader]], rows[kept[member]]);
    });
  }
}

/** Buckets this large are compared against at most this many leaders each, not pair by pair. */
const ALL_PAIRS_LIMIT = 200;

function joinSimilar(rows: ArrayLike<number>, vectors: readonly Float32Array[], representative: Uint8Array, sets: UnionFind, options: DuplicateOptions, token?: CancellationToken): void {
  const indexed = indexRepresentatives(rows, vectors, representative, options);
  if (!indexed) return;
  const { kept, keptVectors, index, threshold } = indexed;
  throwIfCancelled(token);
  const rowOf = (member: number): number => rows[kept[member]];
  let buckets = 0;
  index.buckets((members) => {
    if ((++buckets & 1023) === 0) throwIfCancelled(token);
    if (members.length <= ALL_PAIRS_LIMIT) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const ra = rowOf(members[a]);
          const rb = rowOf(members[b]);
          if (sets.find(ra) !== sets.find(rb) && dot(keptVectors[members[a]], keptVectors[members[b]]) >= threshold) sets.union(ra, rb);
        }
      }
      return;
    }
    // A huge bucket: join each member to the first leader it is close to, else make it a leader (bounded).
    const leaders: number[] = [];
    for (const m of members) {
      const leader = leaders.find((l) => dot(keptVectors[l], keptVectors[m]) >= threshold);
      if (leader !== undefined) sets.union(rowOf(leader), rowOf(m));
      else if (leaders.length < ALL_PAIRS_LIMIT) leaders.push(m);
    }
  });
}
