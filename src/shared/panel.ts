/**
 * The gap report panel's data and messages, typed once: what the server sends the extension for the panel
 * (snapshots, pages of rows, probe results), and every message between the extension and the webview.
 * The panel always receives full snapshots with a sequence number, never deltas, and rows only a page at a time.
 */
import type { PanelProbe, PanelSnapshot, ProjectionMethod, RowsPage, RowsQuery } from '../core';

export type { MapPoint, MapRegion, MapReport, ProjectionMethod } from '../core';
// The data types live beside buildPanelSnapshot() in core (core may not import shared); they are re-exported here.
export type { PanelField, PanelPairs, PanelProbe, PanelProbeScore, PanelRow, PanelSnapshot, RowSortKey, RowsPage, RowsQuery } from '../core';

// ---- The types of the panel's client → server requests (the request objects are in protocol.ts) ----

export interface PanelSnapshotParams {
  readonly uri: string;
  /** The first page's query; default the 50 most synthetic-looking rows. */
  readonly rows?: RowsQuery;
}
export interface PanelSnapshotResult {
  readonly snapshot: PanelSnapshot | null;
  readonly reason?: string;
}

export interface PanelRowsParams {
  readonly uri: string;
  readonly query: RowsQuery;
}

export interface PanelMarkdownParams {
  readonly uri: string;
}
export interface PanelMarkdownResult {
  readonly markdown: string | null;
}

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
  /** Whether the "No difference" fold of negligible gaps is open. */
  readonly noDifferenceOpen?: boolean;
  /** The dataset file shown; VS Code hands this state back after a window reload, so the panel reopens on it. */
  readonly uri?: string;
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

// A saved page's data and the id of its JSON element live beside staticPanelPage() in core; re-exported here.
export type { StaticDataset, StaticPanelData } from '../core';
export { STATIC_DATA_ELEMENT_ID } from '../core/present';
