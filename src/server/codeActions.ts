import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CLIENT_COMMANDS, DIAGNOSTIC_CODES, SERVER_COMMANDS, type RowDiagnosticData } from '../shared/protocol';
import { SOURCE } from './diagnostics';
import type { FileAnalysis } from './fileState';
import type { RoughenedRow, RowView } from './rowsProtocol';
import { describeChanges, roughenRowEdit } from './roughenEdits';

export interface ActionContext {
  readonly uri: string;
  readonly file: FileAnalysis;
  readonly document: TextDocument;
  /** False in restricted mode: then no action that writes is offered. */
  readonly trusted: boolean;
}

export interface ActionTarget {
  readonly row: RowView;
  readonly diagnostic?: Diagnostic;
}

/** The flagged rows a code action request is about: those of its diagnostics, else the flagged row on its line. */
export function actionTargets(file: FileAnalysis, diagnostics: readonly Diagnostic[], range: Range): ActionTarget[] {
  const ours = diagnostics.filter((d) => d.source === SOURCE && d.code === DIAGNOSTIC_CODES.tooClean && isRowData(d.data));
  const targets: ActionTarget[] = ours.flatMap((diagnostic) => {
    const data = diagnostic.data as RowDiagnosticData;
    const row = file.flaggedAt(data.line, data.turn);
    return row ? [{ row, diagnostic }] : [];
  });
  if (targets.length > 0) return targets;
  const row = file.flaggedAt(range.start.line + 1);
  return row ? [{ row }] : [];
}

/**
 * The quick fixes of flagged rows: roughen this row (preferred, the edit itself, titled with what it changes) or,
 * where roughening changes nothing, an entry that says so and opens the generation prompt for the row's label;
 * roughen every flagged row (the client confirms first), ignore the row, open the report. `roughened` are the
 * targets' rows as the rows worker roughened them (a row roughening leaves unchanged is not among them).
 */
export function rowCodeActions(context: ActionContext, targets: readonly ActionTarget[], roughened: readonly RoughenedRow[]): CodeAction[] {
  if (targets.length === 0) return [];
  const actions: CodeAction[] = [];
  const { uri } = context;
  for (const { row, diagnostic } of targets) {
    const fixes = diagnostic ? { diagnostics: [diagnostic] } : {};
    if (context.trusted) {
      const rough = roughened.find((r) => r.line === row.line && r.turn === row.turn);
      const edit = rough && roughenRowEdit(context.file, rough, context.document);
      if (rough && edit) {
        actions.push({
          title: `Roughen this example: ${describeChanges(rough.changes)}`,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          edit: { changes: { [uri]: [edit] } },
          ...fixes,
        });
      }
      if (!rough || !edit) {
        // Roughening only changes surface style; this row differs in what it says or how it is worded.
        const title = `No automatic fix: roughening changes nothing here (the difference is wording or content); show the generation prompt${row.label !== undefined ? ` for "${row.label}"` : 's'}`;
        actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: CLIENT_COMMANDS.showPrompts, arguments: [uri, ...(row.label !== undefined ? [row.label] : [])] }, ...fixes });
      }
      const args = [uri, row.line, ...(row.turn !== undefined ? [row.turn] : [])];
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
