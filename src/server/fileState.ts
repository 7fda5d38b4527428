import type { DatasetRow, ParsedDataset } from '../core/dataset/types';
import { ScoringModel, type RowScore } from '../core/gap/model';
import type { WordDictionary } from '../core/host';
import type { GapReport, Verdict } from '../core/report/types';
import type { NoiseProfile } from '../core/roughen/types';
import type { FileSummary } from '../shared/protocol';
import type { AnalysisOutput } from './workerProtocol';

/** A row of the file as it is now, with its score (from the analysis, or re-scored after an edit). */
export interface ScoredRow {
  readonly row: DatasetRow;
  readonly result: RowScore;
}

/**
 * One dataset file's analysis and its current rows. Scores are kept by the row's exact text, so after an edit
 * only rows whose text changed go through the model; a row that is back to an analyzed text gets its
 * out-of-fold score again.
 */
export class FileAnalysis {
  readonly report: GapReport | null;
  readonly model: ScoringModel | undefined;
  readonly profile: NoiseProfile | null;
  readonly flaggedProfile: NoiseProfile | null;
  readonly note: string | undefined;
  data: ParsedDataset;
  /** The text `data` was read from, when it came from the editor (so the next edit re-reads only its lines). */
  text: string | undefined;
  rows: ScoredRow[] = [];
  private byScore: ScoredRow[] | undefined;
  /** Rows whose text the analysis never saw (edited since), as of the last update. */
  changedRows = 0;
  resultId = '';
  /** Grows with every analysis and every update, over all files: the report panel orders snapshots by it. */
  seq = 0;
  private readonly scores = new Map<string, RowScore>();
  private readonly analyzed = new WeakSet<RowScore>();
  private static counter = 0;

  constructor(readonly key: string, output: AnalysisOutput, dictionary: () => WordDictionary, text?: string) {
    this.text = text;
    this.report = output.report;
    this.profile = output.profile;
    this.flaggedProfile = output.flaggedProfile;
    this.note = output.note;
    this.data = output.data;
    this.model = output.model ? new ScoringModel(output.model, dictionary()) : undefined;
    const results = output.report?.datasets[0]?.rows ?? [];
    output.data.rows.forEach((row, i) => {
      const r = results[i];
      if (!r || this.scores.has(row.text)) return;
      const result: RowScore = { score: r.score, percentile: r.percentile, flagged: r.flagged, reasons: r.reasons };
      this.scores.set(row.text, result);
      this.analyzed.add(result);
    });
    this.bump();
    this.update(output.data);
  }

  /** Takes the file's current rows; returns how many had to be scored by the model. */
  update(data: ParsedDataset, text?: string): number {
    this.data = data;
    this.text = text;
    this.byScore = undefined;
    let scoredNow = 0;
    let changed = 0;
    const model = this.model;
    const rows: ScoredRow[] = [];
    for (const row of data.rows) {
      let result = this.scores.get(row.text);
      if (!result && model) {
        result = model.score(row.text);
        this.scores.set(row.text, result);
        scoredNow++;
      }
      if (!result) continue;
      if (!this.analyzed.has(result)) changed++;
      rows.push({ row, result });
    }
    this.rows = rows;
    this.changedRows = changed;
    this.forgetOldEdits();
    this.bump();
    return scoredNow;
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
    if (this.scores.size < 2 * this.rows.length + 1000) return;
    const current = new Set(this.rows.map((scored) => scored.row.text));
    for (const [text, result] of this.scores) if (!this.analyzed.has(result) && !current.has(text)) this.scores.delete(text);
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

  summary(uri: string, limited?: string): FileSummary {
    const summary = this.report?.datasets[0]?.summary;
    return {
      uri,
      rows: this.rows.length,
      flagged: this.rows.reduce((count, scored) => count + (scored.result.flagged ? 1 : 0), 0),
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
