/** The probe as the report panel shows it: run in the analysis worker, summed up as a PanelProbe. */
import {
  CancelledError,
  probeDifferenceSentences,
  probeProblem,
  probeSynthetic,
  worthSentence,
  type CancellationToken,
  type DatasetRow,
  type PanelProbe,
  type PanelProbeScore,
  type ProbeRow,
  type ProbeScores,
} from '../core';

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
    const score = (scores: ProbeScores, trainedRows: number): PanelProbeScore => ({ accuracy: scores.accuracy, low: scores.accuracyLow, high: scores.accuracyHigh, macroF1: scores.macroF1, trainedRows });
    return {
      state: 'done',
      realOnly: score(report.realOnly, report.trained.real),
      syntheticOnly: score(report.syntheticOnly, report.trained.synthetic),
      blend: score(report.blend, report.trained.real + report.trained.synthetic),
      testRows: report.tested,
      labels: report.labels,
      folds: report.folds,
      sentences: probeDifferenceSentences(report),
      ...(report.learningCurve && report.worthRealRows ? { curve: report.learningCurve, worth: report.worthRealRows, worthSentence: worthSentence(report) } : {}),
    };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
