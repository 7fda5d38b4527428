/**
 * "Roughen All Flagged Rows in This File": asks the server what roughening would change, confirms with that
 * (how many of the flagged rows, and how), has the server apply it (one undoable workspace edit) and says what
 * it did. Where it would change nothing, it says why and offers the generation prompts instead.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, roughenPreviewRequest, SERVER_COMMANDS } from '../shared/protocol';
import { sendRequest } from './messages';
import type { StatusStore } from './status';
import { nothingToRoughen, roughenConfirmation } from './statusText';
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
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Synthgap server is not running. See the "Synthgap" output for why.');
    return;
  }
  // Says beforehand how many rows roughening changes (it only changes surface style), and afterwards what it did.
  const preview = await sendRequest(client, roughenPreviewRequest, { uri: uri.toString() });
  const confirm = roughenConfirmation(preview, name);
  if (!confirm) {
    const choice = await vscode.window.showInformationMessage(nothingToRoughen(preview.flagged, name), 'Show Generation Prompts');
    if (choice) await vscode.commands.executeCommand(CLIENT_COMMANDS.showPrompts, uri.toString());
    return;
  }
  if ((await vscode.window.showWarningMessage(confirm.message, { modal: true, detail: confirm.detail }, confirm.action)) !== confirm.action) return;
  try {
    const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.roughenAll, arguments: [uri.toString()] })) as { applied?: boolean; message?: string } | null;
    if (result?.message) void (result.applied ? vscode.window.showInformationMessage(`Synthgap: ${result.message}.`) : vscode.window.showWarningMessage(`Synthgap: ${result.message}`));
  } catch (error) {
    log.error(`Roughen all in ${uri.toString()} failed: ${(error as Error).message}`);
    void vscode.window.showErrorMessage(`Could not roughen the rows of ${name}: ${(error as Error).message}`);
  }
}
