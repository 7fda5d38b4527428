/** The probe as the report panel shows it: run in the analysis worker, summed up as a PanelProbe. */
import { probeProblem, probeSynthetic, type ProbeRow } from '../core/probe/probe';
import { CancelledError, type CancellationToken } from '../core/host';
import type { DatasetRow } from '../core/dataset/types';
import type { PanelProbe } from '../core/report/panelTypes';

export interface ProbeSides {
  readonly reference: readonly DatasetRow[];
  readonly synthetic: readonly DatasetRow[];
}

/**
 * Trains the probe's three classifiers (real only, synthetic only, both) and tests them on held-out real rows,
 * as `synthgap probe` does. Unavailable (with the reason) when a side has no labels; a cancellation propagates.
 */
export function panelProbe(sides: ProbeSides, seed: number, token?: CancellationToken): PanelProbe {
  const toRows = (rows: readonly DatasetRow[]): ProbeRow[] => rows.map(({ text, label }) => ({ text, label }));
  const input = { reference: toRows(sides.reference), synthetic: toRows(sides.synthetic) };
  const problem = probeProblem(input);
  if (problem) return { state: 'unavailable', message: `The probe needs labelled rows: ${problem}.` };
  try {
    const report = probeSynthetic(input, { seed, token });
    return {
      state: 'done',
      realOnly: report.realOnly.accuracy,
      syntheticOnly: report.syntheticOnly.accuracy,
      blend: report.blend.accuracy,
      testRows: report.tested,
      labels: report.labels,
    };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
