import {
  isResponseField,
  placedField,
  placedText,
  roughenResponse,
  roughenRow,
  roughenText,
  rowsPage,
  ScoringModel,
  snapshotRowInput,
  textHash,
  type DatasetRow,
  type FieldText,
  type NoiseProfile,
  type ParsedDataset,
  type RowScore,
  type RowsPage,
  type RowsQuery,
  type SnapshotRowInput,
  type WordDictionary,
} from '../core';
import type { FileView, RoughenedRow, RowDetail, RowView } from './rowsProtocol';
import type { AnalysisOutput } from './workerProtocol';

/** A row of the file as it is now, with its score (from the analysis, or re-scored after an edit). */
export interface ScoredRow {
  readonly row: DatasetRow;
  readonly result: RowScore;
  /** For a record scored whole after an edit: the field underlined (its flag names none). */
  readonly underline?: FieldText;
}

export interface FileRowsOptions {
  /** The text the worker analyzed, when it came from the editor (so the next edit re-reads only its lines). */
  readonly text?: string;
  /** Content hashes of rows the user chose to ignore: never flagged (the analysis applied the same list). */
  readonly ignore?: ReadonlySet<string>;
}

/**
 * One dataset file's rows as they are now, and their scores: the rows worker holds one per analyzed file (the
 * main thread holds its {@link FileView}). The analysis's scores are kept by the row's exact text
 * and its occurrence (the second row with a text gets the second analyzed score of that text, as in the
 * report), so after an edit only rows whose text changed go through the model, and a row that is back to an
 * analyzed text gets its out-of-fold score again. A file whose text is what the worker analyzed therefore
 * shows exactly the report's flags: status bar, CodeLens, Problems, hover, panel and CLI agree.
 */
export class FileRows {
  readonly model: ScoringModel | undefined;
  readonly profile: NoiseProfile | null;
  readonly flaggedProfile: NoiseProfile | null;
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
  private ignore: ReadonlySet<string>;
  /** The rows as the panel's pages take them, made once per update. */
  private pageRows: SnapshotRowInput[] | undefined;
  /** The analysis's scores of each text, in the order of the rows that had it. */
  private readonly analyzed = new Map<string, RowScore[]>();
  /** Scores the model gave to texts the analysis never saw. */
  private readonly editedScores = new Map<string, RowScore>();
  /** The analyzed rows, in order (what an edited record's fields are compared with). */
  private readonly analyzedRows: readonly DatasetRow[];

  constructor(output: AnalysisOutput, private readonly dictionary: () => WordDictionary, options: FileRowsOptions = {}) {
    this.text = options.text;
    this.ignore = options.ignore ?? new Set();
    this.profile = output.profile;
    this.flaggedProfile = output.flaggedProfile;
    this.data = output.data;
    this.model = output.model ? new ScoringModel(output.model, dictionary()) : undefined;
    this.analyzedTexts = output.data.rows.map((row) => row.text);
    this.analyzedRows = output.data.rows;
    const results = output.report?.datasets[0]?.rows ?? [];
    output.data.rows.forEach((row, i) => {
      const r = results[i];
      if (!r) return;
      // A record read field by field keeps which field its flag is about (the one underlined and roughened).
      const result: RowScore = {
        score: r.score,
        percentile: r.percentile,
        flagged: r.flagged,
        reasons: r.reasons,
        ...(r.field !== undefined ? { field: r.field } : {}),
        ...(r.field !== undefined && r.turn !== undefined ? { turn: r.turn } : {}),
      };
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
    this.pageRows = undefined;
    let scoredNow = 0;
    let changed = 0;
    let flagged = 0;
    const model = this.model;
    const rows: ScoredRow[] = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < data.rows.length; index++) {
      const row = data.rows[index];
      const occurrence = seen.get(row.text) ?? 0;
      seen.set(row.text, occurrence + 1);
      const analyzed = this.analyzed.get(row.text);
      let result = analyzed?.[Math.min(occurrence, analyzed.length - 1)];
      let underline: FieldText | undefined;
      if (!result) {
        result = this.editedScores.get(row.text);
        if (!result && model) {
          result = model.score(row);
          this.editedScores.set(row.text, result);
          scoredNow++;
        }
        if (!result) continue;
        changed++;
        if (row.fields && result.flagged) {
          // An edit within a line keeps every row's index: the record as it was is at the same index (no search, so a
          // keystroke in a large file costs no more than before).
          const previous = this.rows[rows.length];
          result = keepPlace(row, result, previous?.row.line === row.line ? previous : undefined);
          const analyzedRow = this.analyzedRows[index];
          if (result.field === undefined) underline = untouchedField(row, analyzedRow?.line === row.line ? analyzedRow : undefined);
        }
      }
      // Ignore is the user's word on a row's content: the same rule the analysis applied (core analyze).
      if (result.flagged && this.ignore.size > 0 && this.ignore.has(textHash(row.text))) result = { ...result, flagged: false, reasons: [] };
      if (result.flagged) flagged++;
      rows.push(underline ? { row, result, underline } : { row, result });
    }
    this.rows = rows;
    this.changedRows = changed;
    this.edited = data.rows.length !== this.analyzedTexts.length || data.rows.some((row, i) => row.text !== this.analyzedTexts[i]);
    this.flaggedCount = flagged;
    this.forgetOldEdits();
    return scoredNow;
  }

  /** synthgap.json's ignore list changed: the rows are flagged again under it, without a new analysis. */
  setIgnore(ignore: ReadonlySet<string>): void {
    this.update(this.data, this.text, ignore);
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

  /** The row on a 1-based line (the first turn of a chat line unless `turn` is given; a record holds all its turns). */
  rowAt(line: number, turn?: number): ScoredRow | undefined {
    return this.rows.find((scored) => scored.row.line === line && (turn === undefined || scored.row.turn === turn || scored.row.fields !== undefined));
  }

  /** What the main thread holds: positions, scores and counts (`warningQuantile` of the reference scores). */
  view(warningQuantile: number): FileView {
    return {
      format: this.data.format,
      errors: this.data.errors,
      rows: this.rows.length,
      flaggedCount: this.flaggedCount,
      flagged: this.flaggedByScore().map(rowView),
      changedRows: this.changedRows,
      edited: this.edited,
      stale: this.stale,
      ...(this.model ? { flagThreshold: this.model.flagThreshold } : {}),
      warnAbove: this.model?.quantile(warningQuantile) ?? Infinity,
    };
  }

  /** The rows on a 1-based line (a chat line has one per turn), with their text and, when asked, their nearest real row. */
  rowsAt(line: number, withNearest: boolean): RowDetail[] {
    return this.rows.filter((scored) => scored.row.line === line).map((scored) => {
      const nearest = withNearest ? this.model?.nearest(scored.row.text) : undefined;
      return {
        ...rowView(scored),
        text: placedText(scored.row, scored.result),
        ...(nearest ? { nearest: { file: nearest.row.file, line: nearest.row.line, text: nearest.row.text, similarity: nearest.similarity } } : {}),
      };
    });
  }

  /** A page of rows with their text, for the report panel. */
  page(query: RowsQuery): { page: RowsPage; hasLabels: boolean } {
    this.pageRows ??= this.rows.map(({ row, result }) => snapshotRowInput(row, result));
    return { page: rowsPage(this.pageRows, query), hasLabels: this.pageRows.some((row) => row.label !== undefined) };
  }

  /**
   * The given rows (or every flagged row) roughened toward the reference's noise (and the flagged rows'),
   * seeded; rows roughening leaves as they are are left out. Nothing without a noise profile.
   */
  roughen(targets: readonly { readonly line: number; readonly turn?: number }[] | 'flagged', seed: number): RoughenedRow[] {
    const profile = this.profile;
    if (!profile) return [];
    const rows = targets === 'flagged' ? this.flaggedRows() : targets.flatMap((target) => this.rowAt(target.line, target.turn) ?? []);
    const dictionary = this.dictionary();
    return rows.flatMap(({ row, result: score, underline }) => {
      const options = {
        seed,
        dictionary,
        ...(this.flaggedProfile ? { dataset: this.flaggedProfile } : {}),
        ...(row.label !== undefined ? { label: row.label } : {}),
      };
      // A record is roughened in the field its flag is about: a request as any text, a response only by cutting
      // stock openers, closers and boilerplate (the same rule as synthgap roughen's).
      const place = underlinedField({ row, result: score, underline });
      return roughenRow(row, (text, response) => (response ? roughenResponse(text) : roughenText(text, profile, options)), place).map((rough) => ({
        line: rough.line,
        ...(rough.turn !== undefined ? { turn: rough.turn } : row.turn !== undefined ? { turn: row.turn } : {}),
        textRange: rough.textRange,
        text: rough.text,
        changes: rough.changes,
      }));
    });
  }
}

/**
 * The place of an edited record's new score. The editor's model scores a record whole and names no field; when the
 * field the record's flag was about is unchanged by the edit (another turn was edited), the flag is still about
 * that field, for the same reasons (a field's own comparison does not depend on the other fields). Otherwise the
 * score and its reasons are about the whole record, and say so.
 */
function keepPlace(row: DatasetRow, result: RowScore, previous: ScoredRow | undefined): RowScore {
  const was = previous?.result;
  if (!previous || !was?.flagged || was.field === undefined || was.reasons.length === 0) return result;
  const then = placedField(previous.row, was);
  const now = placedField(row, was);
  if (!then || !now || then.text !== now.text || then.turn !== now.turn) return result;
  return { ...result, field: was.field, ...(was.turn !== undefined ? { turn: was.turn } : {}), reasons: was.reasons };
}

/**
 * Where a record scored whole after an edit is underlined: the last response field (a chat's last answer, an
 * instruction row's output) the edits left as analyzed, else the last field the edits left, else the last field.
 * Never the text just typed, which the whole record's flag is not about.
 */
function untouchedField(row: DatasetRow, analyzed: DatasetRow | undefined): FieldText | undefined {
  const fields = row.fields ?? [];
  const untouched = fields.filter((part) => analyzed?.fields?.some((was) => was.field === part.field && was.turn === part.turn && was.text === part.text));
  return [...untouched].reverse().find((part) => isResponseField(part.field)) ?? untouched.at(-1);
}

/**
 * The field of a record that is underlined and roughened: the one its flag is about. A record scored whole after an
 * edit names none; then a field the edits left (untouchedField), else the last (a chat's last answer). Undefined for a
 * row read for one text.
 */
function underlinedField({ row, result, underline }: ScoredRow): FieldText | undefined {
  return placedField(row, result) ?? underline ?? row.fields?.at(-1);
}

/** A row's place and score, as the main thread holds it. */
function rowView(scored: ScoredRow): RowView {
  const { row, result } = scored;
  const named = placedField(row, result);
  const field = underlinedField(scored);
  const turn = field?.turn ?? row.turn;
  return {
    line: row.line,
    ...(turn !== undefined ? { turn } : {}),
    ...(named ? { field: named.field } : {}),
    ...(row.fields ? { record: row.fields.some((part) => part.turn !== undefined) ? 'conversation' as const : 'record' as const } : {}),
    textRange: field?.textRange ?? row.textRange,
    score: result.score,
    percentile: result.percentile,
    flagged: result.flagged,
    reasons: result.reasons,
    hash: textHash(row.text),
    ...(row.label !== undefined ? { label: row.label } : {}),
  };
}
