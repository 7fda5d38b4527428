// `synthgap score`'s reading and scoring: lines in, one result per record out, in input order. Every record is read
// with the model's fields (never fields guessed from the first records) and scored by itself, so a record's result
// is the same in any file, at any position and in any partition of a file.
import { CsvReader } from '../dataset/csvReader';
import { planJsonFields } from '../dataset/jsonFields';
import { JsonlReader } from '../dataset/jsonlReader';
import { DatasetOutput, type FormatReader, type LineSink } from '../dataset/lineSink';
import type { DatasetFormat, DatasetRow, ReadOptions, RowError } from '../dataset/types';
import type { RowScore, ScoringModel } from '../gap/model';
import type { ModelText } from './modelFile';

/** One record's result: its score, or why its line could not be read. */
export type LineResult = { readonly line: number; readonly score: RowScore; readonly row?: ScoredRow } | { readonly line: number; readonly error: string };

/** With `keepRows`: the record's scored row (its highest-scoring turn) and a copy of its text features. */
export interface ScoredRow {
  readonly row: DatasetRow;
  readonly features: Float32Array;
}

export interface LineScorerOptions {
  /** Hand out each record's row and features (for sketches); off for `score`, which prints neither. */
  readonly keepRows?: boolean;
  /** Read labels with the model's label field (sketches count rows per label). */
  readonly labels?: boolean;
}

/** A file score cannot read at all (a CSV header without the model's text columns): one line, not a line per record. */
export class ScoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoreInputError';
  }
}

/**
 * A LineSink that reads each line with the model's fields and hands out one result per record, in line order. A chat
 * line read for one role holds a row per turn; its result is its highest-scoring turn's, so every line still has one.
 * Blank lines give nothing; a line with no text gives an error like a line that is not JSON.
 */
export class LineScorer implements LineSink {
  private readonly out = new DatasetOutput();
  private readonly reader: FormatReader;
  private readonly csv: CsvReader | undefined;

  constructor(
    private readonly model: ScoringModel,
    text: ModelText,
    format: DatasetFormat,
    private readonly emit: (result: LineResult) => void,
    private readonly scorerOptions: LineScorerOptions = {},
  ) {
    // Labels do not change a score; reading none (unless asked) also leaves out the label warnings.
    const labelField = scorerOptions.labels && text.labelField !== undefined ? text.labelField : false;
    const options: ReadOptions = { textField: text.textField, labelField, ...(text.role !== undefined ? { role: text.role } : {}) };
    this.csv = format === 'jsonl' ? undefined : new CsvReader(this.out, options, format === 'tsv', 1);
    this.reader = this.csv ?? new JsonlReader(this.out, options, planJsonFields([], options));
  }

  line(text: string, lineNumber: number, eolLength: number): void {
    this.reader.line(text, lineNumber, eolLength);
    this.drain();
  }

  badLine(lineNumber: number, message: string): void {
    this.reader.badLine(lineNumber, message);
    this.drain();
  }

  /** Ends the input: a CSV record left open at the end is read (or reported) now. */
  finish(): void {
    this.reader.finish();
    this.drain();
  }

  /** Hands out what the reader found since the last call, grouped by line, in line order. */
  private drain(): void {
    const { rows, errors } = this.out;
    if (rows.length === 0 && errors.length === 0) return;
    if (this.csv?.noTextColumn()) throw new ScoreInputError(errors[0]?.message ?? 'no text column in the header');
    const found = new Map<number, { rows: DatasetRow[]; error?: RowError }>();
    const entry = (line: number) => found.get(line) ?? found.set(line, { rows: [] }).get(line)!;
    for (const row of rows) entry(row.line).rows.push(row);
    for (const error of errors) {
      if (error.warning) continue;
      const at = entry(error.line);
      at.error ??= error;
    }
    rows.length = 0;
    errors.length = 0;
    for (const line of [...found.keys()].sort((a, b) => a - b)) {
      const at = found.get(line)!;
      if (at.rows.length > 0) this.emit({ line, ...this.best(at.rows) });
      else if (at.error) this.emit({ line, error: at.error.message });
    }
  }

  private best(rows: readonly DatasetRow[]): { score: RowScore; row?: ScoredRow } {
    const keep = this.scorerOptions.keepRows === true;
    let best = this.model.score(rows[0]);
    let row = keep ? { row: rows[0], features: this.model.lastFeatures().slice() } : undefined;
    for (let k = 1; k < rows.length; k++) {
      const next = this.model.score(rows[k]);
      if (next.score > best.score) {
        best = next;
        if (keep) row = { row: rows[k], features: this.model.lastFeatures().slice() };
      }
    }
    return row ? { score: best, row } : { score: best };
  }
}

/**
 * A result as score's output line (without the line break): `{"file","line","score","flagged","reasons"}`, or
 * `{"file","line","error"}`. The score is printed as JSON prints a double: every digit, so it reads back exactly.
 *
 * @example formatLineResult('a.jsonl', { line: 3, error: 'invalid JSON: …' }) // '{"file":"a.jsonl","line":3,"error":"invalid JSON: …"}'
 */
export function formatLineResult(file: string, result: LineResult): string {
  if ('error' in result) return JSON.stringify({ file, line: result.line, error: result.error });
  const { score, flagged, reasons } = result.score;
  return JSON.stringify({ file, line: result.line, score, flagged, reasons: reasons.map(({ code, message }) => ({ code, message })) });
}
