/**
 * The report panel's data: one dataset of a GapReport as a PanelSnapshot, and pages of its rows. Pure: the
 * server passes its current rows (with their texts, edits included) and gets plain objects back.
 */
import { placedField } from '../dataset/schemas';
import type { DatasetRow } from '../dataset/types';
import type { PanelField, PanelPairs, PanelProbe, PanelRow, PanelSnapshot, RowsPage, RowsQuery } from '../report/panelTypes';
import type { DatasetReport, FileError, GapReport, RowReason } from '../report/types';
import { NEGLIGIBLE_EFFECT } from '../gap/effects';
import { truncate } from './format';
import { FIELD_PHRASES, fieldGaps, pairSentences, pairsTitle, schemaText } from './sentences';

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
  /** For a record read field by field: the field the flag is about (`text` is that field's), and each field's score. */
  readonly field?: string;
  readonly fieldScores?: { readonly [field: string]: number };
}

/** What snapshotRowInput reads of a row's result: a RowScore (gap/model.ts) or a report's RowResult. */
export interface SnapshotRowResult {
  readonly score: number;
  readonly percentile: number;
  readonly flagged: boolean;
  readonly reasons: readonly RowReason[];
  readonly field?: string;
  readonly turn?: number;
  readonly fieldScores?: { readonly [field: string]: number };
}

/**
 * A dataset row and its score as the panel's rows take them (the server's current rows, a bench's analysis). A
 * record read field by field shows the field its flag is about (its text, and its chat turn); a record whose
 * result names no field (not flagged) shows the whole record.
 */
export function snapshotRowInput(row: DatasetRow, result: SnapshotRowResult): SnapshotRowInput {
  const place = placedField(row, result);
  const turn = place ? place.turn : row.turn;
  return {
    line: row.line,
    ...(turn !== undefined ? { turn } : {}),
    text: place ? place.text : row.text,
    score: result.score,
    percentile: result.percentile,
    flagged: result.flagged,
    ...(row.label !== undefined ? { label: row.label } : {}),
    reasons: result.reasons,
    ...(place ? { field: place.field } : {}),
    ...(result.fieldScores ? { fieldScores: result.fieldScores } : {}),
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
    ...fieldsPart(report, dataset),
  };
}

/** The gaps a field's line lists: the biggest few, enough for the panel's line and its tooltip. */
const FIELD_GAPS = 3;

/** A file read field by field: how it was read, each field's comparison and the pair checks; nothing otherwise. */
function fieldsPart(report: GapReport, dataset: DatasetReport): Pick<PanelSnapshot, 'schema' | 'fields' | 'pairs'> {
  const schema = schemaText(report.settings);
  const fields: PanelField[] | undefined = dataset.fields?.map((field) => ({
    field: field.field,
    rows: field.rows,
    summary: {
      rows: field.summary.rows,
      referenceRows: field.summary.referenceRows,
      auc: field.summary.auc,
      aucLow: field.summary.aucLow,
      aucHigh: field.summary.aucHigh,
      verdict: field.summary.verdict,
      flagged: field.summary.flagged,
    },
    gaps: fieldGaps(field, NEGLIGIBLE_EFFECT, FIELD_GAPS).map(({ feature, name, sentence, size }) => ({ feature, name, sentence, size })),
    overSynthetic: field.phrases.overSynthetic.slice(0, FIELD_PHRASES).map(({ phrase, realCount, syntheticCount }) => ({ phrase, realCount, syntheticCount })),
  }));
  const pairs: PanelPairs | undefined = dataset.pairs && {
    request: dataset.pairs.request,
    response: dataset.pairs.response,
    title: pairsTitle(dataset.pairs),
    sentences: pairSentences(dataset.pairs),
  };
  return {
    ...(schema ? { schema: `${schema}.` } : {}),
    ...(fields && fields.length > 0 ? { fields } : {}),
    ...(pairs ? { pairs } : {}),
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
  const matching = query.flaggedOnly || query.field !== undefined ? rows.filter((row) => matches(row, query)) : rows;
  const compare = compareRows(query);
  const end = Math.min(offset + limit, matching.length);
  // Early pages of a big file: keep only the first `end` rows in a heap (n log end) instead of sorting all of them.
  const page = end <= matching.length / 8 ? firstSorted(matching, end, compare).slice(offset) : matching.slice().sort(compare).slice(offset, end);
  return { query: normalized, total: matching.length, rows: page.map(panelRow) };
}

/** The query's filters: flagged rows only, and rows whose flag is about one field. */
function matches(row: SnapshotRowInput, query: RowsQuery): boolean {
  return (!query.flaggedOnly || row.flagged) && (query.field === undefined || row.field === query.field);
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
    ...(row.field !== undefined ? { field: row.field } : {}),
    ...(row.fieldScores ? { fieldScores: { ...row.fieldScores } } : {}),
  };
}

function capErrors(errors: readonly FileError[]): FileError[] {
  return errors.slice(0, MAX_ERRORS);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
