/**
 * Messages between the server's main thread and its rows worker, typed once. The rows worker owns each analyzed
 * file's parsed rows, its scoring model and the scores of edited rows; the main thread holds positions and
 * scores only (a {@link FileView}) and asks for more (a row's nearest real row, a page of rows with their text,
 * roughened text) when a request needs it.
 */
import type {
  DatasetFormat,
  ReadOptions,
  RoughenChange,
  RowError,
  RowReason,
  RowsPage,
  RowsQuery,
  TextRange,
} from '../core';
import type { AnalysisOutput } from './workerProtocol';

/** A row's place in the file and its score: what diagnostics, the CodeLens and code actions need. */
export interface RowView {
  /** 1-based line on which the row's record starts. */
  readonly line: number;
  readonly turn?: number;
  /** For a record read field by field: the field the flag is about (underlined); none when an edit was scored whole. */
  readonly field?: string;
  /** For a record read field by field: what its one score is about, a chat's whole conversation or a whole record. */
  readonly record?: 'conversation' | 'record';
  readonly textRange: TextRange;
  readonly score: number;
  /** Share of reference rows with a lower score, 0..1. */
  readonly percentile: number;
  readonly flagged: boolean;
  readonly reasons: readonly RowReason[];
  /** Content hash of the row's text (stats/hash textHash): what synthgap.json's `ignore` lists. */
  readonly hash: string;
  /** The row's label, when the file has labels (a fix that cannot change the row offers that label's prompt). */
  readonly label?: string;
}

/** One file as the main thread holds it after an analysis or an edit: positions, scores and counts. */
export interface FileView {
  readonly format: DatasetFormat;
  /** Lines that could not be read (or were read with a warning). */
  readonly errors: readonly RowError[];
  readonly rows: number;
  readonly flaggedCount: number;
  /** The flagged rows, most synthetic-looking first. */
  readonly flagged: readonly RowView[];
  /** Rows whose text the analysis never saw (scored by the model since). */
  readonly changedRows: number;
  /** Whether the rows differ from the analyzed ones (text, order or number): a save then analyzes again. */
  readonly edited: boolean;
  /** Whether so much changed that the detector should learn again now. */
  readonly stale: boolean;
  /** The model's flag threshold, when there is a model. */
  readonly flagThreshold?: number;
  /** Scores above this are shown as warnings (synthgap.warningQuantile of the reference scores). */
  readonly warnAbove: number;
}

/** A row on a line, for the hover and the ignore command: its view, its text and (when asked) its nearest real row. */
export interface RowDetail extends RowView {
  readonly text: string;
  readonly nearest?: { readonly file: string; readonly line: number; readonly text: string; readonly similarity: number };
}

/** A row roughened: its new text (plain, not yet encoded for the file's format) and what changed. */
export interface RoughenedRow {
  readonly line: number;
  readonly turn?: number;
  readonly textRange: TextRange;
  readonly text: string;
  readonly changes: readonly RoughenChange[];
}

export type RowsRequest =
  /** Takes a file's analysis (replacing an older one); `text` is the editor's text it was analyzed on. */
  | { readonly type: 'load'; readonly uri: string; readonly output: AnalysisOutput; readonly text?: string; readonly ignore: readonly string[]; readonly warningQuantile: number }
  /**
   * The file's text now: only rows whose text changed are scored (JSONL: only the changed lines are parsed). The
   * ignore list is not sent with it: it is the worker's state, set by `load` and `ignore` only, so an update
   * that resolved older options cannot bring back an ignored row.
   */
  | { readonly type: 'update'; readonly uri: string; readonly text: string; readonly readOptions: ReadOptions; readonly warningQuantile: number }
  /** The ignore list changed: the rows are flagged again under it. */
  | { readonly type: 'ignore'; readonly uri: string; readonly ignore: readonly string[]; readonly warningQuantile: number }
  /** The rows on a line, with their text; `nearest` also finds each one's nearest real row (the hover's). */
  | { readonly type: 'rowsAt'; readonly uri: string; readonly line: number; readonly nearest: boolean }
  | { readonly type: 'page'; readonly uri: string; readonly query: RowsQuery }
  /** Roughens the given rows, or every flagged row; only rows roughening changes are returned. */
  | { readonly type: 'roughen'; readonly uri: string; readonly rows: readonly { readonly line: number; readonly turn?: number }[] | 'flagged'; readonly seed: number }
  | { readonly type: 'drop'; readonly uri: string };

/** What each request answers. */
export interface RowsResults {
  readonly load: FileView | null;
  readonly update: FileView | null;
  readonly ignore: FileView | null;
  readonly rowsAt: readonly RowDetail[];
  readonly page: { readonly page: RowsPage; readonly hasLabels: boolean } | null;
  readonly roughen: readonly RoughenedRow[];
  readonly drop: null;
}

export type RowsMessage = { readonly id: number } & RowsRequest;

export type RowsReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };
