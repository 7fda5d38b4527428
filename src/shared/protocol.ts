/**
 * Every custom message between the extension (client), the language server and the report panel, typed once.
 * Method names live here only. Direction is in each name's comment: client → server or server → client.
 */
import { RequestType } from 'vscode-jsonrpc';
import type { GapReport, Verdict } from '../core';
import type { ToolName } from './tools';

export type { GapReport, Verdict };

/** Server → client notification: what the server is doing, for the status bar and progress. */
export const STATUS_NOTIFICATION = 'synthgap/status';

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

/** Client → server request: the full report for one dataset file (null when it is not analyzed). */
export const REPORT_REQUEST = 'synthgap/report';

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
export const PROMPTS_REQUEST = 'synthgap/prompts';
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
export const ROUGHEN_PREVIEW_REQUEST = 'synthgap/roughenPreview';
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

/**
 * Client → server: run one agent tool (src/shared/tools.ts) for VS Code's agent mode, with a workspace folder as
 * the root every path stays in. The result is the tool's compact JSON, or one line saying why it did not run.
 * Defined once as a RequestType, imported by both sides.
 */
export const TOOL_REQUEST = new RequestType<ToolParams, ToolOutcome, void>('synthgap/tool');
export interface ToolParams {
  readonly name: ToolName;
  /** The tool's input as the model wrote it; the server checks it against the tool's schema. */
  readonly input: unknown;
  /** The workspace folder (a file URI) the tool's paths are relative to. */
  readonly folder: string;
}
export type ToolOutcome = { readonly ok: true; readonly result: object } | { readonly ok: false; readonly error: string };
