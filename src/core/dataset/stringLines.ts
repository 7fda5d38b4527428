import { lineTooLongMessage, utf8ByteLength } from './byteSize';
import type { LineSink } from './lineSink';

/**
 * Feeds the lines of an editor document's text to `sink`. A leading BOM is dropped, `\r\n` and `\n` end
 * lines (the `\r` is not part of the line), and a final line break does not start another line.
 */
export function splitStringLines(text: string, sink: LineSink, maxLineBytes: number): void {
  emitTextLines(text, sink, maxLineBytes, 1, false);
}

/**
 * Feeds the lines of `text`, numbered from `firstLine`, and returns the number after the last one. With
 * `terminated`, `text` stands for lines that all ended with `\n` (the last one without its `\n`), as the
 * byte splitter decodes them in blocks. A BOM is dropped at the start of line 1.
 */
export function emitTextLines(text: string, sink: LineSink, maxLineBytes: number, firstLine: number, terminated: boolean): number {
  const length = text.length;
  let start = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = firstLine;
  while (start < length || (terminated && start === length)) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? length + 1 : newline + 1;
    let end = newline < 0 ? length : newline;
    let eol = newline < 0 && !terminated ? 0 : 1;
    if (end > start && text.charCodeAt(end - 1) === 13) {
      end--;
      eol++;
    }
    // A UTF-16 unit is at most 3 UTF-8 bytes, so most lines need no byte count at all.
    const bytes = (end - start) * 3 > maxLineBytes ? utf8ByteLength(text, start, end) : 0;
    if (bytes > maxLineBytes) sink.badLine(lineNumber, lineTooLongMessage(bytes, maxLineBytes));
    else sink.line(text.slice(start, end), lineNumber, eol);
    lineNumber++;
    start = next;
  }
  return lineNumber;
}
