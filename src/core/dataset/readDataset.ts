import { throwIfCancelled } from '../host';
import { isBlank } from './blank';
import { ByteLineSplitter } from './byteLines';
import { CsvReader } from './csvReader';
import { formatFromFileName, sniffFormat } from './detectFormat';
import { JsonlReader } from './jsonlReader';
import { DatasetOutput, type FormatReader, type LineSink } from './lineSink';
import { splitStringLines } from './stringLines';
import { DEFAULT_MAX_LINE_BYTES, type DatasetFormat, type ParsedDataset, type ReadOptions } from './types';

/** Lines between cancellation checks. */
const CHECK_EVERY = 4096;

/**
 * Reads a dataset with positions: an open document's text, or a file's bytes in chunks of any size
 * (streamed: only the line being read is held, never a second copy of the file). Bad lines become
 * `errors` with their line numbers and the rest is still read; only cancellation rejects.
 *
 * @example await readDataset('{"text":"hi","label":"greet"}\n', {}) // rows: [{ line: 1, text: 'hi', … }]
 */
export async function readDataset(
  input: string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: ReadOptions,
): Promise<ParsedDataset> {
  const router = new FormatRouter(options);
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (typeof input === 'string') {
    splitStringLines(input, router, maxLineBytes);
  } else {
    const splitter = new ByteLineSplitter(router, maxLineBytes);
    if (input instanceof Uint8Array) splitter.push(input);
    else if (Symbol.asyncIterator in input) for await (const chunk of input) splitter.push(chunk);
    else for (const chunk of input) splitter.push(chunk);
    splitter.end();
  }
  return router.finish();
}

/** Picks the reader when the first content line arrives (blank lines before it say nothing). */
class FormatRouter implements LineSink {
  private readonly out: DatasetOutput;
  private format: DatasetFormat | undefined;
  private reader: FormatReader | undefined;

  constructor(private readonly options: ReadOptions) {
    this.out = new DatasetOutput(options.sample);
    this.format = options.format ?? formatFromFileName(options.fileName);
  }

  line(text: string, lineNumber: number, eolLength: number): void {
    if (lineNumber % CHECK_EVERY === 0) throwIfCancelled(this.options.token);
    if (this.reader === undefined) {
      if (isBlank(text)) return;
      this.format ??= sniffFormat(text);
      this.reader = this.format === 'jsonl' ? new JsonlReader(this.out, this.options) : new CsvReader(this.out, this.options, this.format === 'tsv');
    }
    this.reader.line(text, lineNumber, eolLength);
  }

  badLine(lineNumber: number, message: string): void {
    if (this.reader) this.reader.badLine(lineNumber, message);
    else this.out.error(lineNumber, message);
  }

  finish(): ParsedDataset {
    throwIfCancelled(this.options.token);
    const fields = this.reader?.finish() ?? { textField: this.options.textField ?? 'text' };
    this.out.finishRows();
    const { rows, errors } = this.out;
    errors.sort((a, b) => a.line - b.line);
    return { format: this.format ?? 'jsonl', ...fields, rows, errors, ...(this.options.sample ? { rowsRead: this.out.read } : {}) };
  }
}
