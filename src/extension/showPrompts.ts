/**
 * "Synthgap: Show Generation Prompts": asks the server for the file's generation prompts (one label's when a
 * quick fix names it) and opens them as an untitled Markdown document, with progress while they are computed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { promptsRequest } from '../shared/protocol';
import { sendRequest } from './messages';

export async function showPrompts(client: LanguageClient | undefined, log: vscode.LogOutputChannel, uriArg?: unknown, labelArg?: unknown): Promise<void> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a synthetic dataset file to see generation prompts for what it does not cover.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Synthgap server is not running. See the "Synthgap" output for why.');
    return;
  }
  const label = typeof labelArg === 'string' ? labelArg : undefined;
  const name = path.posix.basename(uri.path);
  const title = label !== undefined ? `Writing the generation prompt for "${label}" (${name})…` : `Writing generation prompts for ${name}…`;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    sendRequest(client, promptsRequest, { uri: uri.toString(), ...(label !== undefined ? { label } : {}) }));
  if (result.markdown === null) {
    log.info(`No prompts for ${uri.toString()}: ${result.reason ?? 'unknown reason'}`);
    void vscode.window.showInformationMessage(`Synthgap: no generation prompts for ${name}: ${result.reason ?? 'nothing to show'}.`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(document, { preview: false });
}
