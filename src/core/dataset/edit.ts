import type { DatasetFormat, DatasetRow } from './types';

/**
 * `line` with the row's text value (exactly `row.textRange`) replaced by `newText`, written as the format
 * writes a value; every other character of `line` is kept as it was. `line` is the text from the start of
 * the row's first line: for a quoted CSV cell that spans lines it must run on over them, since the range
 * counts across the record's line breaks. Throws a RangeError when the range does not fit in `line`.
 *
 * @example replaceTextInLine('{"text": "Hi!", "label": "greet"}', row, 'hi', 'jsonl') // '{"text": "hi", "label": "greet"}'
 */
export function replaceTextInLine(line: string, row: DatasetRow, newText: string, format: DatasetFormat, delimiter?: string): string {
  const { start, end } = row.textRange;
  if (start < 0 || end > line.length || start > end) throw new RangeError(`text range ${start}..${end} is outside the line (${line.length} characters)`);
  const literal = encodeTextValue(newText, format, line.slice(start, end), delimiter);
  return line.slice(0, start) + literal + line.slice(end);
}

/**
 * A text value as it is written in a file of `format`, in the style of the value it replaces (`original`, the
 * literal as it stands in the file, quotes included).
 * JSONL: a JSON string literal (`JSON.stringify`, so `JSON.parse` gives `text` back); when the original is
 * pure ASCII with `\u` escapes (Python's `ensure_ascii`), non-ASCII characters are escaped the same way.
 * CSV and TSV (RFC 4180): quoted, with quotes doubled, when the original was quoted or the text holds the
 * delimiter, a quote, a line break, or space at either end; bare otherwise.
 *
 * @example encodeTextValue('say "hi", ok', 'csv') // '"say ""hi"", ok"'
 */
export function encodeTextValue(text: string, format: DatasetFormat, original = '', delimiter?: string): string {
  if (format === 'jsonl') {
    const literal = JSON.stringify(text);
    const asciiEscaped = /\\u[0-9a-fA-F]{4}/.test(original) && !/[^\x00-\x7f]/.test(original);
    return asciiEscaped ? literal.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : literal;
  }
  const separator = delimiter ?? (format === 'tsv' ? '\t' : ',');
  const quoted = original.startsWith('"');
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) || text === '';
  return quoted || needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
