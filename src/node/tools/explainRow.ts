/**
 * The `explain_row` tool: one row's score, where it stands among the real rows, why it is flagged and the real
 * row nearest to it. The row's figures are `synthgap check`'s (out-of-fold, as every view shows them); the nearest
 * real row is the editor's hover's (the scoring model's embedding over a seeded sample of the reference).
 */
import { placedText } from '../../core';
import { analysisFor } from './analysisCache';
import { clip } from './bounds';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';
import { ToolError } from './paths';

export interface ExplainRowInput extends CommonInput {
  readonly dataset: string;
  readonly line: number;
}

/** Reasons listed: a flagged row has a few; past eight they repeat what the first say. */
const REASONS_SHOWN = 8;

/** Scores and shares to three decimals: finer digits are noise at any sample size the tools see. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export async function explainRowTool(input: ExplainRowInput, context: ToolContext) {
  const command = prepareCommand(context, input, input.dataset);
  const io = capturedIo(command.cwd, context.token);
  context.onProgress?.(0, 1, 'Scoring the rows against the real rows');
  const { analysis, reused } = await analysisFor(command, io, context.analyses);
  const { report, datasets } = analysis;
  context.onProgress?.(1, 1, 'Done');
  const dataset = report.datasets[0];
  const rows = datasets[0].data.rows;
  const file = dataset.file;

  // A chat file read turn by turn has several rows on one line: the most synthetic-looking one explains the line.
  const candidates = dataset.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.line === input.line);
  if (candidates.length === 0) {
    const error = dataset.errors.find((e) => e.line === input.line);
    if (error) throw new ToolError(`${file}:${input.line}: this line could not be read: ${error.message}`);
    const last = dataset.rows.reduce((max, row) => Math.max(max, row.line), 0);
    throw new ToolError(`${file}:${input.line}: no row starts on this line (the rows are on lines 1 to ${last})`);
  }
  const { row, index } = candidates.reduce((best, next) => (next.row.score > best.row.score ? next : best));
  const text = placedText(rows[index], row);

  let nearest;
  const model = analysis.model(0);
  if (model) {
    const found = model.nearest(rows[index].text);
    if (found) nearest = { file: found.row.file, line: found.row.line, similarity: round(found.similarity), ...(found.row.label !== undefined ? { label: found.row.label } : {}), text: clip(found.row.text) };
  }
  return {
    analysis: reused ? 'reused' : 'new',
    file,
    line: row.line,
    ...(row.field ? { field: row.field } : {}),
    ...(row.turn !== undefined ? { turn: row.turn } : {}),
    ...(row.label !== undefined ? { label: row.label } : {}),
    score: round(row.score),
    percentileAmongRealRows: round(row.percentile),
    flagged: row.flagged,
    flagThreshold: round(dataset.summary.flagThreshold),
    meaning: `${Math.round(row.percentile * 1000) / 10}% of the real rows score lower; rows above ${round(dataset.summary.flagThreshold)} are flagged`,
    reasons: row.reasons.slice(0, REASONS_SHOWN).map((reason) => reason.message),
    text: clip(text),
    ...(nearest ? { nearestRealRow: nearest } : {}),
    datasetVerdict: { verdict: dataset.summary.verdict, auc: round(dataset.summary.auc), headline: dataset.summary.headline },
  };
}
