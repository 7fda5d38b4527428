/**
 * The one prompt about a missing reference: shown the first time in a session that the server says
 * `no-reference`, never again in that workspace after "Don't Show Again". Nothing else nags.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../shared/protocol';
import type { StatusStore } from './status';
import { openWalkthrough } from './walkthrough';

export const DISMISSED_KEY = 'synthgap.noReferencePrompt.dismissed';

export function watchForMissingReference(context: vscode.ExtensionContext, store: StatusStore, log: vscode.LogOutputChannel): vscode.Disposable {
  let shown = false;
  const subscription = store.onDidChange((status) => {
    if (shown || status?.state !== 'no-reference' || context.workspaceState.get<boolean>(DISMISSED_KEY)) return;
    shown = true;
    const choose = 'Choose Reference File…';
    const start = 'Get Started';
    const never = "Don't Show Again";
    vscode.window
      .showInformationMessage(
        'Synthgap compares synthetic data with a real reference set, and none is chosen yet. Pick one now, or open the Get Started walkthrough (also a click on "No reference" in the status bar).',
        choose,
        start,
        never,
      )
      .then(async (choice) => {
        if (choice === choose) await vscode.commands.executeCommand(CLIENT_COMMANDS.useAsReference);
        if (choice === start) await openWalkthrough();
        if (choice === never) await context.workspaceState.update(DISMISSED_KEY, true);
      })
      .then(undefined, (error: unknown) => log.error(`No-reference prompt failed: ${String(error)}`));
  });
  return subscription;
}
