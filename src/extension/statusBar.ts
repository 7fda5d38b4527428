/**
 * The status bar item (the active file's figure and the server's state) and a window progress indicator
 * while the server analyzes. The wording lives in statusText.ts.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../shared/protocol';
import type { StatusStore } from './status';
import { type StatusClick, statusView } from './statusText';
import { OPEN_WALKTHROUGH_COMMAND, WALKTHROUGH } from './walkthroughIds';

const CLICK_COMMANDS: Record<StatusClick, string> = {
  openReport: CLIENT_COMMANDS.openReport,
  showOutput: CLIENT_COMMANDS.showOutput,
  useAsReference: CLIENT_COMMANDS.useAsReference,
  walkthrough: OPEN_WALKTHROUGH_COMMAND,
};

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('synthgap.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private endProgress: (() => void) | undefined;
  private reportProgress: ((message: string) => void) | undefined;

  constructor(private readonly store: StatusStore) {
    this.item.name = 'Synthgap';
    this.disposables.push(
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
    this.item.show();
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const view = statusView(this.store.status, this.store.summary(active));
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor =
      view.tone === 'normal' ? undefined : new vscode.ThemeColor(view.tone === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    // Clicking opens the report of the file the user is looking at, so the argument is the active file.
    // The walkthrough opens in the editor area (toSide false), where it stays until closed.
    const args = view.click === 'openReport' && active ? [active] : view.click === 'walkthrough' ? [WALKTHROUGH, false] : [];
    this.item.command = { title: 'Synthgap', command: CLICK_COMMANDS[view.click], arguments: args };
    this.progress(this.store.status?.state === 'analyzing', this.store.status?.message);
  }

  /** The server's own work-done progress carries cancellation; this is the quiet "still working" in the window. */
  private progress(analyzing: boolean, message: string | undefined): void {
    if (!analyzing) {
      this.endProgress?.();
      this.endProgress = this.reportProgress = undefined;
      return;
    }
    if (this.endProgress) {
      this.reportProgress?.(message ?? 'analyzing');
      return;
    }
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Synthgap' },
      (progress) =>
        new Promise<void>((resolve) => {
          this.reportProgress = (text) => progress.report({ message: text });
          this.reportProgress(message ?? 'analyzing');
          this.endProgress = resolve;
        }),
    );
  }

  dispose(): void {
    this.endProgress?.();
    for (const d of this.disposables) d.dispose();
  }
}
