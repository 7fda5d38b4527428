/** The write commands need a trusted workspace; in Restricted Mode they say so instead of running. */
import * as vscode from 'vscode';

/** True when the workspace is trusted; otherwise tells the user why `action` did not run and how to trust. */
export async function requireTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `"${action}" changes files, so it needs a trusted workspace. In Restricted Mode Synthgap only analyzes.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
