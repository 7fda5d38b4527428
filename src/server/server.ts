/**
 * The Synthgap language server: finds the dataset files of the workspace, analyzes them in a worker thread and
 * shows the rows that look synthetic as pull diagnostics, with hovers, quick fixes and a summary lens.
 * Started by the extension over IPC (`--node-ipc`); it never writes to stdout.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { textHash, type WordDictionary } from '../core';
import { loadDictionary } from '../node/dictionary';
import { promptsRequest, reportRequest, roughenPreviewRequest, SERVER_COMMANDS } from '../shared/protocol';
import { onRequest } from './messages';
import { describeChanges } from './roughenEdits';
import { actionTargets, rowCodeActions } from './codeActions';
import { fileCodeLens } from './codeLens';
import { executeCommand } from './commands';
import { fileDiagnostics } from './diagnostics';
import { rowHover } from './hover';
import { registerPanelRequests } from './panel';
import { SynthgapService, type Entry } from './service';
import { CONFIG_FILE } from './settings';
import { registerToolRequest } from './tools';
import { SupersededError, type ServerLog } from './workerClient';

const connection: Connection = createConnection(ProposedFeatures.all);
const log: ServerLog = {
  debug: (message) => connection.console.debug(message),
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};
// Nothing may reach stdout, whatever the transport: route stray console output to the log.
console.log = (...args: unknown[]) => log.debug(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => log.warn(args.map(String).join(' '));

const dictionary = (): WordDictionary => loadDictionary();
let service: SynthgapService | undefined;
let trusted = true;
/** The workspace folders' paths, as they are now. */
let folders: string[] = [];
const can = { configuration: false, diagnosticRefresh: false, codeLensRefresh: false, dynamicConfiguration: false };

function caught(what: string): (error: unknown) => void {
  return (error) => log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

connection.onInitialize((params): InitializeResult => {
  const options = params.initializationOptions as { trusted?: boolean; storagePath?: string } | undefined;
  trusted = options?.trusted !== false;
  const workspace = params.capabilities.workspace;
  can.configuration = workspace?.configuration === true;
  can.diagnosticRefresh = workspace?.diagnostics?.refreshSupport === true;
  can.codeLensRefresh = workspace?.codeLens?.refreshSupport === true;
  can.dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  folders = params.workspaceFolders?.map((folder) => fileURLToPath(folder.uri)) ?? (params.rootUri ? [fileURLToPath(params.rootUri)] : []);
  service = new SynthgapService({
    connection, log, trusted, canAskConfig: can.configuration, onChanged: scheduleRefresh, dictionary,
    ...(options?.storagePath ? { storagePath: options.storagePath } : {}),
  });
  service.setFolders(folders);
  wireDocuments(service);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      diagnosticProvider: { identifier: 'synthgap', interFileDependencies: false, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'synthgap' },
  };
});

connection.onInitialized(() => {
  if (can.dynamicConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'synthgap' }).catch(caught('register configuration'));
  // Folders added to or removed from the workspace: their datasets are checked, or dropped, without a restart.
  connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    const gone = new Set(removed.map((folder) => fileURLToPath(folder.uri)));
    folders = [...folders.filter((folder) => !gone.has(folder)), ...added.map((folder) => fileURLToPath(folder.uri))];
    service?.setFolders(folders);
    service?.rescan().catch(caught('workspace folders changed'));
  });
  service?.status.starting();
  service?.rescan().catch(caught('scan'));
});

// Agent mode's tools: each call in a worker thread, with a workspace folder as its root.
registerToolRequest(connection, { trusted: () => trusted, folders: () => folders });

connection.onDidChangeConfiguration(() => {
  service?.invalidateOptions();
  service?.rescan().catch(caught('settings changed'));
});

/**
 * A folder's synthgap.json changed (typed, saved, or on disk): its options are resolved again and its files
 * re-analyzed where their inputs changed (an ignored row leaves the count at once, in every view).
 */
function configChanged(s: SynthgapService, uri: string): void {
  s.invalidateOptions(s.folderOf(uri));
  s.rescan().catch(caught('rescan'));
}

connection.onDidChangeWatchedFiles(({ changes }) => {
  const s = service;
  if (!s) return;
  // synthgap.json or the reference changed, or files came or went: rescan (unchanged inputs are not re-analyzed).
  for (const change of changes) if (basename(change.uri) === CONFIG_FILE) s.invalidateOptions(s.folderOf(change.uri));
  const rescan = changes.some((change) => change.type !== FileChangeType.Changed || basename(change.uri) === CONFIG_FILE || !s.entry(change.uri));
  if (rescan) s.rescan().catch(caught('rescan'));
  // A dataset file changed on disk; an open one is the editor's business.
  for (const change of changes) {
    const entry = s.entry(change.uri);
    if (change.type === FileChangeType.Changed && entry && !s.documents.get(entry.uri)) s.reanalyze(entry.uri, 'after the file changed on disk');
  }
});

function wireDocuments(s: SynthgapService): void {
  const docs = s.documents.open;
  docs.onDidOpen(({ document }) => s.onOpen(document.uri));
  docs.onDidChangeContent(({ document }) => {
    // Typing in synthgap.json: its ignore list applies at once; the reference and settings wait for the save.
    if (basename(document.uri) === CONFIG_FILE) s.configEdited(document.uri).catch(caught('synthgap.json edited'));
    else s.onChange(document.uri);
  });
  docs.onDidSave(({ document }) => {
    if (basename(document.uri) === CONFIG_FILE) configChanged(s, document.uri);
    // The model learns the saved rows: the CodeLens says the count before and after.
    else if (s.entry(document.uri)?.analysis?.view.edited) s.reanalyze(document.uri, 'after save');
  });
  docs.onDidClose(({ document }) => {
    const entry = s.entry(document.uri);
    // Unsaved edits die with the editor: go back to the file on disk.
    if (entry?.analysis?.view.edited) s.reanalyze(entry.uri, 'after the unsaved edits were closed');
  });
  docs.listen(connection);
}

let refreshQueued = false;
/** Asks the client to pull diagnostics and lenses again, at most once per turn of the event loop. */
function scheduleRefresh(): void {
  if (refreshQueued) return;
  refreshQueued = true;
  setImmediate(() => {
    refreshQueued = false;
    if (can.diagnosticRefresh) connection.sendRequest(DiagnosticRefreshRequest.type).catch(caught('diagnostic refresh'));
    if (can.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(caught('code lens refresh'));
  });
}

async function diagnosticsOf(s: SynthgapService, entry: Entry) {
  if (!entry.analysis) return { resultId: 'none', items: [] };
  const { settings } = await s.optionsFor(entry);
  // A closed JSONL file needs no text for its ranges (a row is one line); CSV cells may span lines.
  const document = s.documents.get(entry.uri) ?? (entry.analysis.view.format === 'jsonl' ? undefined : s.documents.getOrRead(entry.uri));
  const items = fileDiagnostics(entry.uri, entry.analysis, settings, document);
  return { resultId: textHash(JSON.stringify(items)), items };
}

connection.languages.diagnostics.on(async (params) => {
  const s = service;
  // Waits out the debounce after an edit, so a pull on every keystroke does not re-score on every keystroke.
  await s?.settled(params.textDocument.uri, false);
  const entry = s?.entry(params.textDocument.uri);
  if (!s || !entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const { resultId, items } = await diagnosticsOf(s, entry);
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
});

connection.languages.diagnostics.onWorkspace(async (params) => {
  const s = service;
  if (!s) return { items: [] };
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const entry of s.entries.values()) {
    if (s.documents.get(entry.uri) || !entry.analysis) continue;
    const { resultId, items: diagnostics } = await diagnosticsOf(s, entry);
    if (previous.get(entry.uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: entry.uri, version: null, resultId });
    else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: entry.uri, version: null, resultId, items: diagnostics });
  }
  return { items };
});

connection.onHover(async (params) => {
  await service?.settled(params.textDocument.uri);
  const s = service;
  const entry = s?.entry(params.textDocument.uri);
  const analysis = entry?.analysis;
  if (!s || !entry || !analysis) return null;
  const onLine = await s.rows.ask({ type: 'rowsAt', uri: entry.uri, line: params.position.line + 1, nearest: true });
  return rowHover(analysis, onLine, params.position, s.documents.getOrRead(entry.uri)) ?? null;
});

connection.onCodeAction(async (params) => {
  const s = service;
  await s?.settled(params.textDocument.uri);
  const entry = s?.entry(params.textDocument.uri);
  const document = entry && s?.documents.getOrRead(entry.uri);
  if (!s || !entry?.analysis || !document) return [];
  const { seed } = await s.optionsFor(entry);
  const file = entry.analysis;
  const targets = actionTargets(file, params.context.diagnostics, params.range);
  if (targets.length === 0) return [];
  // The rows worker roughens (it holds the rows' text and the noise profiles); only in a trusted workspace.
  const rows = targets.map(({ row }) => ({ line: row.line, ...(row.turn !== undefined ? { turn: row.turn } : {}) }));
  const roughened = trusted ? await s.rows.ask({ type: 'roughen', uri: entry.uri, rows, seed }) : [];
  return rowCodeActions({ uri: params.textDocument.uri, file, document, trusted }, targets, roughened);
});

connection.onCodeLens(async (params) => {
  await service?.settled(params.textDocument.uri);
  const entry = service?.entry(params.textDocument.uri);
  if (!service || !entry?.analysis) return [];
  const { settings } = await service.optionsFor(entry);
  return fileCodeLens(params.textDocument.uri, entry.analysis, settings.maxDiagnostics);
});

connection.onExecuteCommand(async (params) => {
  if (!service) return null;
  const result = await executeCommand({ connection, service, dictionary, trusted }, params.command, params.arguments ?? []);
  if (!result.applied) log.info(result.message);
  return result;
});

onRequest(connection, promptsRequest, async (params) => {
  const s = service;
  const entry = s?.entry(params.uri);
  if (!s || !entry) return { markdown: null, reason: 'Synthgap does not check this file.' };
  try {
    return await s.prompts(entry, params.label);
  } catch (error) {
    return { markdown: null, reason: error instanceof SupersededError ? 'The prompts were cancelled.' : error instanceof Error ? error.message : String(error) };
  }
});

onRequest(connection, roughenPreviewRequest, async (params) => {
  const s = service;
  await s?.settled(params.uri);
  const entry = s?.entry(params.uri);
  if (!s || !entry?.analysis) return { flagged: 0, changed: 0, changes: '' };
  const { seed } = await s.optionsFor(entry);
  const roughened = await s.rows.ask({ type: 'roughen', uri: entry.uri, rows: 'flagged', seed });
  return { flagged: entry.analysis.flaggedCount, changed: roughened.length, changes: describeChanges(roughened.flatMap((row) => row.changes)) };
});

onRequest(connection, reportRequest, (params) => {
  const report = service?.entry(params.uri)?.analysis?.report ?? null;
  return { report };
});

registerPanelRequests(connection, () => service, log);

connection.onShutdown(() => service?.dispose());
process.on('unhandledRejection', caught('unhandled rejection'));
connection.listen();
