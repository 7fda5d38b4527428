/**
 * Which rows a saved report page carries. A page holds every row it can page through, so on a big file it
 * cannot hold them all: it keeps the flagged rows (up to a cap) and the most synthetic-looking rows, and says so.
 * The CLI (all rows in memory) and the editor (pages from the server) fetch pages through the same queries.
 */
import { formatCount, plural } from './format';
import { MAX_ROWS_PER_PAGE } from './panel';
import type { PanelRow, PanelSnapshot, RowsPage, RowsQuery, StaticDataset } from './panelTypes';

/**
 * The most synthetic-looking rows a page keeps, flagged or not: one full page of the panel's table (the cap on
 * a rows request), so a reader sees the rows just under the threshold too.
 */
export const INLINE_TOP_ROWS = MAX_ROWS_PER_PAGE;

/**
 * Flagged rows a page keeps at most. A row inlines to about 1 KB (text cut to 500 characters, its reasons), so
 * 10,000 keep a page near 10 MB, which a browser opens in a second or two; a 100K-row check that flags 5,000
 * rows keeps all of them. Past it, the most synthetic-looking flagged rows are kept.
 */
export const INLINE_FLAGGED_ROWS = 10_000;

/** One page of rows, as the caller's source answers it; null when it has none (the file is gone). */
export type FetchRows = (query: RowsQuery) => RowsPage | null | Promise<RowsPage | null>;

/** A dataset of a saved page: the flagged rows (up to the cap) and the top rows, and a note when rows are left out. */
export async function staticDataset(snapshot: PanelSnapshot, fetchRows: FetchRows): Promise<StaticDataset> {
  const byScore = { sort: 'score', descending: true } as const;
  const top = await fetchRows({ ...byScore, offset: 0, limit: INLINE_TOP_ROWS, flaggedOnly: false });
  const flagged: PanelRow[] = [];
  let flaggedTotal = 0;
  for (let offset = 0; offset < INLINE_FLAGGED_ROWS; offset += MAX_ROWS_PER_PAGE) {
    const page = await fetchRows({ ...byScore, offset, limit: Math.min(MAX_ROWS_PER_PAGE, INLINE_FLAGGED_ROWS - offset), flaggedOnly: true });
    if (!page) break;
    flaggedTotal = page.total;
    flagged.push(...page.rows);
    if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
  }
  const rows = mergeRows(flagged, top?.rows ?? []);
  const totalRows = top?.total ?? snapshot.summary.rows;
  const note = rows.length < totalRows ? rowsNote(rows.length, totalRows, flagged.length, flaggedTotal, top?.rows.length ?? 0) : undefined;
  return { snapshot, rows, totalRows, ...(note ? { rowsNote: note } : {}) };
}

/** Both lists are sorted by score, highest first; the result is too, each row once. */
function mergeRows(flagged: readonly PanelRow[], top: readonly PanelRow[]): PanelRow[] {
  const key = (row: PanelRow) => `${row.line}:${row.turn ?? ''}`;
  const seen = new Set(flagged.map(key));
  const rows = [...flagged, ...top.filter((row) => !seen.has(key(row)))];
  // Scores are finite here (the server and rowsPage sort NaN last); ties keep file order, as rowsPage does.
  return rows.sort((a, b) => b.score - a.score || a.line - b.line || (a.turn ?? 0) - (b.turn ?? 0));
}

/** `This page holds 1,812 of the 100,000 rows: every flagged row (812) and the 1,000 most synthetic-looking rows. …` */
function rowsNote(kept: number, total: number, flaggedKept: number, flaggedTotal: number, topKept: number): string {
  const flaggedPart = flaggedTotal === 0
    ? ''
    : flaggedKept >= flaggedTotal
      ? `every flagged row (${formatCount(flaggedTotal)}) and `
      : `the ${formatCount(flaggedKept)} most synthetic-looking of the ${plural(flaggedTotal, 'flagged row')} and `;
  return `This page holds ${formatCount(kept)} of the ${plural(total, 'row')}: ${flaggedPart}the ${formatCount(topKept)} most synthetic-looking rows. ` +
    'The figures above count every row; synthgap check --format json lists them all.';
}
