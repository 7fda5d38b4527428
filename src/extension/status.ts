/**
 * The server's last status, held once on the client. The status bar, the no-reference prompt, progress and
 * "Roughen all" read it from here; nothing polls the server.
 */
import * as vscode from 'vscode';
import type { FileSummary, StatusParams } from '../shared/protocol';
import { summaryFor } from './statusText';

/** URIs from the server and from VS Code may differ in escaping; compare them parsed. */
export const sameUri = (a: string, b: string): boolean => a === b || vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();

export class StatusStore implements vscode.Disposable {
  private current: StatusParams | undefined;
  private readonly changed = new vscode.EventEmitter<StatusParams | undefined>();
  /** Fires after every status from the server, and with undefined when the client (re)starts. */
  readonly onDidChange = this.changed.event;

  get status(): StatusParams | undefined {
    return this.current;
  }

  set(status: StatusParams | undefined): void {
    this.current = status;
    this.changed.fire(status);
  }

  /** The server's summary of one file, if it analyzed it. */
  summary(uri: vscode.Uri | string | undefined): FileSummary | undefined {
    return uri === undefined ? undefined : summaryFor(this.current, uri.toString(), sameUri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
