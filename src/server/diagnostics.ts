import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reasonsSentence } from '../core';
import { DIAGNOSTIC_CODES, type RowDiagnosticData } from '../shared/protocol';
import type { SynthgapSettings } from '../shared/settings';
import type { FileAnalysis } from './fileState';
import type { RowView } from './rowsProtocol';
import { lineRange, valueRange } from './positions';

export const SOURCE = 'synthgap';
const DOCS = 'https://github.com/synthgap/synthgap';
export const DOCS_TOO_CLEAN = `${DOCS}#diagnostic-too-clean`;
export const DOCS_BAD_INPUT = `${DOCS}#diagnostic-bad-input`;

const SEVERITY: Record<SynthgapSettings['severity'], DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
};

/**
 * A file's diagnostics: every bad line as an error, then the flagged rows, most synthetic-looking first, up to
 * `maxDiagnostics` (VS Code keeps 1,000 per file; the rest are in the report, and the CodeLens and status
 * say so). Which rows are flagged is the analysis's call (the flag plan of core gap/verdict.ts; rows the user
 * ignored are never flagged, see FileAnalysis), so every view counts the same rows.
 */
export function fileDiagnostics(
  uri: string,
  file: FileAnalysis,
  settings: SynthgapSettings,
  document: TextDocument | undefined,
): Diagnostic[] {
  // A warning: the line was read, with something left out of it (a label that is an object, a repeated column).
  const diagnostics: Diagnostic[] = file.view.errors.map((error) => ({
    range: lineRange(error.line, document),
    severity: error.warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    source: SOURCE,
    code: DIAGNOSTIC_CODES.badInput,
    codeDescription: { href: DOCS_BAD_INPUT },
    message: error.warning ? `Read with a warning: ${error.message}` : `Cannot analyze this line: ${error.message}`,
  }));
  const warnAbove = file.view.warnAbove;
  const flagged = file.flaggedByScore();
  const limit = Math.max(0, settings.maxDiagnostics);
  for (const scored of flagged) {
    if (diagnostics.length - file.view.errors.length >= limit) break;
    diagnostics.push(rowDiagnostic(uri, scored, file, settings.severity, warnAbove, document));
  }
  return diagnostics;
}

function rowDiagnostic(
  uri: string,
  row: RowView,
  file: FileAnalysis,
  severity: SynthgapSettings['severity'],
  warnAbove: number,
  document: TextDocument | undefined,
): Diagnostic {
  const data: RowDiagnosticData = { uri, line: row.line, score: row.score, hash: row.hash, ...(row.turn !== undefined ? { turn: row.turn } : {}) };
  return {
    range: valueRange(row, file.view.format, document),
    severity: row.score > warnAbove ? DiagnosticSeverity.Warning : SEVERITY[severity],
    source: SOURCE,
    code: DIAGNOSTIC_CODES.tooClean,
    codeDescription: { href: DOCS_TOO_CLEAN },
    message: rowMessage(row),
    data,
  };
}

/**
 * What the Problems panel says of a row. The reasons of a record's flag each name its field (`assistant: starts
 * with a capital letter`); the message names it once: `assistant field reads unlike the real rows: starts with …`.
 */
function rowMessage(row: RowView): string {
  const prefix = row.field !== undefined ? `${row.field}: ` : '';
  if (!prefix || row.reasons.length === 0 || !row.reasons.every((reason) => reason.message.startsWith(prefix))) return reasonsSentence(row.reasons, row.percentile);
  const sentence = reasonsSentence(row.reasons.map((reason) => ({ ...reason, message: reason.message.slice(prefix.length) })), row.percentile);
  return `${row.field} field ${sentence[0].toLowerCase()}${sentence.slice(1)}`;
}
