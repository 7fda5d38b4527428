import type { DatasetRow, ParsedDataset } from '../core/dataset/types';
import { ScoringModel, type RowScore } from '../core/gap/model';
import type { WordDictionary } from '../core/host';
import type { GapReport, Verdict } from '../core/report/types';
import type { NoiseProfile } from '../core/roughen/types';
import type { FileSummary } from '../shared/protocol';
import type { AnalysisOutput } from './workerProtocol';
import { textHash } from '../core/stats/hash';
import { formatCount } from '../core/report/format';

/** A row of the file as it is now, with its score (from the analysis, or re-scored after an edit). */
export interface ScoredRow {
  readonly row: DatasetRow;
  readonly result: RowScore;
}

/** The file's flagged count before an analysis that ran again, and why it ran (`after save`). */
export interface PreviousCount {
  readonly flagged: number;
  readonly cause: string;
}

export interface FileAnalysisOptions {
  /** The text the worker analyzed, when it came from the editor (so the next edit re-reads only its lines). */
  readonly text?: string;
  /** Content hashes of rows the user chose to ignore: never flagged (the analysis applied the same list). */
  readonly ignore?: ReadonlySet<string>;
  readonly previous?: PreviousCount;
}

/**
 * One dataset file's analysis and its current rows. The analysis's scores are kept by the row's exact text
 * and its occurrence (the second row with a text gets the second analyzed score of that text, as in the
 * report), so after an edit only rows whose text changed go through the model, and a row that is back to an
 * analyzed text gets its out-of-fold score again. A file whose text is what the worker analyzed therefore
 * shows exactly the report's flags: status bar, CodeLens, Problems, hover, panel and CLI agree.
 */
export class FileAnalysis {
  readonly report: GapReport | null;
  readonly model: ScoringModel | undefined;
  readonly profile: NoiseProfile | null;
  readonly flaggedProfile: NoiseProfile | null;
  readonly note: string | undefined;
  readonly previous: PreviousCount | undefined;
  data: ParsedDataset;
  /** The text `data` was read from, when it came from the editor (so the next edit re-reads only its lines). */
  text: string | undefined;
  rows: ScoredRow[] = [];
  private byScore: ScoredRow[] | undefined;
  /** Rows whose text the analysis never saw (edited since), as of the last update. */
  changedRows = 0;
  /** Flagged rows as of the last update (ignored rows are never flagged). */
  flaggedCount = 0;
  /**
   * Whether the rows differ from the analyzed ones (a text, the order, or the number): a save then trains the
   * detector again, so the counts are those `synthgap check` gives for the saved file. A row moved or copied
   * keeps an analyzed score but is still a change.
   */
  edited = false;
  /** The analyzed rows' texts, in order. */
  private readonly analyzedTexts: readonly string[];
  resultId = '';
  /** Grows with every analysis and every update, over all files: the report panel orders snapshots by it. */
  seq = 0;
  private ignore: ReadonlySet<string>;
  /** The analysis's scores of each text, in the order of the rows that had it. */
  private readonly analyzed = new Map<string, RowScore[]>();
  /** Scores the model gave to texts the analysis never saw. */
  private readonly editedScores = new Map<string, RowScore>();
  private static counter = 0;

  constructor(readonly key: string, output: AnalysisOutput, dictionary: () => WordDictionary, options: FileAnalysisOptions = {}) {
    this.text = options.text;
    this.ignore = options.ignore ?? new Set();
    this.previous = options.previous;
    this.report = output.report;
    this.profile = output.profile;
    this.flaggedProfile = output.flaggedProfile;
    this.note = output.note;
    this.data = output.data;
    this.model = output.model ? new ScoringModel(output.model, dictionary()) : undefined;
    this.analyzedTexts = output.data.rows.map((row) => row.text);
    const results = output.report?.datasets[0]?.rows ?? [];
    output.data.rows.forEach((row, i) => {
      const r = results[i];
      if (!r) return;
      const result: RowScore = { score: r.score, percentile: r.percentile, flagged: r.flagged, reasons: r.reasons };
      const list = this.analyzed.get(row.text);
      if (list) list.push(result);
      else this.analyzed.set(row.text, [result]);
    });
    this.update(output.data, options.text);
  }

  /** Takes the file's current rows (and the ignore list, when it changed); returns how many the model scored. */
  update(data: ParsedDataset, text?: string, ignore?: ReadonlySet<string>): number {
    this.data = data;
    this.text = text;
    if (ignore) this.ignore = ignore;
    this.byScore = undefined;
    let scoredNow = 0;
    let changed = 0;
    let flagged = 0;
    const model = this.model;
    const rows: ScoredRow[] = [];
    const seen = new Map<string, number>();
    for (const row of data.rows) {
      const occurrence = seen.get(row.text) ?? 0;
      seen.set(row.text, occurrence + 1);
      const analyzed = this.analyzed.get(row.text);
      let result = analyzed?.[Math.min(occurrence, analyzed.length - 1)];
      if (!result) {
        result = this.editedScores.get(row.text);
        if (!result && model) {
          result = model.score(row.text);
          this.editedScores.set(row.text, result);
          scoredNow++;
        }
        if (!result) continue;
        changed++;
      }
      // Ignore is the user's word on a row's content: the same rule the analysis applied (core analyze).
      if (result.flagged && this.ignore.size > 0 && this.ignore.has(textHash(row.text))) result = { ...result, flagged: false, reasons: [] };
      if (result.flagged) flagged++;
      rows.push({ row, result });
    }
    this.rows = rows;
    this.changedRows = changed;
    this.edited = data.rows.length !== this.analyzedTexts.length || data.rows.some((row, i) => row.text !== this.analyzedTexts[i]);
    this.flaggedCount = flagged;
    this.forgetOldEdits();
    this.bump();
    return scoredNow;
  }

  /** synthgap.json's ignore list changed: the rows are flagged again under it, without a new analysis. */
  setIgnore(ignore: ReadonlySet<string>): void {
    this.update(this.data, this.text, ignore);
  }

  /** The last analysis's verdict on the whole file. */
  get verdict(): Verdict | undefined {
    return this.report?.datasets[0]?.summary.verdict;
  }

  /** Whether so much changed since the analysis that the detector should learn again. */
  get stale(): boolean {
    return this.changedRows > 0.1 * Math.max(1, this.rows.length);
  }

  /** Keystrokes leave a text per step: drop the scores of edited texts no row holds any more. */
  private forgetOldEdits(): void {
    if (this.editedScores.size < this.rows.length + 1000) return;
    const current = new Set(this.rows.map((scored) => scored.row.text));
    for (const text of this.editedScores.keys()) if (!current.has(text)) this.editedScores.delete(text);
  }

  flaggedRows(): ScoredRow[] {
    return this.rows.filter((scored) => scored.result.flagged);
  }

  /** The flagged rows, most synthetic-looking first; computed once per update. */
  flaggedByScore(): readonly ScoredRow[] {
    this.byScore ??= this.flaggedRows().sort((a, b) => b.result.score - a.result.score);
    return this.byScore;
  }

  /** The row on a 1-based line (the first turn of a chat line unless `turn` is given). */
  rowAt(line: number, turn?: number): ScoredRow | undefined {
    return this.rows.find((scored) => scored.row.line === line && (turn === undefined || scored.row.turn === turn));
  }

  /**
   * The figures every view shows. `underlined` is how many flagged rows get a squiggle (the editor shows at
   * most `maxDiagnostics`); `previous` is the count before the last re-analysis, with its cause.
   */
  summary(uri: string, limited?: string, maxDiagnostics = Infinity): FileSummary {
    const summary = this.report?.datasets[0]?.summary;
    const underlined = Math.min(this.flaggedCount, Math.max(0, maxDiagnostics));
    return {
      uri,
      rows: this.rows.length,
      flagged: this.flaggedCount,
      underlined,
      ...(underlined < this.flaggedCount ? { leftOut: `${formatCount(underlined)} most synthetic-looking rows underlined; all ${formatCount(this.flaggedCount)} in the report` } : {}),
      ...(this.previous ? { change: changeNote(this.previous, this.flaggedCount) } : {}),
      auc: summary?.auc ?? 0.5,
      aucLow: summary?.aucLow ?? 0.5,
      aucHigh: summary?.aucHigh ?? 0.5,
      verdict: summary?.verdict ?? 'insufficient-data',
      ...(limited ? { limited } : {}),
    };
  }

  /** A new result id, with the sequence number it carries. */
  private bump(): void {
    this.seq = ++FileAnalysis.counter;
    this.resultId = `r${this.seq}`;
  }
}

/** `re-scored after save: 227 flagged, was 226`: what an analysis that ran again changed. */
function changeNote(previous: PreviousCount, flagged: number): string {
  const was = previous.flagged === flagged ? 'as before' : `was ${formatCount(previous.flagged)}`;
  return `re-scored ${previous.cause}: ${formatCount(flagged)} flagged, ${was}`;
}
