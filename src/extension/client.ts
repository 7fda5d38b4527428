/**
 * The language client: the server runs as a Node module over IPC. Which documents it sees, which files it
 * watches, what it is told at start (workspace trust), and how a crash is reported (once, naming the output).
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../shared/protocol';
import { SETTINGS_SECTION } from '../shared/settings';
import { DATASET_EXTENSIONS } from './referenceConfig';

/** What the server is told at start; a function, so a restart after trust is granted sends the new value. */
export interface InitializationOptions {
  readonly trusted: boolean;
  /** The extension's global storage folder: downloaded embedding models and the embedding cache. */
  readonly storagePath: string;
}

const globs = DATASET_EXTENSIONS.map((ext) => `**/*${ext}`);

/**
 * Every JSONL, CSV and TSV file on disk. The server applies `synthgap.include`/`exclude` per resource, so the
 * selector need not be rebuilt (and the client restarted) when those settings change.
 */
export const documentSelector = globs.map((pattern) => ({ scheme: 'file', pattern }));

/** Wraps the library's error handler (restart up to 4 times in 3 minutes) and says so once per session. */
function crashReporter(client: () => LanguageClient, log: vscode.LogOutputChannel): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  let told = false;
  const inner = (): ErrorHandler => (fallback ??= client().createDefaultErrorHandler());
  return {
    error: (error, message, count): ErrorHandlerResult | Promise<ErrorHandlerResult> => inner().error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await inner().closed();
      if (result.action !== CloseAction.Restart) return result;
      log.warn('The Synthgap server stopped unexpectedly and is restarting.');
      if (!told) {
        told = true;
        void vscode.window
          .showWarningMessage('The Synthgap server stopped unexpectedly and was restarted. Details are in the "Synthgap" output.', 'Show Output')
          .then((choice) => choice && log.show(), (error: unknown) => log.error(`Could not show a message: ${String(error)}`));
      }
      return { ...result, handled: true };
    },
  };
}

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher(`**/*.{${DATASET_EXTENSIONS.map((ext) => ext.slice(1)).join(',')}}`),
    vscode.workspace.createFileSystemWatcher('**/synthgap.json'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: watchers, configurationSection: SETTINGS_SECTION },
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, storagePath: context.globalStorageUri.fsPath }),
    outputChannel: log,
    traceOutputChannel: log,
    // The status bar and our own messages report problems; the output opens only when the user asks.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // "Ignore this row" edits synthgap.json through the editor (one undo reverts it); the server and the CLI
      // read the file from disk, so it is saved at once rather than left modified in a background tab.
      executeCommand: async (command, args, next) => {
        const result: unknown = await next(command, args);
        if (command === SERVER_COMMANDS.ignoreRow && (result as { applied?: boolean } | undefined)?.applied) await saveConfigOf(args[0], log);
        return result;
      },
    },
  };
  // The id `synthgap` makes the library read the `synthgap.trace.server` setting.
  const client: LanguageClient = new LanguageClient(SETTINGS_SECTION, 'Synthgap', serverOptions, {
    ...clientOptions,
    errorHandler: crashReporter(() => client, log),
  });
  return client;
}

/** Saves the synthgap.json of the workspace folder holding `uri`, when it is open with unsaved changes. */
async function saveConfigOf(uri: unknown, log: vscode.LogOutputChannel): Promise<void> {
  if (typeof uri !== 'string') return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri));
  if (!folder) return;
  const config = vscode.Uri.joinPath(folder.uri, 'synthgap.json').toString();
  const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === config);
  if (document?.isDirty && !(await document.save())) log.warn(`Could not save ${document.uri.fsPath}; the ignored row counts again until it is saved.`);
}
