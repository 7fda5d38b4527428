/**
 * The gap report panel's host: one webview panel that shows one dataset file's report at a time. The panel
 * gets full snapshots with a sequence number (never deltas) and pages of rows on request; its UI state lives in
 * the webview (`setState`), so hiding and showing it again needs no `retainContextWhenHidden`. That state holds
 * the file's uri, and a serializer reopens the panel on that file after a window reload.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { HostMessage, PanelMessage, PanelSnapshot } from '../shared/panel';
import { SETTINGS_SECTION } from '../shared/settings';
import { panelProbeRequest, panelRowsRequest, panelSnapshotRequest } from '../shared/protocol';
import { sendRequest } from './messages';
import { copyMarkdown, findPhrase, revealRow, roughenRow, saveHtml } from './panelActions';
import { panelPage } from './panelPage';
import { sameUri, type StatusStore } from './status';

/** The panel's view type; package.json's `onWebviewPanel:` activation event names it too. */
export const REPORT_VIEW_TYPE = 'synthgap.report';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  /** The last snapshot the webview was sent, so an unchanged analysis is not sent again. */
  private shown: PanelSnapshot | undefined;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    store: StatusStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // A new analysis or an edit's re-score changes the status; the panel then asks for a new snapshot.
    this.subscriptions.push(store.onDidChange((status) => {
      if (this.panel && this.ready && status?.state === 'ready') void this.refresh(false);
    }));
    // Registered at activation, so that VS Code can hand back a panel it restores after a reload.
    this.subscriptions.push(vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }));
  }

  /** A panel VS Code restores after a reload, with the webview's saved state (which names the file shown). */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
    if (this.panel || typeof saved !== 'string') {
      // One report panel at a time; and a panel saved before it knew its file cannot say which file to show.
      panel.dispose();
      return;
    }
    this.uri = vscode.Uri.parse(saved);
    this.shown = undefined;
    this.panel = this.setUp(panel, `Gap Report: ${path.posix.basename(this.uri.path)}`);
    this.log.info(`Report panel restored for ${this.uri.toString()}`);
    await this.refresh(true);
  }

  /** Opens (or reuses) the panel for `arg` (a Uri or its string), default the active editor's file. */
  async open(arg?: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a synthetic dataset file (JSONL, CSV or TSV) to see its gap report.');
      return;
    }
    const changed = !this.uri || !sameUri(this.uri.toString(), uri.toString());
    this.uri = uri;
    const title = `Gap Report: ${path.posix.basename(uri.path)}`;
    if (!this.panel) {
      this.panel = this.create(title);
    } else {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
    }
    if (changed) this.shown = undefined;
    await this.refresh(true);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
  }

  private create(title: string): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { ...this.webviewOptions(), enableFindWidget: true });
    return this.setUp(panel, title);
  }

  /** Gives a new or restored panel its page and listeners. */
  private setUp(panel: vscode.WebviewPanel, title: string): vscode.WebviewPanel {
    const assets = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.title = title;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const webview = panel.webview;
    webview.html = panelPage({
      nonce: nonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'panel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'panel.css')).toString(),
      title,
    });
    const listeners = [
      webview.onDidReceiveMessage((message: PanelMessage) => this.receive(message).catch((error: unknown) => this.fail(message.type, error))),
      // A hidden webview is torn down; when shown again it loads afresh and says `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      listeners.forEach((listener) => listener.dispose());
      this.panel = undefined;
      this.uri = undefined;
      this.shown = undefined;
      this.ready = false;
    });
    return panel;
  }

  /** Asks the server for the shown file's snapshot and sends it when it is new (or always, with `force`). */
  private async refresh(force: boolean): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.ready) return;
    const client = this.client();
    const name = path.posix.basename(uri.path);
    if (!client?.isRunning()) {
      // After a reload the panel is back before the server: the status change that follows its start refreshes it.
      const starting = !client || client.state === State.Starting;
      const message = starting ? 'Starting the Synthgap server…' : 'The Synthgap server is not running. See the "Synthgap" output for why.';
      this.post({ type: 'empty', seq: this.shown?.seq ?? 0, title: `Gap report: ${name}`, message });
      return;
    }
    const result = await sendRequest(client, panelSnapshotRequest, { uri: uri.toString() });
    if (uri !== this.uri) return;
    if (!result.snapshot) {
      this.post({
        type: 'empty',
        seq: this.shown?.seq ?? 0,
        title: `No report for ${name}`,
        message: result.reason ?? 'Synthgap has not analyzed this file: it is not a dataset matched by synthgap.include, it is the reference, or the analysis has not finished yet.',
      });
      return;
    }
    if (!force && this.shown?.seq === result.snapshot.seq) return;
    this.shown = result.snapshot;
    this.post({ type: 'snapshot', snapshot: result.snapshot });
  }

  private async receive(message: PanelMessage): Promise<void> {
    const uri = this.uri;
    const client = this.client();
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.refresh(true);
      case 'requestRows': {
        const page = uri && client?.isRunning() ? await sendRequest(client, panelRowsRequest, { uri: uri.toString(), query: message.query }) : null;
        return this.post({ type: 'rows', requestId: message.requestId, page });
      }
      case 'revealRow':
        return uri && revealRow(uri, message);
      case 'roughenRow':
        return uri && roughenRow(uri, message);
      case 'findPhrase':
        return uri && findPhrase(uri, message, this.shown);
      case 'runProbe':
        return uri && client && this.probe(uri, client);
      case 'setProjection':
        // The user's choice, kept as their setting; the server re-analyzes and a new snapshot follows.
        return vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).update('mapProjection', message.method, vscode.ConfigurationTarget.Global);
      case 'saveHtml':
        return uri && client && this.notice(await saveHtml(this.extensionUri, uri, client));
      case 'copyMarkdown':
        return uri && client && this.notice(await copyMarkdown(uri, client));
      default: {
        const unknown: never = message;
        this.log.warn(`Unknown message from the report panel: ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async probe(uri: vscode.Uri, client: LanguageClient): Promise<void> {
    const probe = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Synthgap: training the probe classifiers…' },
      () => sendRequest(client, panelProbeRequest, { uri: uri.toString() }),
    );
    this.post({ type: 'probe', seq: this.shown?.seq ?? 0, probe });
  }

  private notice(message: string | undefined): void {
    if (message) this.post({ type: 'notice', message });
  }

  private fail(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log.error(`Report panel: ${what} failed: ${message}`);
    this.post({ type: 'notice', message: `${what} failed: ${message}` });
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message).then(undefined, (error: unknown) => this.log.warn(`Could not post to the report panel: ${String(error)}`));
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.panel?.dispose();
  }
}

/** A fresh nonce per page (128 random bits), for the CSP's script-src and style-src. */
function nonce(): string {
  return randomBytes(16).toString('hex');
}
