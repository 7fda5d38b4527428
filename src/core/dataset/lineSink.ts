import { seededRandom, type Random } from '../stats/random';
import { detach } from './detach';
import type { DatasetRow, FieldText, ReadOptions, RowError, TextRange } from './types';

/** Receives a file's lines in order, from the string or byte splitter. */
export interface LineSink {
  /** A decoded line without its line break; `eolLength` is 2 after `\r\n`, 1 after `\n`, 0 for the last line. */
  line(text: string, lineNumber: number, eolLength: number): void;
  /** A line that could not be read (too long, not UTF-8); readers skip it and the message is reported. */
  badLine(lineNumber: number, message: string): void;
}

/** A format's reader: fed lines, then asked which fields it used. */
export interface FormatReader extends LineSink {
  finish(): ReaderFields;
}

/** Which fields a reader used (ParsedDataset's fields of the same names). */
export interface ReaderFields {
  readonly textField: string;
  readonly labelField?: string;
  readonly textFields?: readonly string[];
  readonly schema?: string;
  readonly role?: string;
}

/**
 * Where readers put what they find; rows arrive in line order, errors are sorted at the end. With `sample`, only a
 * seeded uniform sample of the rows is kept (reservoir sampling: memory for `sample.rows` rows, whatever the file's
 * size), put back in line order by {@link finishRows}.
 */
export class DatasetOutput {
  readonly rows: DatasetRow[] = [];
  readonly errors: RowError[] = [];
  /** Rows read, kept or not. */
  read = 0;
  /** One string per distinct label, shared by its rows; capped so that ID-like labels cannot grow it. */
  private readonly labels = new Map<string, string>();
  private readonly random: Random | undefined;

  constructor(private readonly sample?: ReadOptions['sample']) {
    this.random = sample ? seededRandom(sample.seed) : undefined;
  }

  /** The rows in line order (a chat line's turns in turn order) once a sample replaced some. */
  finishRows(): void {
    if (this.sample && this.read > this.rows.length) this.rows.sort((a, b) => a.line - b.line || (a.turn ?? 0) - (b.turn ?? 0));
  }

  error(line: number, message: string): void {
    this.errors.push({ line, message });
  }

  /** Something read but left out; kept with the errors (every view that shows a line's problems shows it). */
  warn(line: number, message: string): void {
    this.errors.push({ line, message, warning: true });
  }

  row(line: number, text: string, textRange: TextRange, label: string | undefined, turn?: number, group?: string, fields?: readonly FieldText[]): void {
    // Optional keys stay absent rather than undefined, so rows compare equal however they were read.
    const row: { line: number; text: string; textRange: TextRange; label?: string; turn?: number; group?: string; fields?: readonly FieldText[] } = { line, text, textRange };
    if (label !== undefined) row.label = this.intern(label);
    if (turn !== undefined) row.turn = turn;
    if (group !== undefined) row.group = detach(group);
    if (fields !== undefined) row.fields = fields;
    this.read++;
    if (this.sample === undefined || this.rows.length < this.sample.rows) {
      this.rows.push(row);
    } else {
      // Algorithm R: the row replaces a kept one with probability rows/read, so every row is kept alike.
      const slot = Math.floor((this.random as Random)() * this.read);
      if (slot < this.sample.rows) this.rows[slot] = row;
    }
  }

  private intern(label: string): string {
    const known = this.labels.get(label);
    if (known !== undefined) return known;
    const copy = detach(label);
    if (this.labels.size < 10_000) this.labels.set(copy, copy);
    return copy;
  }
}
