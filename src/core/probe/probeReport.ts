import { wilsonInterval } from '../stats/wilson';
import { macroF1, pairedDifference, share } from './metrics';
import type { LabelProbe, ProbeInput, ProbeReport, ProbeRow, ProbeScores } from './types';

/** Names the classifier in reports. */
const MODEL = 'softmax regression (AdaGrad) on hashed word 1-2-grams and character 2-4-grams';

export interface ReportContext {
  readonly reference: readonly ProbeRow[];
  readonly synthetic: readonly ProbeRow[];
  readonly test?: readonly ProbeRow[];
  readonly names: readonly string[];
  readonly folds: number;
  readonly seed: number;
  readonly buckets: number;
  readonly style: boolean;
  readonly input: ProbeInput;
}

/**
 * The probe's figures from the three models' predictions (real only, synthetic only, blend) for the tested
 * rows: accuracy and macro-F1, the paired differences in points, and per-label accuracy, sorted by what the
 * synthetic rows add (costs first, then by synthetic-only accuracy and label).
 */
export function probeReport(labels: Int32Array, tested: Uint32Array, predicted: readonly Int32Array[], context: ReportContext): ProbeReport {
  const { names, reference, synthetic, input } = context;
  const classes = names.length;
  const truth = Int32Array.from(tested, (row) => labels[row]);
  const correct = predicted.map((p) => Uint8Array.from(truth, (label, i) => (p[i] === label ? 1 : 0)));
  const scores = (m: number): ProbeScores => {
    const hits = correct[m].reduce((sum, flag) => sum + flag, 0);
    const interval = wilsonInterval(hits, correct[m].length);
    return { accuracy: share(correct[m]), accuracyLow: interval.low, accuracyHigh: interval.high, macroF1: macroF1(truth, predicted[m], classes) };
  };
  const counts = (list: readonly ProbeRow[]) => {
    const byName = new Map<string, number>();
    for (const row of list) byName.set(row.label as string, (byName.get(row.label as string) ?? 0) + 1);
    return byName;
  };
  const realCounts = counts(reference);
  const syntheticCounts = counts(synthetic);
  const right = names.map(() => [0, 0, 0]);
  const total = new Float64Array(classes);
  truth.forEach((label, i) => {
    total[label]++;
    for (let m = 0; m < 3; m++) right[label][m] += correct[m][i];
  });
  const byLabel: LabelProbe[] = [];
  names.forEach((label, c) => {
    if (total[c] === 0) return;
    byLabel.push({
      label,
      rows: total[c],
      realTrain: realCounts.get(label) ?? 0,
      syntheticTrain: syntheticCounts.get(label) ?? 0,
      realOnly: right[c][0] / total[c],
      syntheticOnly: right[c][1] / total[c],
      blend: right[c][2] / total[c],
    });
  });
  byLabel.sort((a, b) => a.blend - a.realOnly - (b.blend - b.realOnly) || a.syntheticOnly - b.syntheticOnly || a.label.localeCompare(b.label));
  const unlabelled = (list?: readonly ProbeRow[]) => (list ?? []).filter((row) => row.label === undefined).length;
  const realNames = new Set([...realCounts.keys(), ...counts(context.test ?? []).keys()]);
  return {
    evaluation: context.test ? 'test-set' : 'cross-validation',
    folds: context.folds,
    tested: tested.length,
    trained: { real: reference.length, synthetic: synthetic.length },
    unlabelled: { reference: unlabelled(input.reference), synthetic: unlabelled(input.synthetic), test: unlabelled(input.test) },
    labels: byLabel.length,
    classes,
    realOnly: scores(0),
    syntheticOnly: scores(1),
    blend: scores(2),
    added: pairedDifference(correct[2], correct[0]),
    replaced: pairedDifference(correct[1], correct[0]),
    byLabel,
    onlyReal: [...realNames].filter((name) => !syntheticCounts.has(name)).sort(),
    onlySynthetic: [...syntheticCounts.keys()].filter((name) => !realNames.has(name)).sort(),
    settings: { seed: context.seed, buckets: context.buckets, styleFeatures: context.style, model: MODEL },
  };
}
