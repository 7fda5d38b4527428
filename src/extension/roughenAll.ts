/**
 * "Roughen All Flagged Rows in This File": confirms with the number of rows from the last status, then asks
 * the server to apply the edit (one undoable workspace edit, made by the server).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../shared/protocol';
import type { StatusStore } from './status';
import { roughenConfirmation } from './statusText';
import { requireTrust } from './trust';

export async function roughenAll(client: LanguageClient | undefined, store: StatusStore, log: vscode.LogOutputChannel, arg?: unknown): Promise<void> {
  if (!(await requireTrust('Roughen All Flagged Rows'))) return;
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a synthetic dataset file to roughen its flagged rows.');
    return;
  }
  const name = path.posix.basename(uri.path);
  const flagged = store.summary(uri)?.flagged;
  if (flagged === undefined || flagged === 0) {
    void vscode.window.showInformationMessage(flagged === 0 ? `No rows in ${name} are flagged.` : `Synthgap has not analyzed ${name} yet.`);
    return;
  }
  const confirm = roughenConfirmation(flagged, name);
  if ((await vscode.window.showWarningMessage(confirm.message, { modal: true, detail: confirm.detail }, confirm.action)) !== confirm.action) return;
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Synthgap server is not running. See the "Synthgap" output for why.');
    return;
  }
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.roughenAll, arguments: [uri.toString()] });
  } catch (error) {
    log.error(`Roughen all in ${uri.toString()} failed: ${(error as Error).message}`);
    void vscode.window.showErrorMessage(`Could not roughen the rows of ${name}: ${(error as Error).message}`);
  }
}
