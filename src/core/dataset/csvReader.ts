import { isBlank } from './blank';
import { guessDelimiter, parseRecordCells } from './csvCells';
import { cellCountProblem, longestColumn, planColumns } from './csvColumns';
import type { CsvRecord, CsvRecordHandler } from './csvRecord';
import { CsvRecordSplitter } from './csvRecords';
import { detach } from './detach';
import type { DatasetOutput, FormatReader, ReaderFields } from './lineSink';
import { joinFields } from './schemas';
import { DEFAULT_MAX_LINE_BYTES, type FieldText, type ReadOptions } from './types';

/** Rows looked at to pick the text column when no column has a usual name. */
const SAMPLE_ROWS = 100;
/** Records handed to papaparse at once. */
const BATCH = 256;

interface Sampled {
  readonly record: CsvRecord;
  readonly cells: string[];
}

/** Reads CSV or TSV with a header row. The delimiter is a tab for TSV and papaparse's guess for CSV. */
export class CsvReader implements FormatReader, CsvRecordHandler {
  private splitter: CsvRecordSplitter | undefined;
  private delimiter = ',';
  private columns: readonly string[] | undefined;
  private textIndex = -1;
  /** Every text column, for a file read field by field; undefined for one text column. */
  private textIndexes: readonly number[] | undefined;
  private schema: string | undefined;
  private labelIndex = -1;
  private groupIndex = -1;
  /** Rows held until the text column is picked by length; undefined once the columns are settled. */
  private sample: Sampled[] | undefined;
  private batch: CsvRecord[] = [];

  constructor(
    private readonly out: DatasetOutput,
    private readonly options: ReadOptions,
    private readonly tabs: boolean,
    /** Records parsed at once; 1 hands each row out as soon as its record ends (score streams its output). */
    private readonly batchSize = BATCH,
  ) {}

  line(text: string, line: number, eol: number): void {
    if (this.splitter === undefined) {
      if (isBlank(text)) return;
      this.delimiter = this.tabs ? '\t' : guessDelimiter(text);
      this.splitter = new CsvRecordSplitter(this.delimiter, this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, this);
    }
    this.splitter.push(text, line, eol);
  }

  badLine(line: number, message: string): void {
    this.splitter?.interrupt();
    this.out.error(line, message);
  }

  finish(): ReaderFields {
    this.splitter?.interrupt();
    this.flush();
    if (this.sample) this.settleByLength();
    const columns = this.columns ?? [];
    const labelField = columns[this.labelIndex];
    const label = labelField === undefined ? {} : { labelField };
    if (this.textIndexes) {
      const textFields = this.textIndexes.map((index) => columns[index]);
      return { textField: textFields.join(','), textFields, ...(this.schema ? { schema: this.schema } : {}), ...label };
    }
    const textField = columns[this.textIndex] ?? (typeof this.options.textField === 'string' ? this.options.textField : 'text');
    return { textField, ...label };
  }

  /** Whether the header was read and names no text column the options asked for: no row of the file can be read. */
  noTextColumn(): boolean {
    return this.columns !== undefined && this.sample === undefined && this.textIndex < 0;
  }

  quoteError(line: number, message: string): void {
    this.out.error(line, message);
  }

  record(record: CsvRecord): void {
    if (this.columns !== undefined) {
      this.batch.push(record);
      if (this.batch.length >= this.batchSize) this.flush();
      return;
    }
    const cells = this.cellsOf(record, parseRecordCells([record.text], this.delimiter)[0]);
    if (cells) this.readHeader(record.line, cells);
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    const parsed = parseRecordCells(batch.map((record) => record.text), this.delimiter);
    for (let i = 0; i < batch.length; i++) {
      const cells = this.cellsOf(batch[i], parsed[i]);
      if (cells === undefined) continue;
      if (this.sample === undefined) this.readRow(batch[i], cells);
      else this.sample.push({ record: batch[i], cells });
    }
    if (this.sample && this.sample.length >= SAMPLE_ROWS) this.settleByLength();
  }

  /** Papaparse's cells when they agree with the splitter's bounds (they always should). */
  private cellsOf(record: CsvRecord, cells: string[] | undefined): string[] | undefined {
    if (cells !== undefined && cells.length * 2 === record.bounds.length) return cells;
    this.out.error(record.line, 'could not split this record into cells');
    return undefined;
  }

  private readHeader(line: number, cells: string[]): void {
    const plan = planColumns(cells, this.options);
    this.columns = plan.columns;
    this.textIndex = plan.textIndex;
    this.textIndexes = plan.textIndexes;
    this.schema = plan.schema;
    this.labelIndex = plan.labelIndex;
    this.groupIndex = plan.groupIndex;
    for (const problem of plan.problems) this.out.error(line, problem);
    for (const warning of plan.warnings) this.out.warn(line, warning);
    if (this.options.textField === undefined && plan.textIndex < 0) this.sample = [];
  }

  private settleByLength(): void {
    const sample = this.sample ?? [];
    this.sample = undefined;
    this.textIndex = longestColumn(this.columns?.length ?? 0, sample.map((held) => held.cells), this.labelIndex);
    for (const held of sample) this.readRow(held.record, held.cells);
  }

  private readRow(record: CsvRecord, cells: string[]): void {
    const textIndex = this.textIndex;
    if (textIndex < 0) return; // reported once, on the header
    const problem = cellCountProblem(cells, this.columns?.length ?? 0, textIndex, this.delimiter);
    if (problem !== undefined) return this.out.error(record.line, problem);
    const label = this.labelIndex >= 0 && cells[this.labelIndex] ? cells[this.labelIndex] : undefined;
    const group = this.groupIndex >= 0 && cells[this.groupIndex] ? cells[this.groupIndex] : undefined;
    const bounds = record.bounds;
    if (this.textIndexes) {
      // As in JSONL: an empty cell is an absent field (Alpaca's input), and a record with no text at all is an error.
      const columns = this.columns ?? [];
      const fields: FieldText[] = [];
      for (const index of this.textIndexes) {
        const cell = cells[index];
        if (cell === undefined || isBlank(cell)) continue;
        fields.push({ field: columns[index], text: detach(cell), textRange: { start: bounds[2 * index], end: bounds[2 * index + 1] } });
      }
      if (fields.length === 0) return this.out.error(record.line, `no text in ${this.textIndexes.map((index) => `"${columns[index]}"`).join(', ')}`);
      return this.out.row(record.line, joinFields(fields), fields[0].textRange, label, undefined, group, fields);
    }
    const text = cells[textIndex];
    if (isBlank(text)) return this.out.error(record.line, 'empty text');
    this.out.row(record.line, detach(text), { start: bounds[2 * textIndex], end: bounds[2 * textIndex + 1] }, label, undefined, group);
  }
}
