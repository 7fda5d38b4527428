/**
 * What the report panel's buttons and clicks do in the editor: reveal a row, roughen it, find a phrase, save the
 * report as one self-contained HTML file, copy it as Markdown. Each returns what to tell the user, if anything.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatCount, savedReportPage } from '../core/present';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PanelMessage, PanelSnapshot, StaticPanelData } from '../shared/panel';
import { CLIENT_COMMANDS, panelMarkdownRequest, panelRowsRequest, panelSnapshotRequest, SERVER_COMMANDS } from '../shared/protocol';
import { sendRequest } from './messages';

type Message<T extends PanelMessage['type']> = Extract<PanelMessage, { type: T }>;

/** Opens the dataset (or a reference file) beside the panel and selects the row's line. */
export async function revealRow(dataset: vscode.Uri, message: Message<'revealRow'>): Promise<void> {
  const target = message.file ? resolveFile(dataset, message.file) : dataset;
  const document = await vscode.workspace.openTextDocument(target);
  const line = Math.min(Math.max(0, message.line - 1), document.lineCount - 1);
  const range = document.lineAt(line).range;
  await vscode.window.showTextDocument(document, { viewColumn: editorColumn(target), selection: range, preserveFocus: false });
}

/**
 * Runs the server's roughen command on one row: one undoable edit, as the quick fix does. Never silent: when
 * roughening changes nothing on the row, it says why and offers the generation prompts.
 */
export async function roughenRow(dataset: vscode.Uri, message: Message<'roughenRow'>): Promise<void> {
  const result = await vscode.commands.executeCommand<{ applied?: boolean; message?: string } | null>(SERVER_COMMANDS.roughenRow, dataset.toString(), message.line, message.turn);
  if (!result || result.applied) return;
  const choice = await vscode.window.showInformationMessage(`Synthgap: ${result.message ?? 'roughening changed nothing.'}`, 'Show Generation Prompts');
  if (choice) await vscode.commands.executeCommand(CLIENT_COMMANDS.showPrompts, dataset.toString());
}

/** Opens the find widget on the dataset (synthetic phrases) or on the first reference file (real ones). */
export async function findPhrase(dataset: vscode.Uri, message: Message<'findPhrase'>, snapshot: PanelSnapshot | undefined): Promise<void> {
  const reference = snapshot?.referenceFiles[0];
  const target = message.side === 'real' && reference ? resolveFile(dataset, reference) : dataset;
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { viewColumn: editorColumn(target), preserveFocus: false });
  await vscode.commands.executeCommand('editor.actions.findWithArgs', { searchString: message.phrase, isRegex: false, matchWholeWord: false, isCaseSensitive: false });
}

/** Asks where to save, then writes the panel's page with its script, style and data inlined. */
export async function saveHtml(extensionUri: vscode.Uri, dataset: vscode.Uri, client: LanguageClient): Promise<string | undefined> {
  const name = path.posix.basename(dataset.path).replace(/\.[^.]+$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(dataset, '..', `${name}.gap-report.html`),
    filters: { HTML: ['html'] },
    saveLabel: 'Save Gap Report',
  });
  if (!target) return undefined;
  const uri = dataset.toString();
  const { snapshot } = await sendRequest(client, panelSnapshotRequest, { uri });
  if (!snapshot) return `Nothing to save: ${path.posix.basename(dataset.path)} has no report yet.`;
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const [script, style] = await Promise.all(['panel.js', 'panel.css'].map(async (file) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(assets, file)))));
  // The page `synthgap check --format html` writes: core picks the rows and builds the page, the server pages the rows.
  const { html, datasets: [saved] } = await savedReportPage([{ snapshot, fetchRows: (query) => sendRequest(client, panelRowsRequest, { uri, query }) }], {
    script, style, theme: themeName(vscode.window.activeColorTheme.kind), nonce: randomBytes(18).toString('base64url'),
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const rows = saved.rows.length < saved.totalRows ? `${formatCount(saved.rows.length)} of ${formatCount(saved.totalRows)} rows: the flagged and the most synthetic-looking` : `all ${formatCount(saved.totalRows)} rows`;
  return `Saved ${path.posix.basename(target.path)} (${rows}).`;
}

/** Puts the report, as Markdown, on the clipboard. */
export async function copyMarkdown(dataset: vscode.Uri, client: LanguageClient): Promise<string> {
  const { markdown } = await sendRequest(client, panelMarkdownRequest, { uri: dataset.toString() });
  if (!markdown) return `Nothing to copy: ${path.posix.basename(dataset.path)} has no report yet.`;
  await vscode.env.clipboard.writeText(markdown);
  return `Copied the report as Markdown (${formatCount(markdown.split('\n').length)} lines).`;
}

/** A report names reference files by absolute path or relative to the dataset's workspace folder. */
function resolveFile(dataset: vscode.Uri, file: string): vscode.Uri {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.getWorkspaceFolder(dataset)?.uri ?? vscode.Uri.joinPath(dataset, '..');
  return vscode.Uri.joinPath(folder, file);
}

/** The column that already shows the file, else the first: the panel itself sits beside. */
function editorColumn(uri: vscode.Uri): vscode.ViewColumn {
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
}

function themeName(kind: vscode.ColorThemeKind): StaticPanelData['theme'] {
  if (kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight) return 'high-contrast';
  return kind === vscode.ColorThemeKind.Dark ? 'dark' : 'light';
}
