import { nearDuplicateGroups } from '../gap/duplicates';
import { leakageReport } from '../gap/leakage';
import type { SideRows } from '../gap/sideRows';
import { throwIfCancelled, type CancellationToken } from '../host';

export type DropReason = 'leaked' | 'near-duplicate' | 'synthetic-looking';

/** The reasons in the order they are applied: a row dropped for one is not counted again for a later one. */
export const DROP_REASONS: readonly DropReason[] = ['leaked', 'near-duplicate', 'synthetic-looking'];

export interface SelectOptions {
  /** Drop rows that copy a real row, exactly or nearly (see leakageReport). Default true. */
  readonly dropLeaked?: boolean;
  /** Cut near-duplicate groups (see nearDuplicateGroups) down to `keepPerGroup` rows. Default true. */
  readonly dropDuplicates?: boolean;
  /** Rows kept per near-duplicate group, the least synthetic-looking first. Default 1. */
  readonly keepPerGroup?: number;
  /** Share of rows, 0..1, with the highest detector scores to drop. Default 0. */
  readonly dropTop?: number;
  /** Cosine at or above which two synthetic rows are near-duplicates. Default 0.9, as in `check`. */
  readonly duplicateThreshold?: number;
  /** Cosine at or above which a synthetic row copies a real row. Default 0.95, as in `check`. */
  readonly leakThreshold?: number;
  readonly seed?: number;
  readonly token?: CancellationToken;
}

/** What a dropped row is like: the real row it copies, or the kept row of its near-duplicate group. */
export interface DropCause {
  readonly line: number;
  /** The kept row of the group (an index into the synthetic rows), for a near-duplicate. */
  readonly row?: number;
  /** The reference file, for a leaked row. */
  readonly file?: string;
  readonly similarity?: number;
  readonly exact?: boolean;
}

export interface DroppedRow {
  /** Index into the synthetic side's rows. */
  readonly row: number;
  readonly line: number;
  readonly reason: DropReason;
  readonly score?: number;
  readonly like?: DropCause;
}

export interface Selection {
  /** 1 for each synthetic row kept, 0 for each dropped. */
  readonly keep: Uint8Array;
  /** In row order. */
  readonly dropped: DroppedRow[];
  readonly counts: Record<DropReason, number>;
  /** Near-duplicate groups of two or more rows found (0 when duplicates are not dropped). */
  readonly groups: number;
  /** The lowest score in the top `dropTop` share (rows at or above it were dropped); absent without `dropTop`. */
  readonly scoreCutoff?: number;
}

/**
 * Which synthetic rows to keep. In order, each rule looking only at rows still kept: rows copying a real row
 * are dropped; each near-duplicate group keeps its `keepPerGroup` least synthetic-looking rows (lowest
 * `scores`; the first in file order without scores or on ties); then the rows whose score ranks in the top
 * `dropTop` share of all synthetic rows are dropped (ties by file order). `synthetic.embedded` should cover
 * every row, or near copies among the rows left out are missed (exact copies are found over all texts).
 * The synthetic side's `rows[i].line` is only used for the report. No rows, nothing dropped.
 *
 * @example selectRows({ real, synthetic, scores }, { dropTop: 0.1 }).counts // { leaked: 3, 'near-duplicate': 120, 'synthetic-looking': 280 }
 */
export function selectRows(input: { real: SideRows; synthetic: SideRows; scores?: ArrayLike<number> }, options: SelectOptions = {}): Selection {
  const { real, synthetic, scores } = input;
  const n = synthetic.texts.length;
  if (scores && scores.length !== n) throw new RangeError(`scores has ${scores.length} values for ${n} rows`);
  const keep = new Uint8Array(n).fill(1);
  const dropped: DroppedRow[] = [];
  const drop = (row: number, reason: DropReason, like?: DropCause): void => {
    keep[row] = 0;
    dropped.push({ row, line: synthetic.rows[row].line, reason, ...(scores ? { score: scores[row] } : {}), ...(like ? { like } : {}) });
  };
  // The comparison functions report rows by line: giving them row indexes as lines maps their answers back to rows.
  const indexed: SideRows = { texts: synthetic.texts, rows: synthetic.texts.map((_, i) => ({ line: i })), embedded: synthetic.embedded };
  const seed = options.seed;

  if (options.dropLeaked ?? true) {
    const leaks = leakageReport(real, indexed, { threshold: options.leakThreshold, seed, maxRows: Infinity }, options.token);
    for (const leak of [...leaks.rows].sort((a, b) => a.line - b.line)) {
      drop(leak.line, 'leaked', { line: leak.referenceLine, file: leak.referenceFile, similarity: leak.similarity, exact: leak.exact });
    }
  }
  throwIfCancelled(options.token);

  let groups = 0;
  if (options.dropDuplicates ?? true) {
    const keepPerGroup = Math.max(1, Math.floor(options.keepPerGroup ?? 1));
    const found = nearDuplicateGroups(indexed, { threshold: options.duplicateThreshold, seed, maxGroups: Infinity, maxLines: Infinity, maxExamples: 0 }, options.token);
    groups = found.groupCount;
    for (const group of found.groups) {
      const members = group.lines.filter((row) => keep[row] === 1);
      if (scores) members.sort((a, b) => scores[a] - scores[b] || a - b);
      const first = members[0];
      for (const row of members.slice(keepPerGroup)) drop(row, 'near-duplicate', { row: first, line: synthetic.rows[first].line });
    }
  }

  let scoreCutoff: number | undefined;
  const share = options.dropTop ?? 0;
  if (share > 0 && scores && n > 0) {
    const ranked = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
    const count = Math.min(n, Math.round(share * n));
    if (count > 0) scoreCutoff = scores[ranked[count - 1]];
    for (const row of ranked.slice(0, count)) if (keep[row] === 1) drop(row, 'synthetic-looking');
  }

  dropped.sort((a, b) => a.row - b.row);
  const counts: Record<DropReason, number> = { leaked: 0, 'near-duplicate': 0, 'synthetic-looking': 0 };
  for (const d of dropped) counts[d.reason]++;
  return { keep, dropped, counts, groups, ...(scoreCutoff === undefined ? {} : { scoreCutoff }) };
}
