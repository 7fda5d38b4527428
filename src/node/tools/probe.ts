/** The `probe` tool: `synthgap probe`'s answer to "does this synthetic data help a classifier on real rows?". */
import type { ProbeReport } from '../../core';
import { runProbe } from '../../cli/probe';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';

export interface ProbeInput extends CommonInput {
  readonly dataset: string;
  readonly test?: string;
  readonly curve?: boolean;
}

/** Labels listed where the synthetic rows help or hurt most: the extremes; the accuracies cover the rest. */
const LABELS_SHOWN = 5;

export async function probeTool(input: ProbeInput, context: ToolContext) {
  const command = prepareCommand(context, input, input.dataset);
  const io = capturedIo(command.cwd, context.token);
  const args = [...command.args, '--format', 'json'];
  if (input.test !== undefined) args.push('--test', command.existing(input.test, 'test'));
  if (input.curve === false) args.push('--no-curve');
  context.onProgress?.(0, 1, 'Training classifiers on real, synthetic and both');
  await runProbe([...args, '--', command.datasets[0]], io);
  context.onProgress?.(1, 1, 'Done');
  const report = JSON.parse(io.text()) as ProbeReport & { files: Record<string, unknown>; worthRealRows?: { sentence?: string } };
  const scores = (s: ProbeReport['realOnly']) => ({ accuracy: s.accuracy, accuracyLow: s.accuracyLow, accuracyHigh: s.accuracyHigh, macroF1: s.macroF1 });
  // Where adding the synthetic rows to the real ones moves a label's accuracy most, each way.
  const moved = report.byLabel.map((label) => ({ label: label.label, rows: label.rows, realOnly: label.realOnly, blend: label.blend, points: Math.round((label.blend - label.realOnly) * 1000) / 10 }));
  const helped = moved.filter((l) => l.points > 0).sort((a, b) => b.points - a.points).slice(0, LABELS_SHOWN);
  const hurt = moved.filter((l) => l.points < 0).sort((a, b) => a.points - b.points).slice(0, LABELS_SHOWN);
  return {
    files: report.files,
    evaluation: report.evaluation,
    folds: report.folds,
    testedRealRows: report.tested,
    trained: report.trained,
    labels: report.labels,
    realOnly: scores(report.realOnly),
    syntheticOnly: scores(report.syntheticOnly),
    realPlusSynthetic: scores(report.blend),
    addedBySynthetic: { ...report.added, meaning: 'accuracy points real+synthetic gains over real only, with a 95% interval' },
    syntheticInsteadOfReal: { ...report.replaced, meaning: 'accuracy points synthetic-only scores against real-only' },
    labelsHelpedMost: helped,
    labelsHurtMost: hurt,
    ...(report.worthRealRows ? { worthRealRows: report.worthRealRows } : {}),
    labelsOnlyInReal: report.onlyReal.slice(0, LABELS_SHOWN * 2),
    labelsOnlyInSynthetic: report.onlySynthetic.slice(0, LABELS_SHOWN * 2),
  };
}
