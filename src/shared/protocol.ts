/**
 * Every custom message between the extension (client) and the language server, defined once: each request and
 * notification is one object here with its method, its direction, and its parameter and result types. The client
 * sends and the server answers through these objects only (`extension/messages.ts`, `server/messages.ts`), so a
 * renamed method or a changed type fails the build on both sides. Messages between the extension and the panel's
 * webview are in `panel.ts`.
 *
 * Why plain objects and not the library's `RequestType`: the client's vscode-languageclient and the server's
 * vscode-languageserver each bundle their own vscode-jsonrpc (10.0 and 9.0 today), which compares a message
 * object's parameter structure by identity with its own copy; a `NotificationType` made by one throws `Unknown
 * parameter structure auto` when the other sends it. So each side makes its own library's `RequestType` or
 * `NotificationType` from the object here, and shared stays free of either library (lint keeps it so).
 */
import type { GapReport, Verdict } from '../core';
import type { PanelMarkdownParams, PanelMarkdownResult, PanelProbe, PanelProbeParams, PanelRowsParams, PanelSnapshotParams, PanelSnapshotResult, RowsPage } from './panel';
import type { ToolName } from './tools';

export type { GapReport, Verdict };

/** A request the client sends and the server answers. */
export interface ClientRequest<P, R> {
  readonly method: string;
  readonly direction: 'client → server';
  /** Never set: it carries the parameter and result types to both sides. */
  readonly types?: (params: P) => R;
}

/** A notification the server sends and the client listens to. */
export interface ServerNotification<P> {
  readonly method: string;
  readonly direction: 'server → client';
  /** Never set: it carries the parameter type to both sides. */
  readonly types?: (params: P) => void;
}

/** Server → client: what the server is doing, for the status bar and progress. */
export const statusNotification: ServerNotification<StatusParams> = { method: 'synthgap/status', direction: 'server → client' };

export type ServerState = 'starting' | 'no-reference' | 'analyzing' | 'ready' | 'error';

export interface FileSummary {
  readonly uri: string;
  readonly rows: number;
  readonly flagged: number;
  /** How many flagged rows have a squiggle (at most synthgap.maxDiagnostics); the rest are in the report. */
  readonly underlined: number;
  /** What the squiggles leave out, in words: `500 most synthetic-looking rows underlined; all 5,619 in the report`. */
  readonly leftOut?: string;
  /** What the last re-analysis changed, in words: `re-scored after save: 227 flagged, was 226`. */
  readonly change?: string;
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly verdict: Verdict;
  /** Set when a limit stopped work on this file (size, line length): say it in the UI. */
  readonly limited?: string;
}

export interface StatusParams {
  readonly state: ServerState;
  /** One sentence for the tooltip or an error. */
  readonly message?: string;
  /** The reference file in use, when there is one. */
  readonly reference?: string;
  readonly files: readonly FileSummary[];
}

/** Client → server: the full report for one dataset file (null when it is not analyzed). */
export const reportRequest: ClientRequest<ReportParams, ReportResult> = { method: 'synthgap/report', direction: 'client → server' };

export interface ReportParams {
  readonly uri: string;
}

export interface ReportResult {
  readonly report: GapReport | null;
}

/** Commands the server executes (`workspace/executeCommand`); each applies one undoable workspace edit. */
export const SERVER_COMMANDS = {
  /** Arguments: [uri: string, line: number, turn?: number]. */
  roughenRow: 'synthgap.server.roughenRow',
  /** Arguments: [uri: string]. The client confirms with the user first. */
  roughenAll: 'synthgap.server.roughenAll',
  /** Arguments: [uri: string, line: number, turn?: number]. Adds the row's content hash to synthgap.json `ignore`. */
  ignoreRow: 'synthgap.server.ignoreRow',
} as const;

/** Client commands, as contributed in package.json. */
export const CLIENT_COMMANDS = {
  useAsReference: 'synthgap.useAsReference',
  openReport: 'synthgap.openReport',
  roughenAll: 'synthgap.roughenAll',
  showOutput: 'synthgap.showOutput',
  restartServer: 'synthgap.restartServer',
  /** Arguments: [uri?: string, label?: string]. Opens the generation prompts for the file (one label's, or all). */
  showPrompts: 'synthgap.showPrompts',
} as const;

/** Client → server: the generation prompts of a dataset file as Markdown (`synthgap prompts`), one label's or all. */
export const promptsRequest: ClientRequest<PromptsParams, PromptsResult> = { method: 'synthgap/prompts', direction: 'client → server' };
export interface PromptsParams {
  readonly uri: string;
  readonly label?: string;
}
export interface PromptsResult {
  /** Null with a `reason` when there are none (no reference, not analyzed, an unknown label). */
  readonly markdown: string | null;
  readonly reason?: string;
}

/** Client → server: what "Roughen all flagged rows" would change, asked before the user confirms. */
export const roughenPreviewRequest: ClientRequest<RoughenPreviewParams, RoughenPreviewResult> = { method: 'synthgap/roughenPreview', direction: 'client → server' };
export interface RoughenPreviewParams {
  readonly uri: string;
}
export interface RoughenPreviewResult {
  readonly flagged: number;
  /** Flagged rows roughening changes. */
  readonly changed: number;
  /** What it changes, in words: `lower-case, drop final punctuation, 12 typos`. */
  readonly changes: string;
}

/** Stable diagnostic codes: a flagged row's code is `too-clean`, a bad line's `bad-input`. */
export const DIAGNOSTIC_CODES = { tooClean: 'too-clean', badInput: 'bad-input' } as const;

/** What a flagged row's diagnostic carries in `Diagnostic.data`, so the quick fix needs no second lookup. */
export interface RowDiagnosticData {
  readonly uri: string;
  readonly line: number;
  readonly turn?: number;
  readonly score: number;
  /** Content hash of the row's text (for "Ignore this row"). */
  readonly hash: string;
}

// ---- The report panel's requests (their types are in panel.ts, beside the panel's messages) ----

/** Client → server: the panel snapshot for a dataset file; `snapshot` is null with a `reason` when there is none. */
export const panelSnapshotRequest: ClientRequest<PanelSnapshotParams, PanelSnapshotResult> = { method: 'synthgap/panelSnapshot', direction: 'client → server' };
/** Client → server: one page of a dataset's rows, as they are now (edits included). Null when not analyzed. */
export const panelRowsRequest: ClientRequest<PanelRowsParams, RowsPage | null> = { method: 'synthgap/panelRows', direction: 'client → server' };
/** Client → server: the report as Markdown, for "Copy as Markdown". */
export const panelMarkdownRequest: ClientRequest<PanelMarkdownParams, PanelMarkdownResult> = { method: 'synthgap/panelMarkdown', direction: 'client → server' };
/** Client → server: run the probe for a dataset file against the reference (seconds on big files). */
export const panelProbeRequest: ClientRequest<PanelProbeParams, PanelProbe> = { method: 'synthgap/panelProbe', direction: 'client → server' };

/**
 * Client → server: run one agent tool (src/shared/tools.ts) for VS Code's agent mode, with a workspace folder as
 * the root every path stays in. The result is the tool's compact JSON, or one line saying why it did not run.
 */
export const toolRequest: ClientRequest<ToolParams, ToolOutcome> = { method: 'synthgap/tool', direction: 'client → server' };
export interface ToolParams {
  readonly name: ToolName;
  /** The tool's input as the model wrote it; the server checks it against the tool's schema. */
  readonly input: unknown;
  /** The workspace folder (a file URI) the tool's paths are relative to. */
  readonly folder: string;
}
export type ToolOutcome = { readonly ok: true; readonly result: object } | { readonly ok: false; readonly error: string };
