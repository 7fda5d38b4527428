import type { Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DatasetFormat, DatasetRow } from '../core';

/** What a position needs of a row: its line and where its text value stands on it. */
export type RowPlace = Pick<DatasetRow, 'line' | 'textRange'>;

/**
 * Where a row's text value stands in the editor. A quoted value's range is inside its quotes (what the user
 * reads), an unquoted CSV cell's is the cell. Offsets count from the row's first line and may run over line
 * breaks (a quoted CSV cell), so with the document at hand they are mapped through it.
 */
export function valueRange(row: RowPlace, format: DatasetFormat, document: TextDocument | undefined): Range {
  const { start, end } = row.textRange;
  const quoted = document ? document.getText(rangeOf(row.line, start, start + 1, document)) === '"' : format === 'jsonl';
  const inner = quoted && end - start >= 2 ? { start: start + 1, end: end - 1 } : { start, end };
  return rangeOf(row.line, inner.start, inner.end, document);
}

/** The whole of a 1-based line (or its first character without the document). */
export function lineRange(line: number, document: TextDocument | undefined): Range {
  const start: Position = { line: line - 1, character: 0 };
  if (!document) return { start, end: { line: line - 1, character: 1 } };
  const next = document.offsetAt({ line, character: 0 });
  const text = document.getText({ start, end: document.positionAt(next) }).replace(/\r?\n$/, '');
  return { start, end: { line: line - 1, character: text.length } };
}

/** The range of the literal itself, quotes included: what an edit replaces. */
export function literalRange(row: RowPlace, document: TextDocument | undefined): Range {
  return rangeOf(row.line, row.textRange.start, row.textRange.end, document);
}

function rangeOf(line: number, start: number, end: number, document: TextDocument | undefined): Range {
  if (!document) return { start: { line: line - 1, character: start }, end: { line: line - 1, character: end } };
  const base = document.offsetAt({ line: line - 1, character: 0 });
  return { start: document.positionAt(base + start), end: document.positionAt(base + end) };
}
