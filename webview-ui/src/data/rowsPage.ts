/**
 * Sorting and paging rows in the panel, for saved reports (no server to ask). It follows the server's
 * rowsPage() in src/core/exporters/panel.ts rule for rule; a unit test checks the two agree.
 */
import type { PanelRow, RowsPage, RowsQuery } from '../../../src/shared/panel';

export const MAX_ROWS_PER_PAGE = 1000;

export const DEFAULT_ROWS_QUERY: RowsQuery = { offset: 0, limit: 50, sort: 'score', descending: true, flaggedOnly: false };

/** One page of `rows`: filtered, sorted (stable; ties by line, then turn), then sliced. Never changes `rows`. */
export function pageRows(rows: readonly PanelRow[], query: RowsQuery): RowsPage {
  const limit = Math.min(MAX_ROWS_PER_PAGE, Math.max(1, Math.floor(Number.isFinite(query.limit) ? query.limit : DEFAULT_ROWS_QUERY.limit)));
  const offset = Math.max(0, Math.floor(Number.isFinite(query.offset) ? query.offset : 0));
  const matching = rows.filter((row) => (!query.flaggedOnly || row.flagged) && (query.field === undefined || row.field === query.field));
  const sign = query.descending ? -1 : 1;
  matching.sort((a, b) => sign * primary(query, a, b) || compareNumbers(a.line, b.line) || compareNumbers(a.turn ?? 0, b.turn ?? 0));
  return { query: { ...query, offset, limit }, total: matching.length, rows: matching.slice(offset, offset + limit) };
}

function primary(query: RowsQuery, a: PanelRow, b: PanelRow): number {
  if (query.sort === 'score') return compareNumbers(a.score, b.score);
  if (query.sort === 'line') return compareNumbers(a.line, b.line) || compareNumbers(a.turn ?? 0, b.turn ?? 0);
  if (a.label === b.label) return 0;
  if (a.label === undefined) return -1;
  if (b.label === undefined) return 1;
  return a.label < b.label ? -1 : 1;
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two queries ask for the same page. */
export function sameQuery(a: RowsQuery, b: RowsQuery): boolean {
  return a.offset === b.offset && a.limit === b.limit && a.sort === b.sort && a.descending === b.descending && a.flaggedOnly === b.flaggedOnly && a.field === b.field;
}

/** The query with its field filter set to `field`, or taken off (undefined), from the first page. */
export function withField(query: RowsQuery, field: string | undefined): RowsQuery {
  const rest: { -readonly [K in keyof RowsQuery]: RowsQuery[K] } = { ...query, offset: 0 };
  delete rest.field;
  return field === undefined ? rest : { ...rest, field };
}
