/**
 * "Synthgap: Use as Real Reference": writes the chosen file(s) into synthgap.json's `reference` as one
 * undoable workspace edit, creating synthgap.json when there is none. The same file the CLI reads.
 */
import * as vscode from 'vscode';
import { ConfigEditError, isDatasetPath, relativeReference, withReference } from './referenceConfig';
import { requireTrust } from './trust';

const CONFIG_NAME = 'synthgap.json';

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

/**
 * The argument of the status bar's and the prompt's "choose a reference": always a dialog, because the active
 * file there is more likely the synthetic data than the reference.
 */
export const PICK_REFERENCE = { pick: true } as const;

const isPick = (arg: unknown): boolean => typeof arg === 'object' && arg !== null && (arg as { pick?: unknown }).pick === true;

/** The files the command acts on: the explorer selection, the clicked file, the active editor, or a dialog. */
async function chosenFiles(uri: unknown, uris: unknown): Promise<vscode.Uri[]> {
  if (Array.isArray(uris) && uris.every((u) => u instanceof vscode.Uri) && uris.length > 0) return uris;
  if (uri instanceof vscode.Uri) return [uri];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!isPick(uri) && active?.scheme === 'file' && isDatasetPath(active.fsPath)) return [active];
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Use as Real Reference',
    filters: { 'Datasets (JSONL, CSV, TSV)': ['jsonl', 'csv', 'tsv'] },
  });
  return picked ?? [];
}

export async function useAsReference(log: vscode.LogOutputChannel, uri?: unknown, uris?: unknown): Promise<void> {
  if (!(await requireTrust('Use as Real Reference'))) return;
  const files = await chosenFiles(uri, uris);
  if (files.length === 0) return;
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
    log.info(`Reference set to ${references.join(', ')} in ${config.uri.fsPath}`);
    vscode.window.setStatusBarMessage(`$(check) Synthgap compares against ${references.join(', ')}`, 5000);
  } catch (error) {
    const message = error instanceof ConfigEditError ? error.message : `Could not update ${CONFIG_NAME}: ${(error as Error).message}`;
    log.error(message);
    void vscode.window.showErrorMessage(message);
  }
}
