/** One CSV record: its text from its first line on (line breaks inside quotes kept) and its cells' bounds. */
export interface CsvRecord {
  readonly line: number;
  readonly text: string;
  /** Cell i spans `text.slice(bounds[2 * i], bounds[2 * i + 1])`, quotes included when quoted. */
  readonly bounds: readonly number[];
}

/** Receives records, and quote errors on the first line of the record they spoil. */
export interface CsvRecordHandler {
  record(record: CsvRecord): void;
  quoteError(line: number, message: string): void;
}
