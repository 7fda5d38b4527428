/**
 * Which rows a saved report page carries. A page holds every row it can page through, so on a big file it
 * cannot hold them all: it keeps the flagged rows (up to a cap) and the most synthetic-looking rows, and says so.
 * The CLI (all rows in memory) and the editor (pages from the server) fetch pages through the same queries.
 */
import { formatCount, plural } from './format';
import { MAX_ROWS_PER_PAGE, rowsPage } from './panel';
import type { PanelRow, PanelSnapshot, RowsPage, RowsQuery, StaticDataset } from '../report/panelTypes';

/**
 * Rows that are not flagged a page keeps, the most synthetic-looking first: one full page of the panel's table
 * (the cap on a rows request), so a reader also sees the rows just under the threshold.
 */
export const INLINE_UNFLAGGED_ROWS = MAX_ROWS_PER_PAGE;

/**
 * Flagged rows a page keeps at most. A row inlines to about 1 KB (text cut to 500 characters, its reasons), so
 * 10,000 keep a page near 10 MB, which a browser opens in a second or two; a 100K-row check that flags 5,000
 * rows keeps all of them. Past it, the most synthetic-looking flagged rows are kept.
 */
export const INLINE_FLAGGED_ROWS = 10_000;

/** One page of rows, as the caller's source answers it; null when it has none (the file is gone). */
export type FetchRows = (query: RowsQuery) => RowsPage | null | Promise<RowsPage | null>;

/**
 * A dataset of a saved page: the flagged rows (up to the cap) and the most synthetic-looking rows that are not
 * flagged, most synthetic-looking first, and a note when rows are left out. The caller's source sorts and pages
 * (the server's rows, or rowsPage over the CLI's rows), so both writers keep the same rows.
 */
export async function staticDataset(snapshot: PanelSnapshot, fetchRows: FetchRows): Promise<StaticDataset> {
  const pages = async function* (flaggedOnly: boolean, maxRows: number): AsyncGenerator<RowsPage> {
    for (let offset = 0; offset < maxRows; offset += MAX_ROWS_PER_PAGE) {
      const page = await fetchRows({ offset, limit: Math.min(MAX_ROWS_PER_PAGE, maxRows - offset), sort: 'score', descending: true, flaggedOnly });
      if (!page) return;
      yield page;
      if (offset + page.rows.length >= page.total || page.rows.length === 0) return;
    }
  };
  const flagged: PanelRow[] = [];
  let flaggedTotal = 0;
  for await (const page of pages(true, INLINE_FLAGGED_ROWS)) {
    flaggedTotal = page.total;
    flagged.push(...page.rows);
  }
  // The rows not flagged sit mostly just below the flagged ones; looking past the flagged cap and one page more
  // bounds the work on a file where nearly every row is flagged (a page there may keep none).
  const unflagged: PanelRow[] = [];
  let total = snapshot.summary.rows;
  for await (const page of pages(false, INLINE_FLAGGED_ROWS + INLINE_UNFLAGGED_ROWS)) {
    total = page.total;
    unflagged.push(...page.rows.filter((row) => !row.flagged).slice(0, INLINE_UNFLAGGED_ROWS - unflagged.length));
    if (unflagged.length >= INLINE_UNFLAGGED_ROWS) break;
  }
  const rows = [...flagged, ...unflagged].sort(byScore);
  if (rows.length >= total) return { snapshot, rows, totalRows: total };
  // The first page the page opens on counts the rows it holds, as every later page does (the static host pages
  // these rows), not the file's: "Rows 1–50 of 10,000" under the note that says 10,000 of 102,000 are kept.
  const firstPage = rowsPage(rows, snapshot.rows.query);
  const rowsNoteText = rowsNote(rows.length, total, flagged.length, flaggedTotal, unflagged.length);
  return { snapshot: { ...snapshot, rows: firstPage }, rows, totalRows: total, rowsNote: rowsNoteText };
}

/** Highest score first; ties keep file order, as rowsPage does (scores here are finite: rowsPage sorts NaN last). */
function byScore(a: PanelRow, b: PanelRow): number {
  return b.score - a.score || a.line - b.line || (a.turn ?? 0) - (b.turn ?? 0);
}

/** `This page holds 1,812 of the 100,000 rows: every flagged row (812) and the 1,000 most synthetic-looking rows that are not flagged. …` */
function rowsNote(kept: number, total: number, flaggedKept: number, flaggedTotal: number, unflaggedKept: number): string {
  const parts: string[] = [];
  if (flaggedTotal > 0) {
    parts.push(flaggedKept >= flaggedTotal ? `every flagged row (${formatCount(flaggedTotal)})` : `the ${formatCount(flaggedKept)} most synthetic-looking of the ${plural(flaggedTotal, 'flagged row')}`);
  }
  if (unflaggedKept > 0) {
    parts.push(`the ${formatCount(unflaggedKept)} most synthetic-looking rows ${flaggedTotal > 0 ? 'that are not flagged' : '(none is flagged)'}`);
  }
  return `This page holds ${formatCount(kept)} of the ${plural(total, 'row')}: ${parts.join(' and ')}. ` +
    'The figures above count every row; synthgap check --format json lists them all.';
}
