/**
 * The gap report panel's data and messages, typed once: what the server sends the extension for the panel
 * (snapshots, pages of rows, probe results), and every message between the extension and the webview.
 * The panel always receives full snapshots with a sequence number, never deltas, and rows only a page at a time.
 */
import type {
  CoverageReport,
  DatasetSummary,
  DiversityReport,
  FeatureGap,
  FileError,
  LabelReport,
  MapReport,
  NoiseProfileSummary,
  PhraseReport,
  ProjectionMethod,
  ReportSettings,
  RowReason,
} from '../core/report/types';

export type { MapPoint, MapRegion, MapReport, ProjectionMethod } from '../core/report/types';

/** A row of the dataset as the panel's table shows it. */
export interface PanelRow {
  /** 1-based line in the dataset file, and the chat turn for chat files. */
  readonly line: number;
  readonly turn?: number;
  readonly score: number;
  /** Share of reference rows with a lower score, 0..1. */
  readonly percentile: number;
  readonly flagged: boolean;
  readonly label?: string;
  /** The row's text, cut to at most 500 characters (with an ellipsis). Always inserted as text, never as HTML. */
  readonly text: string;
  readonly reasons: RowReason[];
}

export type RowSortKey = 'score' | 'line' | 'label';

export interface RowsQuery {
  /** 0-based index of the first row of the page, in the sorted order. */
  readonly offset: number;
  /** Rows per page; the server caps it at 1,000. */
  readonly limit: number;
  readonly sort: RowSortKey;
  readonly descending: boolean;
  readonly flaggedOnly: boolean;
}

export interface RowsPage {
  readonly query: RowsQuery;
  /** Rows that match the query's filter, over all pages. */
  readonly total: number;
  readonly rows: PanelRow[];
}

/** The probe's accuracies on held-out real rows, where the rows have labels. */
export interface PanelProbe {
  readonly state: 'done' | 'unavailable' | 'failed';
  /** Why it is unavailable or failed, in words. */
  readonly message?: string;
  readonly realOnly?: number;
  readonly syntheticOnly?: number;
  readonly blend?: number;
  /** Held-out real rows the accuracies rest on. */
  readonly testRows?: number;
  readonly labels?: number;
}

/** Everything the panel shows except the rows beyond the first page. */
export interface PanelSnapshot {
  /** Grows with every analysis of the file (and every edit re-score); the panel drops older snapshots. */
  readonly seq: number;
  readonly uri: string;
  /** The dataset file as shown (workspace-relative). */
  readonly file: string;
  readonly referenceFiles: string[];
  readonly toolVersion: string;
  readonly settings: ReportSettings;
  readonly warnings: string[];
  readonly summary: DatasetSummary;
  /** Lines skipped for bad input in the dataset, with the first errors (at most 50). */
  readonly skipped: number;
  readonly errors: FileError[];
  readonly referenceSkipped: number;
  readonly referenceErrors: FileError[];
  readonly gaps: FeatureGap[];
  readonly phrases: PhraseReport;
  readonly diversity: DiversityReport;
  readonly coverage: CoverageReport;
  readonly byLabel: LabelReport;
  readonly leakage: { readonly exact: number; readonly near: number; readonly similarityThreshold: number };
  readonly noiseProfile?: NoiseProfileSummary;
  readonly map?: MapReport;
  /** Whether the rows carry labels on both sides (the probe needs them). */
  readonly hasLabels: boolean;
  /** The first page of rows: most synthetic-looking first. */
  readonly rows: RowsPage;
  readonly probe?: PanelProbe;
}

// ---- Client → server requests for the panel (method names live here only) ----

/** Client → server: the panel snapshot for a dataset file; `snapshot` is null with a `reason` when there is none. */
export const PANEL_SNAPSHOT_REQUEST = 'synthgap/panelSnapshot';
export interface PanelSnapshotParams {
  readonly uri: string;
  /** The first page's query; default the 50 most synthetic-looking rows. */
  readonly rows?: RowsQuery;
}
export interface PanelSnapshotResult {
  readonly snapshot: PanelSnapshot | null;
  readonly reason?: string;
}

/** Client → server: one page of a dataset's rows, as they are now (edits included). Null when not analyzed. */
export const PANEL_ROWS_REQUEST = 'synthgap/panelRows';
export interface PanelRowsParams {
  readonly uri: string;
  readonly query: RowsQuery;
}

/** Client → server: the report as Markdown, for "Copy as Markdown". */
export const PANEL_MARKDOWN_REQUEST = 'synthgap/panelMarkdown';
export interface PanelMarkdownParams {
  readonly uri: string;
}
export interface PanelMarkdownResult {
  readonly markdown: string | null;
}

/** Client → server: run the probe for a dataset file against the reference (seconds on big files). */
export const PANEL_PROBE_REQUEST = 'synthgap/panelProbe';
export interface PanelProbeParams {
  readonly uri: string;
}

// ---- Messages between the extension (host) and the webview (panel) ----

/** The panel's own state, kept by the host across hide and show (`setState`), restored on load. */
export interface PanelUiState {
  readonly scrollY: number;
  readonly rowsQuery: RowsQuery;
  /** Feature id of the gap whose chart is expanded, if any. */
  readonly selectedGap?: string;
  readonly labelSort: { readonly key: 'label' | 'auc' | 'realRows' | 'syntheticRows'; readonly descending: boolean };
  readonly projection: ProjectionMethod;
}

/** Host → panel. */
export type HostMessage =
  | { readonly type: 'snapshot'; readonly snapshot: PanelSnapshot }
  /** No report to show (not analyzed yet, not a dataset, server down); `seq` orders it with snapshots. */
  | { readonly type: 'empty'; readonly seq: number; readonly title: string; readonly message: string }
  | { readonly type: 'rows'; readonly requestId: number; readonly page: RowsPage | null }
  | { readonly type: 'probe'; readonly seq: number; readonly probe: PanelProbe }
  /** A short line for the panel's notice area (saved, copied, failed). */
  | { readonly type: 'notice'; readonly message: string };

/** Panel → host. */
export type PanelMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'requestRows'; readonly requestId: number; readonly query: RowsQuery }
  /** Reveal a row: the dataset (no `file`) or a reference file (`file` as in MapPoint.file). */
  | { readonly type: 'revealRow'; readonly line: number; readonly turn?: number; readonly file?: string }
  | { readonly type: 'roughenRow'; readonly line: number; readonly turn?: number }
  /** Open the editor's find widget on the dataset (or on the reference) with this phrase. */
  | { readonly type: 'findPhrase'; readonly phrase: string; readonly side: 'synthetic' | 'real' }
  | { readonly type: 'runProbe' }
  | { readonly type: 'setProjection'; readonly method: ProjectionMethod }
  | { readonly type: 'saveHtml' }
  | { readonly type: 'copyMarkdown' };

/** The id of the `<script type="application/json">` that carries a saved report's data in a static page. */
export const STATIC_DATA_ELEMENT_ID = 'synthgap-data';

/** What a saved (static) report page embeds: the snapshot and the rows its table pages through. */
export interface StaticPanelData {
  readonly snapshot: PanelSnapshot;
  /** Most synthetic-looking first; the static host sorts and pages these itself. */
  readonly rows: PanelRow[];
  /** Rows in the dataset in all; `rows` may be fewer. */
  readonly totalRows: number;
  readonly theme: 'light' | 'dark' | 'high-contrast';
}
