import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node';
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  escapeMarkdown,
  formatDecimal,
  formatScore,
  formatShare,
  oneLine,
  reasonHeadline,
  type DatasetFormat,
} from '../core';
import type { FileAnalysis } from './fileState';
import { valueRange } from './positions';
import type { RowDetail } from './rowsProtocol';

/**
 * What a row's hover says: its score and where that sits among the real rows' scores, the reasons measured
 * against the real set, and the nearest real row for contrast. Dataset text goes in as text, never markup.
 * `onLine` are the rows of the hovered line, from the rows worker (a chat line has one per turn).
 */
export function rowHover(file: FileAnalysis, onLine: readonly RowDetail[], position: Position, document: TextDocument | undefined): Hover | undefined {
  const row = rowAtPosition(onLine, file.view.format, position, document);
  if (!row) return undefined;
  const lines: string[] = [];
  const figure = `score ${formatScore(row.score)}, higher than ${formatShare(row.percentile)} of real rows`;
  const threshold = file.view.flagThreshold !== undefined ? formatDecimal(file.view.flagThreshold, 2) : '?';
  const field = scopeText(row);
  if (!row.flagged) {
    lines.push(`**Synthgap**${field}: ${figure}; not flagged (threshold ${threshold}).`);
  } else {
    lines.push(`**Synthgap: looks synthetic**${field}: ${figure} (flagged above ${threshold}).`, '');
    if (row.reasons.length > 0) {
      lines.push(`${reasonHeadline(row.reasons)}:`, ...row.reasons.map((reason) => `- ${escapeMarkdown(reason.message)}`));
    }
  }
  const nearest = row.nearest;
  if (nearest) {
    const where = `${basename(nearest.file)}:${nearest.line}`;
    // A record is compared whole: its nearest real row is a whole conversation or record, its fields joined by ↵.
    const what = row.record === 'conversation' ? 'conversation' : row.record === 'record' ? 'record' : 'row';
    lines.push('', `Nearest real ${what} (${escapeMarkdown(where)}, similarity ${formatDecimal(nearest.similarity, 2)}):`, '', `> ${escapeMarkdown(oneLine(nearest.text))}`);
  }
  const range = valueRange(row, file.view.format, document);
  // An unflagged record names no field: the hover then stands where the mouse is, not on a field it is not about.
  const placed = row.field !== undefined || row.record === undefined || contains(range, position);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, ...(placed ? { range } : {}) };
}

/**
 * What a record's score and reasons are about: a record read field by field is scored whole, and its flag (the
 * underline and the reasons) is about one field of it, or about the whole record when an edit was scored whole.
 */
function scopeText(row: RowDetail): string {
  if (row.record === undefined) return '';
  if (row.field !== undefined) return ` · ${escapeMarkdown(row.field)} field (the score is the whole ${row.record}'s)`;
  return ` · the whole ${row.record}`;
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** The row on the hovered line; on a chat line, the turn whose value holds the position. */
export function rowAtPosition<T extends RowDetail>(onLine: readonly T[], format: DatasetFormat, position: Position, document: TextDocument | undefined): T | undefined {
  if (onLine.length <= 1) return onLine[0];
  return onLine.find((row) => {
    const range = valueRange(row, format, document);
    return range.start.character <= position.character && position.character <= range.end.character;
  }) ?? onLine[0];
}
