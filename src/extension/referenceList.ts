/**
 * The palette's reference picker on the editor side: finds the workspace's dataset files the way the server
 * does (the `synthgap.include` and `synthgap.exclude` settings of each folder), reads the reference each folder
 * uses now (synthgap.json at its root, else the `synthgap.reference` setting), and shows the QuickPick whose
 * items and preselection referencePicker.ts decides.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../shared/settings';
import { isDatasetPath, referencesIn } from './referenceConfig';
import { referencePicks } from './referencePicker';
import type { StatusStore } from './status';

export const CONFIG_NAME = 'synthgap.json';

/**
 * At most this many files per include pattern and folder: more is not a list anyone reads, and finding them in a
 * huge tree is slow. A file beyond it is still reachable through "Browse…".
 */
const MAX_LISTED = 500;

/** The text of a file: the open document's (unsaved edits included, as the server reads it), else the disk's. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** A reference path as synthgap.json or the setting writes it, resolved against the folder it is relative to. */
export function resolveReference(base: vscode.Uri, reference: string): vscode.Uri {
  return path.isAbsolute(reference) ? vscode.Uri.file(reference) : vscode.Uri.joinPath(base, reference);
}

/** The reference a workspace folder uses now, as written and resolved; synthgap.json wins over the setting. */
export async function folderReference(folder: vscode.WorkspaceFolder): Promise<{ shown: string[]; uris: vscode.Uri[] }> {
  const written = referencesIn(await readText(vscode.Uri.joinPath(folder.uri, CONFIG_NAME)));
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<string>('reference', '').trim();
  const shown = written.length > 0 ? written : setting ? [setting] : [];
  return { shown, uris: shown.map((reference) => resolveReference(folder.uri, reference)) };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The dataset files of every folder (include minus exclude), and the current references, which the server skips. */
async function candidates(): Promise<{ files: Map<string, vscode.Uri>; current: vscode.Uri[] }> {
  const files = new Map<string, vscode.Uri>();
  const current: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
    const exclude = settings.get<string[]>('exclude', []);
    const excluded = exclude.length === 0 ? null : new vscode.RelativePattern(folder, exclude.length === 1 ? exclude[0] : `{${exclude.join(',')}}`);
    for (const pattern of settings.get<string[]>('include', [])) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), excluded, MAX_LISTED)) {
        if (isDatasetPath(uri.path)) files.set(uri.toString(), uri);
      }
    }
    for (const uri of (await folderReference(folder)).uris) {
      current.push(uri);
      if (!files.has(uri.toString()) && isDatasetPath(uri.path) && (await exists(uri))) files.set(uri.toString(), uri);
    }
  }
  return { files, current };
}

type Item = vscode.QuickPickItem & { readonly uri?: vscode.Uri; readonly browse?: true };

/** The open dialog, for a reference outside the listed files. */
async function browse(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Use as Real Reference',
    filters: { 'Datasets (JSONL, CSV, TSV)': ['jsonl', 'csv', 'tsv'] },
  });
}

/** Shows the picker; resolves to the chosen file(s), or undefined when the user cancels. */
export async function pickReference(store: StatusStore): Promise<vscode.Uri[] | undefined> {
  const { files, current } = await candidates();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const picks = referencePicks({
    candidates: [...files.values()].map((uri) => ({ uri: uri.toString(), shown: vscode.workspace.asRelativePath(uri, multiRoot) })),
    current: current.map((uri) => uri.toString()),
    active: vscode.window.activeTextEditor?.document.uri.toString(),
    summary: (uri) => store.summary(uri),
  });
  const items: Item[] = picks.items.map((item) => ({
    label: item.label,
    description: item.description || undefined,
    detail: item.detail || undefined,
    iconPath: new vscode.ThemeIcon(item.current ? 'target' : item.flagged ? 'beaker' : 'file'),
    uri: files.get(item.uri),
  }));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(folder-opened) Browse…', description: items.length === 0 ? 'no dataset file found in the workspace' : 'a file not listed here', browse: true },
  );
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = 'Synthgap: Use as Real Reference';
  quickPick.placeholder = 'Choose the real (human-written) data that synthetic files are compared with';
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  const preselected = items.find((item) => item.uri?.toString() === picks.preselected);
  if (preselected) quickPick.activeItems = [preselected];
  const chosen = await new Promise<Item | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0] ?? quickPick.activeItems[0]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (chosen?.browse) return browse();
  return chosen?.uri ? [chosen.uri] : undefined;
}
