/**
 * The `roughen` tool: `synthgap roughen` with an explicit output file (never the input, never the reference), and
 * what it changed as data: the counts per kind, a few changed lines before and after, the real data's noise.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeNoiseProfile } from '../../core';
import { roughenFile } from '../../cli/roughen';
import { capped, clip } from './bounds';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';
import { ToolError } from './paths';

export interface RoughenInput extends CommonInput {
  readonly dataset: string;
  readonly output?: string;
  readonly onlyFlagged?: boolean;
  readonly strength?: number;
}

/** Changed lines shown before and after: enough to judge the kind of noise added; the counts cover the rest. */
const CHANGED_LINES_SHOWN = 10;

export async function roughenTool(input: RoughenInput, context: ToolContext) {
  // The tool writes a file only where it is told to: the agent (and, in VS Code, the user) names it.
  if (input.output === undefined) throw new ToolError('roughen writes a new file: give "output", the path to write the roughened rows to');
  const command = prepareCommand(context, input, input.dataset);
  const out = command.path(input.output, 'output');
  if (resolve(command.cwd, out) === resolve(command.cwd, command.datasets[0])) throw new ToolError(`output ${input.output} is the dataset itself: roughen writes a new file, so name another output`);
  const io = capturedIo(command.cwd, context.token);
  const args = ['--out', out, ...command.args];
  if (input.onlyFlagged === true) args.push('--only-flagged');
  if (input.strength !== undefined) args.push('--strength', String(input.strength));
  context.onProgress?.(0, 1, 'Roughening the rows');
  const summary = await roughenFile([...args, '--', command.datasets[0]], io);
  context.onProgress?.(1, 1, 'Done');

  const changes = changedLines(resolve(command.cwd, summary.input), resolve(command.cwd, summary.out));
  return {
    file: summary.input,
    wrote: summary.out,
    rows: summary.rows,
    rowsConsidered: summary.considered,
    rowsChanged: summary.changed,
    onlyFlagged: summary.onlyFlagged,
    changesByKind: Object.fromEntries([...summary.kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    changedLines: changes.items,
    ...(changes.more > 0 ? { moreChangedLines: changes.more } : {}),
    realNoise: { rows: summary.profile.rows, sentences: describeNoiseProfile(summary.profile) },
    ...(io.notes().length > 0 ? { notes: io.notes() } : {}),
  };
}

/** The lines that differ between the input and the output (roughen keeps every line where it was). */
function changedLines(input: string, output: string) {
  const before = readFileSync(input, 'utf8').split('\n');
  const after = readFileSync(output, 'utf8').split('\n');
  const changed: { line: number; before: string; after: string }[] = [];
  let count = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    if (before[i] === after[i]) continue;
    count++;
    if (changed.length < CHANGED_LINES_SHOWN) changed.push({ line: i + 1, before: clip(before[i]), after: clip(after[i]) });
  }
  return { ...capped(changed, CHANGED_LINES_SHOWN), more: count - changed.length };
}
