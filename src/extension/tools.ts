/**
 * Synthgap's tools in VS Code's agent mode: the tools of src/shared/tools.ts (contributed in package.json's
 * `languageModelTools`) registered with `vscode.lm.registerTool`, each call sent to the language server, which runs
 * the same implementation as `synthgap mcp` with the workspace folder as the root. A call that writes a file asks
 * the user first (`confirmationMessages`). In Restricted Mode none is registered; granting trust registers them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { toolRequest } from '../shared/protocol';
import { sendRequest } from './messages';
import { TOOLS, vscodeToolName, type ToolDefinition } from '../shared/tools';

// @types/vscode is 1.91, the oldest VS Code Synthgap runs in; the language model tool API arrived in 1.95. These
// are the parts of it used here, as VS Code declares them. Without `vscode.lm.registerTool` no tool is registered.
type ToolInput = Readonly<Record<string, unknown>>;
interface PrepareOptions {
  readonly input: ToolInput;
}
interface InvokeOptions {
  readonly input: ToolInput;
}
interface PreparedInvocation {
  readonly invocationMessage?: string;
  readonly confirmationMessages?: { readonly title: string; readonly message: string | vscode.MarkdownString };
}
interface LanguageModelTool {
  invoke(options: InvokeOptions, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation(options: PrepareOptions, token: vscode.CancellationToken): PreparedInvocation;
}
interface LanguageModelApi {
  readonly lm?: { readonly registerTool?: (name: string, tool: LanguageModelTool) => vscode.Disposable };
  readonly LanguageModelToolResult?: new (content: unknown[]) => unknown;
  readonly LanguageModelTextPart?: new (value: string) => unknown;
}

/** Registers the tools now in a trusted workspace, else once the user trusts it. */
export function registerTools(client: () => LanguageClient | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
  const api = vscode as unknown as LanguageModelApi;
  const registered: vscode.Disposable[] = [];
  const register = () => {
    const registerTool = api.lm?.registerTool;
    if (!registerTool || registered.length > 0) return;
    for (const tool of TOOLS) registered.push(registerTool(vscodeToolName(tool.name), languageModelTool(tool, api, client)));
    log.info(`Registered ${TOOLS.length} agent tools (${TOOLS.map((tool) => vscodeToolName(tool.name)).join(', ')}).`);
  };
  if (vscode.workspace.isTrusted) register();
  const granted = vscode.workspace.onDidGrantWorkspaceTrust(register);
  return new vscode.Disposable(() => {
    granted.dispose();
    for (const disposable of registered.splice(0)) disposable.dispose();
  });
}

function languageModelTool(tool: ToolDefinition, api: LanguageModelApi, client: () => LanguageClient | undefined): LanguageModelTool {
  return {
    prepareInvocation({ input }) {
      const file = typeof input.dataset === 'string' ? input.dataset : 'the datasets of synthgap.json';
      const output = tool.writesTo ? input[tool.writesTo] : undefined;
      return {
        invocationMessage: `Synthgap ${tool.name.replace('_', ' ')}: ${file}`,
        ...(typeof output === 'string'
          ? {
              confirmationMessages: {
                title: `Write ${output}?`,
                message: new vscode.MarkdownString(`Synthgap's **${tool.title}** will write \`${output}\` from \`${file}\`, replacing the file if it exists.`),
              },
            }
          : {}),
      };
    },
    async invoke({ input }, token) {
      const running = client();
      if (!running?.isRunning()) throw new Error('The Synthgap language server is not running.');
      const folder = folderFor(input);
      const outcome = await sendRequest(running, toolRequest, { name: tool.name, input, folder: folder.uri.toString() }, token);
      // VS Code hands a thrown error's message to the model, which can correct its call.
      if (!outcome.ok) throw new Error(outcome.error);
      if (!api.LanguageModelToolResult || !api.LanguageModelTextPart) throw new Error('This VS Code has no language model tool results.');
      return new api.LanguageModelToolResult([new api.LanguageModelTextPart(JSON.stringify(outcome.result))]);
    },
  };
}

/** The workspace folder a call's paths are in: the one holding an absolute dataset path, else the first. */
function folderFor(input: ToolInput): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new Error('Open a folder first: Synthgap\'s tools work on files in the workspace.');
  const dataset = input.dataset;
  if (typeof dataset === 'string' && dataset.startsWith('/')) return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dataset)) ?? folders[0];
  return folders[0];
}
