/**
 * The extension's entry: starts the language client, and wires the status bar, the commands, the
 * no-reference prompt and workspace trust. All analysis happens in the server; this side imports src/shared only.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, statusNotification } from '../shared/protocol';
import { createClient } from './client';
import { onNotification } from './messages';
import { watchForMissingReference } from './noReferencePrompt';
import { ReportPanel } from './reportPanel';
import { roughenAll } from './roughenAll';
import { showPrompts } from './showPrompts';
import { StatusStore } from './status';
import { StatusBar } from './statusBar';
import { registerTools } from './tools';
import { useAsReference } from './useAsReference';
import { trackReferenceContext } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Synthgap', { log: true });
  const store = new StatusStore();
  const report = new ReportPanel(context.extensionUri, () => client, store, log);
  context.subscriptions.push(log, store, new StatusBar(store), report, watchForMissingReference(context, store, log), trackReferenceContext(store));

  client = createClient(context, log);
  const languageClient = client;
  context.subscriptions.push(
    onNotification(languageClient, statusNotification, (status) => store.set(status)),
    languageClient.onDidChangeState(({ newState }) => {
      // A (re)starting server has no status yet; a stopped one would leave a stale figure in the status bar.
      if (newState === State.Starting) store.set(undefined);
      if (newState === State.Stopped) store.set({ state: 'error', message: 'The Synthgap server is not running.', files: [] });
    }),
  );

  const command = (id: string, run: (...args: unknown[]) => Promise<void> | void): void => {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await run(...args);
        } catch (error) {
          log.error(`${id} failed: ${(error as Error).stack ?? String(error)}`);
          void vscode.window.showErrorMessage(`Synthgap: ${(error as Error).message}`);
        }
      }),
    );
  };
  command(CLIENT_COMMANDS.useAsReference, (uri, uris) => useAsReference(log, store, uri, uris));
  command(CLIENT_COMMANDS.openReport, (uri) => report.open(uri));
  command(CLIENT_COMMANDS.roughenAll, (uri) => roughenAll(client, store, log, uri));
  command(CLIENT_COMMANDS.showOutput, () => log.show());
  command(CLIENT_COMMANDS.showPrompts, (uri, label) => showPrompts(client, log, uri, label));
  command(CLIENT_COMMANDS.restartServer, () => restart(log));
  // Agent mode's tools, in a trusted workspace only (registered when trust is granted).
  context.subscriptions.push(registerTools(() => client, log));

  // The server reads trust only at start (initializationOptions), so granting trust restarts it.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(log)));

  try {
    await languageClient.start();
  } catch (error) {
    log.error(`The Synthgap server did not start: ${(error as Error).message}`);
    store.set({ state: 'error', message: `The server did not start: ${(error as Error).message}`, files: [] });
  }
}

async function restart(log: vscode.LogOutputChannel): Promise<void> {
  if (!client) return;
  log.info('Restarting the Synthgap server.');
  try {
    await (client.isRunning() ? client.restart() : client.start());
  } catch (error) {
    log.error(`The Synthgap server did not restart: ${(error as Error).message}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
