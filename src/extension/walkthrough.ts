/**
 * The "Get Started with Synthgap" walkthrough (`contributes.walkthroughs` in package.json, pages in
 * media/walkthrough/): where the status bar's "No reference" and the first-run prompt lead, so the way in stays
 * one click away after the prompt is gone. Its first step is checked off once a reference is in use.
 */
import * as vscode from 'vscode';
import type { StatusStore } from './status';
import { HAS_REFERENCE_CONTEXT, OPEN_WALKTHROUGH_COMMAND, WALKTHROUGH } from './walkthroughIds';

/** Opens the walkthrough in the active editor group (not to the side: it is read first, then left). */
export function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand(OPEN_WALKTHROUGH_COMMAND, WALKTHROUGH, false);
}

/** Keeps HAS_REFERENCE_CONTEXT in step with the server's status. */
export function trackReferenceContext(store: StatusStore): vscode.Disposable {
  let last: boolean | undefined;
  return store.onDidChange((status) => {
    if (!status || status.state === 'starting') return;
    const has = status.state !== 'no-reference' && status.reference !== undefined;
    if (has === last) return;
    last = has;
    void vscode.commands.executeCommand('setContext', HAS_REFERENCE_CONTEXT, has);
  });
}
