import { detach } from './detach';
import type { DatasetRow, FieldText, RowError, TextRange } from './types';

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

/** Where readers put what they find; rows arrive in line order, errors are sorted at the end. */
export class DatasetOutput {
  readonly rows: DatasetRow[] = [];
  readonly errors: RowError[] = [];
  /** One string per distinct label, shared by its rows; capped so that ID-like labels cannot grow it. */
  private readonly labels = new Map<string, string>();

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
    this.rows.push(row);
  }

  private intern(label: string): string {
    const known = this.labels.get(label);
    if (known !== undefined) return known;
    const copy = detach(label);
    if (this.labels.size < 10_000) this.labels.set(copy, copy);
    return copy;
  }
}
