import { wilsonInterval } from '../stats/wilson';
import { macroF1, pairedDifference, share, type PairedDifference } from './metrics';
import type { ProbeInput, ProbeRow } from './probe';
import type { CurvePoint, WorthRealRows } from './worth';

export interface ProbeScores {
  readonly accuracy: number;
  /** The accuracy's 95% interval (Wilson score) over the tested rows. */
  readonly accuracyLow: number;
  readonly accuracyHigh: number;
  readonly macroF1: number;
}

export interface LabelProbe {
  readonly label: string;
  /** Real rows of the label tested on. */
  readonly rows: number;
  readonly realTrain: number;
  readonly syntheticTrain: number;
  /** Share of the label's test rows each model gets right. */
  readonly realOnly: number;
  readonly syntheticOnly: number;
  readonly blend: number;
}

export interface ProbeReport {
  readonly evaluation: 'cross-validation' | 'test-set';
  /** Folds of the cross-validation; 0 with a test set. */
  readonly folds: number;
  /** Labelled real rows tested on. */
  readonly tested: number;
  /** Labelled rows trained on (real rows over all folds). */
  readonly trained: { readonly real: number; readonly synthetic: number };
  /** Rows left out for having no label. */
  readonly unlabelled: { readonly reference: number; readonly synthetic: number; readonly test: number };
  /** Labels among the tested real rows: what the accuracies are over. */
  readonly labels: number;
  /** Labels the models choose from: those of every side, so a synthetic-only label counts here and not above. */
  readonly classes: number;
  readonly realOnly: ProbeScores;
  readonly syntheticOnly: ProbeScores;
  readonly blend: ProbeScores;
  /** Real + synthetic against real only, in accuracy points: what adding the synthetic rows does. */
  readonly added: PairedDifference;
  /** Synthetic only against real only: what the synthetic rows are worth instead of real ones. */
  readonly replaced: PairedDifference;
  /** Per tested label, the labels where synthetic rows cost the most first. */
  readonly byLabel: LabelProbe[];
  /** Labels of real rows that no synthetic row has, and the other way round. */
  readonly onlyReal: string[];
  readonly onlySynthetic: string[];
  readonly settings: { readonly seed: number; readonly buckets: number; readonly styleFeatures: boolean; readonly model: string };
  /** How many real rows train as well as the synthetic rows (absent when the curve was not asked for). */
  readonly worthRealRows?: WorthRealRows;
  /** The real-only learning curve it is read from, smallest sample first; the last point is all of a fold's real rows. */
  readonly learningCurve?: CurvePoint[];
  /** With `--compare FILE`: that file's synthetic-only model against the original's, on the same real rows. */
  readonly compare?: ProbeComparison;
}

/** A fixed synthetic file against the original: each trained alone, both tested on the same held-out real rows. */
export interface ProbeComparison {
  /** Labelled rows of the compared file trained on, and its rows left out for having no label. */
  readonly trained: number;
  readonly unlabelled: number;
  readonly accuracy: number;
  readonly accuracyLow: number;
  readonly accuracyHigh: number;
  /** The original synthetic file's accuracy on the same rows. */
  readonly original: number;
  /** Compared file against the original, in points, paired over the tested rows. */
  readonly difference: PairedDifference;
  readonly worthRealRows?: WorthRealRows;
}

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
