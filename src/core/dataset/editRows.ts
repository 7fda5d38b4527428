import { encodeTextValue } from './edit';
import type { DatasetFormat, DatasetRow } from './types';

/** A row of a document and the text it should hold instead. */
export interface TextEdit {
  readonly row: DatasetRow;
  readonly text: string;
}

/**
 * The whole document with each edited row's text value replaced (see {@link encodeTextValue}) and every other
 * character kept: other fields, other rows, bad lines, line endings, a byte-order mark. Rows are found by their
 * line and `textRange`, as `readDataset` reported them on this same text. Throws a RangeError when two edits
 * overlap or an edit lies outside the document.
 *
 * @example applyTextEdits('{"text":"Hi!"}\n', [{ row, text: 'hi' }], 'jsonl') // '{"text":"hi"}\n'
 */
export function applyTextEdits(document: string, edits: readonly TextEdit[], format: DatasetFormat, delimiter?: string): string {
  const starts = lineStarts(document, edits.reduce((max, edit) => Math.max(max, edit.row.line), 0));
  const spans = edits
    .map((edit) => ({ start: starts[edit.row.line - 1] + edit.row.textRange.start, end: starts[edit.row.line - 1] + edit.row.textRange.end, text: edit.text }))
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > document.length || Number.isNaN(span.start)) throw new RangeError(`edit at ${span.start}..${span.end} overlaps another or lies outside the document`);
    parts.push(document.slice(at, span.start), encodeTextValue(span.text, format, document.slice(span.start, span.end), delimiter));
    at = span.end;
  }
  parts.push(document.slice(at));
  return parts.join('');
}

/** Offsets where lines 1..`lines` start; line 1 starts after a byte-order mark, as the readers count it. */
function lineStarts(document: string, lines: number): number[] {
  const starts = [document.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; starts.length < lines; ) {
    const newline = document.indexOf('\n', i);
    if (newline < 0) break;
    starts.push(newline + 1);
    i = newline + 1;
  }
  return starts;
}
