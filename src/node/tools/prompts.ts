/** The `prompts` tool: `synthgap prompts`' generation prompts for the real rows the synthetic data does not cover. */
import { truncate, type PromptsReport } from '../../core';
import { runPrompts } from '../../cli/prompts';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';

export interface PromptsInput extends CommonInput {
  readonly dataset: string;
  readonly top?: number;
  readonly label?: string;
  readonly examples?: number;
}

/** Prompts by default: five cover the largest gaps and keep the result short (the schema allows up to 20). */
const DEFAULT_TOP = 5;
/** A prompt's text: its examples and style rules fit in this at the default five examples; longer ones are cut. */
const PROMPT_CHARS = 4_000;

export async function promptsTool(input: PromptsInput, context: ToolContext) {
  const command = prepareCommand(context, input, input.dataset);
  const io = capturedIo(command.cwd, context.token);
  const args = [...command.args, '--format', 'json'];
  if (input.label !== undefined) args.push('--label', input.label);
  else args.push('--top', String(input.top ?? DEFAULT_TOP));
  if (input.examples !== undefined) args.push('--examples', String(input.examples));
  context.onProgress?.(0, 1, 'Finding real rows no synthetic row covers');
  await runPrompts([...args, '--', command.datasets[0]], io);
  context.onProgress?.(1, 1, 'Done');
  const report = JSON.parse(io.text()) as PromptsReport;
  return {
    file: report.file,
    rows: report.rows,
    groupedBy: report.groupedBy,
    realRowsJudged: report.judgedRows,
    realRowsUncovered: report.uncoveredRows,
    groupsWithUncoveredRows: report.groupsWithUncovered,
    prompts: report.prompts.map((section) => ({
      ...(section.label !== undefined ? { label: section.label } : {}),
      ...(section.cluster !== undefined ? { cluster: section.cluster } : {}),
      uncoveredRealRows: section.uncoveredRealRows,
      realRows: section.realRows,
      ...(section.syntheticRows !== undefined ? { syntheticRows: section.syntheticRows } : {}),
      // Cut, not flattened: the prompt's lines are what a generator reads.
      prompt: truncate(section.text, PROMPT_CHARS),
    })),
    ...(report.prompts.length === 0 ? { note: 'every real row judged has a close synthetic row: nothing to prompt for' } : {}),
  };
}
