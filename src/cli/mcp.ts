/**
 * `synthgap mcp`: a Model Context Protocol server over stdio, so an agent (VS Code, Claude Desktop, any MCP client)
 * can call Synthgap's tools on files in one workspace folder. The protocol is the official SDK's; the tools are
 * src/node/tools, the same the editor's agent mode calls through the language server. Stdout carries the protocol
 * and nothing else; a tool's failure is a tool error with one line, never the end of the server.
 */
import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOOLS } from '../shared/tools';
import { workspaceRoot } from '../node/tools/paths';
import { ToolThread } from '../node/tools/toolThread';
import { InputError } from '../node/inputs';
import { describeFlags, parseArgs, UsageError, type FlagSpec } from './args';
import type { CliIo } from './io';
import { VERSION } from './version';

export const MCP_FLAGS: Record<string, FlagSpec> = {
  root: { kind: 'string', value: 'DIR', description: 'the workspace root: every path a tool takes is inside it (default: the working folder)' },
};

export const MCP_USAGE = `Usage: synthgap mcp [--root DIR]

Serves Synthgap's tools over the Model Context Protocol on stdin/stdout, for an agent: check, explain_row,
roughen, select, prompts and probe. Paths are relative to DIR and must stay inside it; synthgap.json in DIR
(or in the folder a call names) supplies the settings, as for the other commands. roughen writes only to the
output path the call names; select writes only when given one. check and explain_row reuse an analysis while
the files, synthgap.json and the call's options are unchanged (the result says "analysis": "reused"). Logs go
to stderr.

Options:
${describeFlags(MCP_FLAGS)}

Configure a client with the command "synthgap" and the arguments ["mcp", "--root", "/path/to/data"].`;

export async function runMcp(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, MCP_FLAGS);
  if (positional.length > 0) throw new UsageError(`mcp takes no files (got ${positional[0]}): the tools name them`);
  const root = resolve(io.cwd, (flags.get('root') as string | undefined) ?? '.');
  try {
    workspaceRoot(root);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  // Stdout is the protocol: anything a dependency prints goes to stderr instead.
  const toStderr = (...args: unknown[]) => io.stderr(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;

  // The tools run on a thread of their own, which keeps the analyses check and explain_row share on unchanged files.
  const thread = new ToolThread((line) => io.stderr(`synthgap mcp: ${line}\n`));
  const mcp = new McpServer({ name: 'synthgap', title: 'Synthgap', version: VERSION }, { capabilities: { tools: {} }, instructions: 'Synthgap compares synthetic text datasets (JSONL, CSV, TSV) with real ones. Start with check; explain_row says why a row is flagged (after check on the same files it answers at once: the analysis is reused); prompts writes generation prompts for what the synthetic data misses.' });
  // The tools' input schemas are JSON schemas defined once (src/shared/tools.ts), so the server answers the tool
  // requests itself rather than registering zod shapes: tools/list returns them as they are, and runTool checks each call against the same schema.
  mcp.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema as unknown as { type: 'object'; [key: string]: unknown },
      // A tool that writes replaces its output file when it exists: destructive, so a client asks first.
      annotations: { title: tool.title, readOnlyHint: tool.writesTo === undefined, destructiveHint: tool.writesTo !== undefined, openWorldHint: false },
    })),
  }));
  mcp.server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const started = Date.now();
    const progressToken = request.params._meta?.progressToken;
    const outcome = await thread.run(request.params.name, request.params.arguments, {
      root,
      signal: extra.signal,
      ...(progressToken !== undefined
        ? {
            onProgress: (progress: number, total: number, message: string) =>
              void extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, total, message } }).catch(() => undefined),
          }
        : {}),
    });
    io.stderr(`synthgap mcp: ${request.params.name} ${outcome.ok ? 'done' : `failed: ${outcome.error}`} (${Date.now() - started} ms)\n`);
    if (!outcome.ok) return { isError: true, content: [{ type: 'text', text: outcome.error }] };
    return { content: [{ type: 'text', text: JSON.stringify(outcome.result) }], structuredContent: outcome.result as Record<string, unknown> };
  });

  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = () => done();
    // The client went away (it closed our stdin): the server ends with it.
    process.stdin.once('end', () => void mcp.close().finally(done));
  });
  await mcp.connect(transport);
  io.stderr(`synthgap mcp ${VERSION}: serving ${TOOLS.length} tools for ${root}\n`);
  await closed;
  thread.dispose();
  return 0;
}
