import { formatCount, type GapReport, type Verdict } from '../core';
import type { FileSummary } from '../shared/protocol';
import type { FileView, RowView } from './rowsProtocol';

/** The file's flagged count before an analysis that ran again, and why it ran (`after save`). */
export interface PreviousCount {
  readonly flagged: number;
  readonly cause: string;
}

/**
 * One dataset file's analysis as the main thread holds it: the report (positions and scores of the analyzed
 * rows), and the rows as they are now as a {@link FileView} (positions, scores and counts) from the rows
 * worker, which owns the parsed rows and scores edits (rowsWorker.ts, fileRows.ts). Every view (status bar,
 * CodeLens, Problems, hover, panel) reads its counts here, so they agree with each other and with the CLI.
 */
export class FileAnalysis {
  view: FileView;
  /** Grows with every analysis and every update, over all files: the report panel orders snapshots by it. */
  seq = 0;
  private static counter = 0;

  constructor(
    readonly key: string,
    readonly report: GapReport | null,
    view: FileView,
    /** Why there is no report, in words. */
    readonly note: string | undefined,
    readonly previous: PreviousCount | undefined,
  ) {
    this.view = view;
    this.bump();
  }

  /** The rows worker's view of the file after an edit or an ignore. */
  setView(view: FileView): void {
    this.view = view;
    this.bump();
  }

  get verdict(): Verdict | undefined {
    return this.report?.datasets[0]?.summary.verdict;
  }

  get flaggedCount(): number {
    return this.view.flaggedCount;
  }

  /** The flagged rows, most synthetic-looking first. */
  flaggedByScore(): readonly RowView[] {
    return this.view.flagged;
  }

  /** The flagged row on a 1-based line (the first turn of a chat line unless `turn` is given). */
  flaggedAt(line: number, turn?: number): RowView | undefined {
    return this.view.flagged.find((row) => row.line === line && (turn === undefined || row.turn === turn));
  }

  /**
   * The figures every view shows. `underlined` is how many flagged rows get a squiggle (the editor shows at
   * most `maxDiagnostics`); `change` says what the last re-analysis changed.
   */
  summary(uri: string, limited?: string, maxDiagnostics = Infinity): FileSummary {
    const summary = this.report?.datasets[0]?.summary;
    const flagged = this.view.flaggedCount;
    const underlined = Math.min(flagged, Math.max(0, maxDiagnostics));
    return {
      uri,
      rows: this.view.rows,
      flagged,
      underlined,
      ...(underlined < flagged ? { leftOut: `${formatCount(underlined)} most synthetic-looking rows underlined; all ${formatCount(flagged)} in the report` } : {}),
      ...(this.previous ? { change: changeNote(this.previous, flagged) } : {}),
      auc: summary?.auc ?? 0.5,
      aucLow: summary?.aucLow ?? 0.5,
      aucHigh: summary?.aucHigh ?? 0.5,
      verdict: summary?.verdict ?? 'insufficient-data',
      ...(limited ? { limited } : {}),
    };
  }

  /** A new sequence number. */
  private bump(): void {
    this.seq = ++FileAnalysis.counter;
  }
}

/** `re-scored after save: 227 flagged, was 226`: what an analysis that ran again changed. */
function changeNote(previous: PreviousCount, flagged: number): string {
  const was = previous.flagged === flagged ? 'as before' : `was ${formatCount(previous.flagged)}`;
  return `re-scored ${previous.cause}: ${formatCount(flagged)} flagged, ${was}`;
}
