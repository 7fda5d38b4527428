import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WordDictionary } from '../core/host';
import { CLIENT_COMMANDS, DIAGNOSTIC_CODES, SERVER_COMMANDS, type RowDiagnosticData } from '../shared/protocol';
import { SOURCE } from './diagnostics';
import type { FileAnalysis, ScoredRow } from './fileState';
import { describeChanges, roughenRowEdit } from './roughenEdits';

export interface ActionContext {
  readonly uri: string;
  readonly file: FileAnalysis;
  readonly document: TextDocument;
  readonly dictionary: WordDictionary;
  readonly seed: number;
  /** False in restricted mode: then no action that writes is offered. */
  readonly trusted: boolean;
}

/**
 * The quick fixes of flagged rows: roughen this row (preferred, the edit itself, titled with what it changes),
 * roughen every flagged row (the client confirms first), ignore the row, open the report.
 */
export function rowCodeActions(context: ActionContext, diagnostics: readonly Diagnostic[], range: Range): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === SOURCE && d.code === DIAGNOSTIC_CODES.tooClean && isRowData(d.data));
  const targets: { scored: ScoredRow; diagnostic?: Diagnostic }[] = ours.flatMap((diagnostic) => {
    const data = diagnostic.data as RowDiagnosticData;
    const scored = context.file.rowAt(data.line, data.turn);
    return scored ? [{ scored, diagnostic }] : [];
  });
  if (targets.length === 0) {
    const scored = context.file.rowAt(range.start.line + 1);
    if (scored?.result.flagged) targets.push({ scored });
  }
  if (targets.length === 0) return [];
  const actions: CodeAction[] = [];
  const { uri } = context;
  for (const { scored, diagnostic } of targets) {
    const fixes = diagnostic ? { diagnostics: [diagnostic] } : {};
    if (context.trusted) {
      const roughened = roughenRowEdit(context.file, scored, context.document, context.dictionary, context.seed);
      if (roughened) {
        actions.push({
          title: `Roughen this example: ${describeChanges(roughened.changes)}`,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          edit: { changes: { [uri]: [roughened.edit] } },
          ...fixes,
        });
      }
      const args = [uri, scored.row.line, ...(scored.row.turn !== undefined ? [scored.row.turn] : [])];
      actions.push({ title: 'Ignore this row', kind: CodeActionKind.QuickFix, command: { title: 'Ignore this row', command: SERVER_COMMANDS.ignoreRow, arguments: args }, ...fixes });
    }
  }
  if (context.trusted) {
    actions.push({ title: 'Roughen all flagged rows in this file', kind: CodeActionKind.QuickFix, command: { title: 'Roughen all flagged rows in this file', command: CLIENT_COMMANDS.roughenAll, arguments: [uri] } });
  }
  actions.push({ title: 'Open gap report', kind: CodeActionKind.QuickFix, command: { title: 'Open gap report', command: CLIENT_COMMANDS.openReport, arguments: [uri] } });
  return actions;
}

function isRowData(data: unknown): data is RowDiagnosticData {
  return typeof data === 'object' && data !== null && typeof (data as RowDiagnosticData).line === 'number';
}
