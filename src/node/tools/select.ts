/** The `select` tool: `synthgap select`'s drops, written to an output file only when one is named. */
import type { SelectReport } from '../../core';
import { runSelect } from '../../cli/select';
import { capped, clip } from './bounds';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';

export interface SelectInput extends CommonInput {
  readonly dataset: string;
  readonly output?: string;
  readonly dropTop?: number;
  readonly keepPerGroup?: number;
}

/** Dropped rows listed with their text: examples of each reason; the counts cover every row. */
const DROPPED_SHOWN = 15;
/** Unreadable lines named as file:line; the rest are counted. */
const ERRORS_SHOWN = 5;

export async function selectTool(input: SelectInput, context: ToolContext) {
  const command = prepareCommand(context, input, input.dataset);
  const io = capturedIo(command.cwd, context.token);
  const args = [...command.args, '--format', 'json'];
  if (input.output !== undefined) args.push('--out', command.path(input.output, 'output'));
  if (input.dropTop !== undefined) args.push('--drop-top', String(input.dropTop));
  if (input.keepPerGroup !== undefined) args.push('--keep-per-group', String(input.keepPerGroup));
  context.onProgress?.(0, 1, 'Finding copies, near-duplicates and synthetic-looking rows');
  await runSelect([...args, '--', command.datasets[0]], io);
  context.onProgress?.(1, 1, 'Done');
  const report = JSON.parse(io.text()) as SelectReport & { out?: string };
  const dropped = capped(report.dropped, DROPPED_SHOWN);
  const errors = capped(report.errors, ERRORS_SHOWN);
  return {
    file: report.file,
    rows: report.rows,
    kept: report.kept,
    droppedByReason: report.counts,
    nearDuplicateGroups: report.groups,
    detectorAuc: report.auc,
    ...(report.out ? { wrote: report.out } : { wrote: null, note: 'nothing written: give "output" to write the kept lines' }),
    dropped: dropped.items.map((row) => ({ line: row.line, reason: row.reason, ...(row.score !== undefined ? { score: Math.round(row.score * 1000) / 1000 } : {}), text: clip(row.text) })),
    ...(dropped.more > 0 ? { moreDropped: dropped.more } : {}),
    unreadable: { count: report.errors.length, first: errors.items.map((error) => `${error.file}:${error.line}: ${error.message}`) },
  };
}
