/**
 * The report panel's data: one dataset of a GapReport as a PanelSnapshot, and pages of its rows. Pure: the
 * server passes its current rows (with their texts, edits included) and gets plain objects back.
 */
import type { DatasetRow } from '../dataset/types';
import type { PanelProbe, PanelRow, PanelSnapshot, RowsPage, RowsQuery } from './panelTypes';
import type { FileError, GapReport, RowReason } from './types';
import { NEGLIGIBLE_EFFECT } from '../gap/effects';
import { truncate } from './format';

/** A row as the server holds it: its result and its full text. */
export interface SnapshotRowInput {
  readonly line: number;
  readonly turn?: number;
  readonly text: string;
  readonly score: number;
  readonly percentile: number;
  readonly flagged: boolean;
  readonly label?: string;
  readonly reasons: readonly RowReason[];
}

/** A dataset row and its score as the panel's rows take them (the server's current rows, a bench's analysis). */
export function snapshotRowInput(row: DatasetRow, result: { readonly score: number; readonly percentile: number; readonly flagged: boolean; readonly reasons: readonly RowReason[] }): SnapshotRowInput {
  return {
    line: row.line,
    ...(row.turn !== undefined ? { turn: row.turn } : {}),
    text: row.text,
    score: result.score,
    percentile: result.percentile,
    flagged: result.flagged,
    ...(row.label !== undefined ? { label: row.label } : {}),
    reasons: result.reasons,
  };
}

export interface SnapshotInput {
  readonly uri: string;
  readonly seq: number;
  readonly rows: readonly SnapshotRowInput[];
  /** The first page's query; default {@link DEFAULT_ROWS_QUERY}. */
  readonly firstPage?: RowsQuery;
  readonly probe?: PanelProbe;
}

/** The 50 most synthetic-looking rows. */
export const DEFAULT_ROWS_QUERY: RowsQuery = { offset: 0, limit: 50, sort: 'score', descending: true, flaggedOnly: false };
export const MAX_ROWS_PER_PAGE = 1000;
export const MAX_ROW_TEXT = 500;
export const MAX_ERRORS = 50;

/**
 * The panel snapshot of `report.datasets[datasetIndex]`.
 * Throws a RangeError when there is no such dataset.
 */
export function buildPanelSnapshot(report: GapReport, datasetIndex: number, input: SnapshotInput): PanelSnapshot {
  const dataset = report.datasets[datasetIndex];
  if (dataset === undefined) throw new RangeError(`No dataset at index ${datasetIndex} (the report has ${report.datasets.length}).`);
  const { leakage } = dataset;
  const snapshot: PanelSnapshot = {
    seq: input.seq,
    uri: input.uri,
    file: dataset.file,
    referenceFiles: [...report.reference.files],
    toolVersion: report.tool.version,
    settings: report.settings,
    warnings: [...report.warnings],
    summary: dataset.summary,
    skipped: dataset.skipped,
    errors: capErrors(dataset.errors),
    referenceSkipped: report.reference.skipped,
    referenceErrors: capErrors(report.reference.errors),
    gaps: dataset.gaps,
    negligibleEffect: NEGLIGIBLE_EFFECT,
    phrases: dataset.phrases,
    diversity: dataset.diversity,
    coverage: dataset.coverage,
    byLabel: dataset.byLabel,
    leakage: { exact: leakage.exact, near: leakage.near, similarityThreshold: leakage.similarityThreshold },
    hasLabels: report.reference.rows.some((row) => row.label !== undefined) && input.rows.some((row) => row.label !== undefined),
    rows: rowsPage(input.rows, input.firstPage ?? DEFAULT_ROWS_QUERY),
  };
  return {
    ...snapshot,
    ...(report.reference.noiseProfile ? { noiseProfile: report.reference.noiseProfile } : {}),
    ...(dataset.map ? { map: dataset.map } : {}),
    ...(input.probe ? { probe: input.probe } : {}),
  };
}

/**
 * One page of rows: filtered, sorted (stable; ties by line, then turn, ascending), then sliced.
 * The limit is clamped to 1..1000 and the offset to 0 or more; an offset past the end gives an empty page.
 */
export function rowsPage(rows: readonly SnapshotRowInput[], query: RowsQuery): RowsPage {
  const limit = Math.min(MAX_ROWS_PER_PAGE, Math.max(1, Math.floor(finiteOr(query.limit, DEFAULT_ROWS_QUERY.limit))));
  const offset = Math.max(0, Math.floor(finiteOr(query.offset, 0)));
  const normalized: RowsQuery = { ...query, offset, limit };
  const matching = query.flaggedOnly ? rows.filter((row) => row.flagged) : rows;
  const compare = compareRows(query);
  const end = Math.min(offset + limit, matching.length);
  // Early pages of a big file: keep only the first `end` rows in a heap (n log end) instead of sorting all of them.
  const page = end <= matching.length / 8 ? firstSorted(matching, end, compare).slice(offset) : matching.slice().sort(compare).slice(offset, end);
  return { query: normalized, total: matching.length, rows: page.map(panelRow) };
}

type Compare = (a: SnapshotRowInput, b: SnapshotRowInput) => number;

/**
 * The first `k` rows in sorted order, as a stable sort would give them: a bounded heap whose root is the worst
 * row kept, with the input index as the last tie-break.
 */
function firstSorted(rows: readonly SnapshotRowInput[], k: number, compare: Compare): SnapshotRowInput[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  const worse = (i: number, j: number): boolean => (compare(rows[i], rows[j]) || i - j) > 0;
  const siftDown = (start: number): void => {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let top = at;
      if (left < heap.length && worse(heap[left], heap[top])) top = left;
      if (right < heap.length && worse(heap[right], heap[top])) top = right;
      if (top === at) return;
      [heap[at], heap[top]] = [heap[top], heap[at]];
      at = top;
    }
  };
  for (let i = 0; i < rows.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at], heap[parent])) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (worse(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((i, j) => compare(rows[i], rows[j]) || i - j).map((i) => rows[i]);
}

function compareRows(query: RowsQuery): Compare {
  const sign = query.descending ? -1 : 1;
  return (a, b) => {
    let primary = 0;
    if (query.sort === 'score') primary = compareNumbers(a.score, b.score);
    else if (query.sort === 'line') primary = compareNumbers(a.line, b.line) || compareNumbers(a.turn ?? 0, b.turn ?? 0);
    else primary = compareLabels(a.label, b.label);
    return sign * primary || compareNumbers(a.line, b.line) || compareNumbers(a.turn ?? 0, b.turn ?? 0);
  };
}

/** NaN sorts below every number, so a broken score never lands on the first page of a descending sort. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows without a label sort before labelled ones; labels compare by code unit, so the order is the same everywhere. */
function compareLabels(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

function panelRow(row: SnapshotRowInput): PanelRow {
  const base = {
    line: row.line,
    score: row.score,
    percentile: row.percentile,
    flagged: row.flagged,
    text: truncate(row.text, MAX_ROW_TEXT),
    reasons: row.reasons.map((reason) => ({ code: reason.code, message: reason.message })),
  };
  return {
    ...base,
    ...(row.turn !== undefined ? { turn: row.turn } : {}),
    ...(row.label !== undefined ? { label: row.label } : {}),
  };
}

function capErrors(errors: readonly FileError[]): FileError[] {
  return errors.slice(0, MAX_ERRORS);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
