/**
 * The panel's data types: what buildPanelSnapshot() and rowsPage() return. They live in core because core
 * builds them and core imports nothing of ours outside core; src/shared/panel.ts re-exports them, so the
 * server, the extension and the webview import them from there.
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
  PhraseStat,
  ReportSettings,
  RowReason,
} from './types';
import type { CurvePoint, WorthRealRows } from '../probe/worth';

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
  /**
   * The row's text, cut to at most 500 characters (with an ellipsis). Always inserted as text, never as HTML. For a
   * record read field by field, the text of the field its flag is about (`field`), else the whole record's.
   */
  readonly text: string;
  readonly reasons: RowReason[];
  /**
   * For a record read field by field: the field (or chat role) its flag and underline are about, with `turn` the
   * chat message it is in; absent when the record is not flagged (no field stands out).
   */
  readonly field?: string;
  /** For a record read field by field: each field's own score (RowResult.fieldScores). */
  readonly fieldScores?: { readonly [field: string]: number };
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
  /** Only the rows whose flag is about this field (PanelRow.field); every row when absent. */
  readonly field?: string;
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
  readonly realOnly?: PanelProbeScore;
  readonly syntheticOnly?: PanelProbeScore;
  readonly blend?: PanelProbeScore;
  /** Held-out real rows the accuracies rest on. */
  readonly testRows?: number;
  /** Labels among those rows (labels only the synthetic rows have are not tested, so not counted). */
  readonly labels?: number;
  /** Cross-validation folds of the reference the real rows were tested in. */
  readonly folds?: number;
  /** The differences as `synthgap probe` words them: what adding the synthetic rows does, and them instead of real ones. */
  readonly sentences?: string[];
  /** The real-only learning curve, smallest sample first (the last point is all of a fold's real rows). */
  readonly curve?: readonly CurvePoint[];
  /** Where the synthetic-only accuracy meets that curve: how many real rows the synthetic rows are worth. */
  readonly worth?: WorthRealRows;
  /** That in words, as `synthgap probe` says it, with what the synthetic rows add to the real ones. */
  readonly worthSentence?: string;
}

/** One of the probe's models on the held-out real rows. */
export interface PanelProbeScore {
  readonly accuracy: number;
  /** The accuracy's 95% interval. */
  readonly low: number;
  readonly high: number;
  readonly macroF1: number;
  /** Rows the model was trained on. */
  readonly trainedRows: number;
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
  /** Ranked by effect size, largest first; the panel lists those at or above `negligibleEffect` and folds the rest. */
  readonly gaps: FeatureGap[];
  /** The effect size under which a gap is negligible (the terminal's rule, NEGLIGIBLE_EFFECT). */
  readonly negligibleEffect: number;
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
  /** For a file read field by field: how it was read, in words (sentences.ts schemaText). */
  readonly schema?: string;
  /** For a file read field by field: each field compared with the same field of the reference, in reading order. */
  readonly fields?: PanelField[];
  /** For instruction and chat data: the pair checks' fields and findings in words. */
  readonly pairs?: PanelPairs;
}

/** One field of a file read field by field, as the panel's "By field" section shows it (a FieldReport, cut down). */
export interface PanelField {
  readonly field: string;
  /** The dataset's texts in this field (a chat role counts every turn). */
  readonly rows: number;
  readonly summary: Pick<DatasetSummary, 'rows' | 'referenceRows' | 'auc' | 'aucLow' | 'aucHigh' | 'verdict' | 'flagged'>;
  /** The gaps that count, largest first (at most 3; none under a no-gap verdict: sentences.ts fieldGaps). */
  readonly gaps: Pick<FeatureGap, 'feature' | 'name' | 'sentence' | 'size'>[];
  /** The phrases most over-used in this field's synthetic texts (at most 3). */
  readonly overSynthetic: Pick<PhraseStat, 'phrase' | 'realCount' | 'syntheticCount'>[];
}

/** The pair checks (PairReport) as the panel shows them. */
export interface PanelPairs {
  readonly request: string;
  readonly response: string;
  /** `Pairs (instruction and output)`. */
  readonly title: string;
  /** The findings, or one sentence saying the pairs look like the reference's. */
  readonly sentences: string[];
}

/** One dataset of a saved report page: its snapshot and the rows its table pages through. */
export interface StaticDataset {
  readonly snapshot: PanelSnapshot;
  /** Most synthetic-looking first; the static host sorts and pages these itself. */
  readonly rows: PanelRow[];
  /** Rows in the dataset in all; `rows` may be fewer. */
  readonly totalRows: number;
  /** What the page left out, in words, when `rows` is fewer than `totalRows`. */
  readonly rowsNote?: string;
}

/**
 * What a saved (static) report page embeds: one dataset per checked file, in the order they were given; the
 * page shows one at a time and a file picker when there are several. `auto` follows the reader's system theme.
 */
export interface StaticPanelData {
  readonly datasets: StaticDataset[];
  readonly theme: 'light' | 'dark' | 'high-contrast' | 'auto';
}
