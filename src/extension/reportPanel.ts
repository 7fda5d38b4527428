/**
 * "Synthgap: Open Gap Report" until the report panel lands: asks the server for the report and shows its
 * self-contained HTML in a hardened webview (no scripts, no local resources, CSP default-src 'none').
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { reportRequest } from './client';
import { hardenReportHtml, messageHtml } from './reportHtml';
import type { StatusStore } from './status';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: { uri: vscode.Uri; figure: string } | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly store: StatusStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // When the shown file is analyzed again (an edit, a new reference), the page follows.
    this.subscription = store.onDidChange((status) => {
      if (!this.panel || !this.shown || status?.state !== 'ready') return;
      if (this.figure(this.shown.uri) !== this.shown.figure) void this.open(this.shown.uri, false);
    });
  }

  private figure(uri: vscode.Uri): string {
    return JSON.stringify(this.store.summary(uri) ?? null);
  }

  /** Opens (or reuses) the panel for `uri`, default the active editor's file. */
  async open(arg?: unknown, reveal = true): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a synthetic dataset file (JSONL, CSV or TSV) to see its gap report.');
      return;
    }
    const name = path.posix.basename(uri.path);
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('The Synthgap server is not running. See the "Synthgap" output for why.');
      return;
    }
    let html: string;
    this.shown = { uri, figure: this.figure(uri) };
    try {
      const result = await client.sendRequest(reportRequest, { uri: uri.toString() });
      html = result.html
        ? hardenReportHtml(result.html)
        : messageHtml(`No report for ${name}`, result.report
          ? 'The server has a report for this file but sent no page for it.'
          : 'Synthgap has not analyzed this file: it is not a dataset matched by synthgap.include, it is the reference, or the analysis has not finished yet.');
    } catch (error) {
      this.log.error(`Report request for ${uri.toString()} failed: ${(error as Error).message}`);
      html = messageHtml(`No report for ${name}`, `The server could not make the report: ${(error as Error).message}`);
    }
    this.show(`Gap Report: ${name}`, html, reveal);
  }

  private show(title: string, html: string, reveal: boolean): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'synthgap.report',
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
    }
    this.panel.title = title;
    this.panel.webview.html = html;
    if (reveal) this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
