/**
 * "Synthgap: Use as Real Reference": writes the chosen file(s) into synthgap.json's `reference` as one
 * undoable workspace edit, creating synthgap.json when there is none. The same file the CLI reads.
 * From the explorer or an editor's menu it acts on the clicked file; from the palette, the status bar, the prompt
 * or the walkthrough it always asks with a picker of the workspace's dataset files (referenceList.ts), because
 * the open file there is more likely the synthetic data than the reference. Changing an existing reference is
 * confirmed first; nothing is written when the user cancels.
 */
import * as vscode from 'vscode';
import { ConfigEditError, isDatasetPath, referencesIn, relativeReference, withReference } from './referenceConfig';
import { CONFIG_NAME, folderReference, pickReference, readText, resolveReference } from './referenceList';
import { isFlagged, referenceChangeConfirmation, sameReferences } from './referencePicker';
import type { StatusStore } from './status';
import { requireTrust } from './trust';

/** The nearest synthgap.json from the file's folder up to the workspace folder, else a new one at the root. */
async function configFor(file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<{ uri: vscode.Uri; exists: boolean }> {
  let dir = vscode.Uri.joinPath(file, '..');
  while (dir.path.startsWith(folder.uri.path)) {
    const candidate = vscode.Uri.joinPath(dir, CONFIG_NAME);
    try {
      await vscode.workspace.fs.stat(candidate);
      return { uri: candidate, exists: true };
    } catch {
      // Not here; look one folder up.
    }
    if (dir.path === folder.uri.path) break;
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return { uri: vscode.Uri.joinPath(folder.uri, CONFIG_NAME), exists: false };
}

/** The files the command acts on: the explorer selection or the clicked file; else the picker (undefined: cancelled). */
async function chosenFiles(store: StatusStore, uri: unknown, uris: unknown): Promise<vscode.Uri[] | undefined> {
  if (Array.isArray(uris) && uris.every((u) => u instanceof vscode.Uri) && uris.length > 0) return uris;
  if (uri instanceof vscode.Uri) return [uri];
  return pickReference(store);
}

/** The reference the edit replaces: the one in the synthgap.json it edits, else the one the folder uses now. */
async function replaced(config: { uri: vscode.Uri; exists: boolean }, folder: vscode.WorkspaceFolder): Promise<{ shown: string[]; paths: string[] }> {
  const configDir = vscode.Uri.joinPath(config.uri, '..');
  const written = config.exists ? referencesIn(await readText(config.uri)) : [];
  if (written.length > 0) return { shown: written, paths: written.map((p) => resolveReference(configDir, p).fsPath) };
  const used = await folderReference(folder);
  return { shown: used.shown, paths: used.uris.map((u) => u.fsPath) };
}

export async function useAsReference(log: vscode.LogOutputChannel, store: StatusStore, uri?: unknown, uris?: unknown): Promise<void> {
  if (!(await requireTrust('Use as Real Reference'))) return;
  const files = await chosenFiles(store, uri, uris);
  if (!files || files.length === 0) return;
  const notDataset = files.find((file) => !isDatasetPath(file.path));
  if (notDataset) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(notDataset)} is not a JSONL, CSV or TSV file.`);
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(files[0]);
  if (!folder || files.some((file) => vscode.workspace.getWorkspaceFolder(file)?.uri.toString() !== folder.uri.toString())) {
    void vscode.window.showErrorMessage('The reference must be in one open workspace folder, because synthgap.json stores paths relative to it.');
    return;
  }
  const config = await configFor(files[0], folder);
  const configDir = vscode.Uri.joinPath(config.uri, '..').fsPath;
  const references = files.map((file) => relativeReference(configDir, file.fsPath));
  const current = await replaced(config, folder);
  if (sameReferences(files.map((file) => file.fsPath), current.paths)) {
    void vscode.window.showInformationMessage(`${references.join(', ')} is already the real reference.`);
    return;
  }
  const flagged = files.flatMap((file) => {
    const summary = store.summary(file);
    return summary && isFlagged(summary) ? [`${vscode.workspace.asRelativePath(file)} has ${summary.flagged.toLocaleString('en-US')} of ${summary.rows.toLocaleString('en-US')} rows flagged as synthetic.`] : [];
  });
  const question = referenceChangeConfirmation(references, current.shown, flagged.join(' ') || undefined);
  if (question) {
    const answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.action);
    if (answer !== question.action) return;
  }
  try {
    const edit = new vscode.WorkspaceEdit();
    let document: vscode.TextDocument | undefined;
    if (config.exists) {
      document = await vscode.workspace.openTextDocument(config.uri);
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      edit.replace(config.uri, whole, withReference(document.getText(), references));
    } else {
      edit.createFile(config.uri, { contents: new TextEncoder().encode(withReference(undefined, references)) });
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the edit to ${config.uri.fsPath}`);
    // The server and the CLI read synthgap.json from disk, so the edit is saved (one undo still reverts it).
    if (document) await document.save();
    log.info(`Reference set to ${references.join(', ')} in ${config.uri.fsPath}${current.shown.length ? ` (was ${current.shown.join(', ')})` : ''}`);
    vscode.window.setStatusBarMessage(`$(check) Synthgap compares against ${references.join(', ')}`, 5000);
  } catch (error) {
    const message = error instanceof ConfigEditError ? error.message : `Could not update ${CONFIG_NAME}: ${(error as Error).message}`;
    log.error(message);
    void vscode.window.showErrorMessage(message);
  }
}
