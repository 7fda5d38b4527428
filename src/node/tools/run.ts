/**
 * Runs a tool by name for the MCP server and the language server alike: the input is checked against the tool's
 * schema (src/shared/tools.ts), the tool runs, and any failure comes back as one line naming the file, never as a
 * thrown error, so a server answers the next call as if nothing happened.
 */
import { CancelledError, schemaProblems } from '../../core';
import type { ToolOutcome } from '../../shared/protocol';
import { TOOLS, type ToolName } from '../../shared/tools';
import { UsageError } from '../../cli/args';
import { InputError } from '../inputs';
import { UnreadableFileError } from '../readDatasetFile';
import { MAX_RESULT_CHARS } from './bounds';
import { checkTool, type CheckInput } from './check';
import type { ToolContext } from './context';
import { explainRowTool, type ExplainRowInput } from './explainRow';
import { ToolError } from './paths';
import { probeTool, type ProbeInput } from './probe';
import { promptsTool, type PromptsInput } from './prompts';
import { roughenTool, type RoughenInput } from './roughen';
import { selectTool, type SelectInput } from './select';

export type { ToolContext } from './context';
export type { ToolOutcome };


/** Runs tool `name` on `input` (unchecked, as the client sent it). */
export async function runTool(name: string, input: unknown, context: ToolContext): Promise<ToolOutcome> {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) return { ok: false, error: `no tool named "${name}" (tools: ${TOOLS.map((t) => t.name).join(', ')})` };
  const args = input ?? {};
  const problems = schemaProblems(tool.inputSchema, args);
  if (problems.length > 0) return { ok: false, error: `${name}: ${problems.map((p) => (p.path ? `"${p.path}" ${p.problem}` : p.problem)).join('; ')}` };
  try {
    const result = await dispatch(tool.name, args, context);
    const size = JSON.stringify(result).length;
    // Every list is capped where it is built; this is the guard that a cap was not forgotten.
    if (size > MAX_RESULT_CHARS) return { ok: false, error: `${name}: the result (${size} characters) is over the ${MAX_RESULT_CHARS}-character limit; this is a bug in Synthgap` };
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: oneLine(error) };
  }
}

function dispatch(name: ToolName, input: unknown, context: ToolContext): Promise<object> {
  switch (name) {
    case 'check':
      return checkTool(input as CheckInput, context);
    case 'explain_row':
      return explainRowTool(input as ExplainRowInput, context);
    case 'roughen':
      return roughenTool(input as RoughenInput, context);
    case 'select':
      return selectTool(input as SelectInput, context);
    case 'prompts':
      return promptsTool(input as PromptsInput, context);
    case 'probe':
      return probeTool(input as ProbeInput, context);
  }
}

/** A failure in one line: the user's mistake as the CLI words it (flags named as the tool's inputs), a bug with its name. */
function oneLine(error: unknown): string {
  if (error instanceof CancelledError) return 'cancelled';
  const known = error instanceof ToolError || error instanceof InputError || error instanceof UnreadableFileError || error instanceof UsageError;
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].replace(/--out\b/g, 'output').replace(/--reference\b/g, 'reference');
  return known ? line : `internal error: ${line}`;
}
