import { isBlank } from './blank';
import type { CsvRecord, CsvRecordHandler } from './csvRecord';

const QUOTE = 34;
const SPACE = 32;
const EOL = ['', '\n', '\r\n'];

/**
 * Groups lines into records as they arrive, tracking quotes and cell bounds. A quoted cell may span lines
 * and hold doubled quotes; a space may follow its closing quote, as papaparse allows. On a quote error
 * the record is reported on its first line and reading restarts at the next line, so one stray quote
 * costs one record, not the rest of the file. A record open for more than `maxChars` counts as unterminated.
 */
export class CsvRecordSplitter {
  private open = false;
  private startLine = 0;
  private parts: string[] = [];
  /** Lines after the first of an open record, to read again after a quote error. */
  private later: { text: string; line: number; eol: number }[] = [];
  private offset = 0;
  private cellStart = 0;
  private bounds: number[] = [];
  /** After an unterminated quote, records up to here may not span lines, which keeps restarts linear. */
  private noSpanUntil = 0;

  constructor(
    private readonly delimiter: string,
    private readonly maxChars: number,
    private readonly handler: CsvRecordHandler,
  ) {}

  push(text: string, line: number, eol: number): void {
    if (this.open) {
      this.later.push({ text, line, eol });
      this.scan(text, line, eol, true);
    } else if (!isBlank(text)) {
      this.startLine = line;
      this.scan(text, line, eol, false);
    }
  }

  /** Ends an open record as unterminated: at the end of the file, or at a line that could not be read. */
  interrupt(reason = 'is never closed'): void {
    while (this.open) this.fail(`unterminated quote: the quoted cell that starts on this line ${reason}`, true);
  }

  private scan(text: string, line: number, eol: number, quoted: boolean): void {
    const base = this.offset;
    const delimiter = this.delimiter;
    let i = 0;
    for (;;) {
      if (quoted) {
        const quote = text.indexOf('"', i);
        if (quote < 0) return this.continueRecord(text, line, eol);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          i = quote + 2;
          continue;
        }
        let after = quote + 1;
        while (text.charCodeAt(after) === SPACE) after++;
        if (after < text.length && !text.startsWith(delimiter, after)) return this.strayQuote(line);
        this.bounds.push(this.cellStart, base + quote + 1);
        if (after >= text.length) return this.complete(text);
        i = after + delimiter.length;
        this.cellStart = base + i;
        quoted = false;
      } else if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        i++;
      } else {
        const next = text.indexOf(delimiter, i);
        if (next < 0) {
          this.bounds.push(this.cellStart, base + text.length);
          return this.complete(text);
        }
        this.bounds.push(this.cellStart, base + next);
        i = next + delimiter.length;
        this.cellStart = base + i;
      }
    }
  }

  /** A quote inside a quoted cell that neither doubles nor closes it: on a later line, the cell was never closed. */
  private strayQuote(line: number): void {
    if (line > this.startLine) return this.fail(`unterminated quote: the quoted cell that starts on this line is not closed before line ${line}`, false);
    const shown = this.delimiter === '\t' ? 'a tab' : `"${this.delimiter}"`;
    this.fail(`malformed quotes: a closing quote must be followed by ${shown} or the end of the line`, false);
  }

  private continueRecord(text: string, line: number, eol: number): void {
    this.open = true;
    this.parts.push(text, EOL[eol]);
    this.offset += text.length + EOL[eol].length;
    if (line <= this.noSpanUntil) this.interrupt();
    else if (this.offset > this.maxChars) this.interrupt(`is not closed within ${this.maxChars} characters`);
  }

  private complete(text: string): void {
    const recordText = this.parts.length === 0 ? text : this.parts.join('') + text;
    const record: CsvRecord = { line: this.startLine, text: recordText, bounds: this.bounds };
    this.reset();
    this.handler.record(record);
  }

  private fail(message: string, unterminated: boolean): void {
    const later = this.later;
    if (unterminated && later.length > 0) this.noSpanUntil = Math.max(this.noSpanUntil, later[later.length - 1].line);
    this.handler.quoteError(this.startLine, message);
    this.reset();
    for (const held of later) this.push(held.text, held.line, held.eol);
  }

  private reset(): void {
    this.open = false;
    this.parts = [];
    this.later = [];
    this.offset = 0;
    this.cellStart = 0;
    this.bounds = [];
  }
}
