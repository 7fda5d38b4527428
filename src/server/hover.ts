import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { basename } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, ScoredRow } from './fileState';
import { escapeMarkdown, formatDecimal, formatScore, formatShare } from '../core/report/format';
import { reasonHeadline } from '../core/report/sentences';
import { valueRange } from './positions';

/**
 * What a row's hover says: its score and where that sits among the real rows' scores, the reasons measured
 * against the real set, and the nearest real row for contrast. Dataset text goes in as text, never markup.
 */
export function rowHover(file: FileAnalysis, position: Position, document: TextDocument | undefined): Hover | undefined {
  const scored = rowAtPosition(file, position, document);
  if (!scored) return undefined;
  const { row, result } = scored;
  const lines: string[] = [];
  const figure = `score ${formatScore(result.score)}, higher than ${formatShare(result.percentile)} of real rows`;
  if (!result.flagged) {
    lines.push(`**Synthgap**: ${figure}; not flagged (threshold ${file.model ? formatDecimal(file.model.flagThreshold, 2) : '?'}).`);
  } else {
    lines.push(`**Synthgap: looks synthetic**: ${figure} (flagged above ${file.model ? formatDecimal(file.model.flagThreshold, 2) : '?'}).`, '');
    if (result.reasons.length > 0) {
      lines.push(`${reasonHeadline(result.reasons)}:`, ...result.reasons.map((reason) => `- ${escapeMarkdown(reason.message)}`));
    }
  }
  const nearest = file.model?.nearest(row.text);
  if (nearest) {
    const where = `${basename(nearest.row.file)}:${nearest.row.line}`;
    lines.push('', `Nearest real row (${escapeMarkdown(where)}, similarity ${formatDecimal(nearest.similarity, 2)}):`, '', `> ${escapeMarkdown(nearest.row.text)}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: valueRange(row, file.data.format, document) };
}

/** The row on the hovered line; on a chat line, the turn whose value holds the position. */
export function rowAtPosition(file: FileAnalysis, position: Position, document: TextDocument | undefined): ScoredRow | undefined {
  const onLine = file.rows.filter((scored) => scored.row.line === position.line + 1);
  if (onLine.length <= 1) return onLine[0];
  return onLine.find((scored) => {
    const range = valueRange(scored.row, file.data.format, document);
    return range.start.character <= position.character && position.character <= range.end.character;
  }) ?? onLine[0];
}
