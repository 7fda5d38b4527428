import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';
import { hashCombine } from '../stats/hash';
import { stratifiedFolds } from './folds';
import { macroF1, pairedDifference, share, type PairedDifference } from './metrics';
import { probeRows } from './probeRows';
import { predictRows, trainSoftmax, type SoftmaxRows } from './softmax';

export interface ProbeRow {
  readonly text: string;
  readonly label?: string;
}

export interface ProbeInput {
  readonly reference: readonly ProbeRow[];
  readonly synthetic: readonly ProbeRow[];
  /** Real rows to test on; without them, the reference rows are cross-validated. */
  readonly test?: readonly ProbeRow[];
}

export interface ProbeOptions {
  /** Default 42. */
  readonly seed?: number;
  /** Cross-validation folds over the reference rows; default 5, clamped to 2..20. */
  readonly folds?: number;
  /** SGD passes per model; default 3. */
  readonly epochs?: number;
  /** Hash buckets of the TF-IDF features; default 2^16. */
  readonly buckets?: number;
  /** Adds the stylometric features (measured with this dictionary) to the n-grams. */
  readonly styleDictionary?: WordDictionary;
  readonly token?: CancellationToken;
  /** Work units: one for the features, then one per model trained. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ProbeScores {
  readonly accuracy: number;
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
  readonly labels: number;
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
  readonly settings: { readonly seed: number; readonly epochs: number; readonly buckets: number; readonly styleFeatures: boolean };
}

/**
 * Why the probe cannot run on this input, in one sentence, or undefined when it can: it needs labelled rows
 * on every side, and at least two labels among the reference (or test) rows.
 */
export function probeProblem(input: ProbeInput): string | undefined {
  const count = (rows: readonly ProbeRow[]) => rows.reduce((n, row) => n + (row.label === undefined ? 0 : 1), 0);
  if (count(input.reference) === 0) return 'the reference rows have no labels';
  if (count(input.synthetic) === 0) return 'the synthetic rows have no labels';
  if (input.test && count(input.test) === 0) return 'the test rows have no labels';
  const tested = input.test ?? input.reference;
  if (new Set(tested.map((row) => row.label).filter((label) => label !== undefined)).size < 2) return 'there are fewer than two labels to tell apart';
  return undefined;
}

const DEFAULTS = { seed: 42, folds: 5, epochs: 3, buckets: 1 << 16 } as const;

/**
 * Will the synthetic rows help a classifier of real rows? Trains a softmax regression (see trainSoftmax) on
 * real rows only, on synthetic rows only, and on both, and tests all three on the same real rows the models
 * never saw: the `test` rows, or each fold of a stratified k-fold split of the reference rows (real-only and
 * blend models are trained per fold on the other folds; the synthetic-only model once). Rows without a label
 * are left out. Same input and seed, same report. Throws a RangeError when {@link probeProblem} says why not.
 *
 * @example probeSynthetic({ reference, synthetic, test }).added.points // +1.1
 */
export function probeSynthetic(input: ProbeInput, options: ProbeOptions = {}): ProbeReport {
  const problem = probeProblem(input);
  if (problem) throw new RangeError(problem);
  const seed = options.seed ?? DEFAULTS.seed;
  const epochs = options.epochs ?? DEFAULTS.epochs;
  const buckets = options.buckets ?? DEFAULTS.buckets;
  const { token } = options;
  const reference = input.reference.filter(hasLabel);
  const synthetic = input.synthetic.filter(hasLabel);
  const test = input.test?.filter(hasLabel);
  const all = [...reference, ...synthetic, ...(test ?? [])];
  const names = [...new Set(all.map((row) => row.label as string))].sort();
  const classOf = new Map(names.map((name, i) => [name, i]));
  const labels = Int32Array.from(all, (row) => classOf.get(row.label as string) as number);
  const range = (from: number, count: number) => Uint32Array.from({ length: count }, (_, i) => from + i);
  const realRows = range(0, reference.length);
  const syntheticRows = range(reference.length, synthetic.length);
  const folds = test ? 0 : Math.max(2, Math.min(20, Math.floor(options.folds ?? DEFAULTS.folds), reference.length));
  const models = test ? 3 : 2 * folds + 1;
  let done = 0;
  const progress = () => options.onProgress?.(++done, models + 1);
  options.onProgress?.(0, models + 1);

  const rows = probeRows(all.map((row) => row.text), labels, names.length, Uint32Array.from([...realRows, ...syntheticRows]), { buckets, seed, styleDictionary: options.styleDictionary, token });
  progress();
  const train = (subset: Uint32Array, salt: number) => {
    const model = trainSoftmax(rows, subset, { epochs, seed: hashCombine(seed, salt), token });
    progress();
    return model;
  };
  const tested = test ? range(reference.length + synthetic.length, test.length) : realRows;
  const predicted: Int32Array[] = [new Int32Array(tested.length), new Int32Array(tested.length), new Int32Array(tested.length)];
  const syntheticModel = train(syntheticRows, 1);
  predicted[1] = predictRows(syntheticModel, rows, tested, token);
  if (test) {
    predicted[0] = predictRows(train(realRows, 2), rows, tested, token);
    predicted[2] = predictRows(train(Uint32Array.from([...realRows, ...syntheticRows]), 3), rows, tested, token);
  } else {
    const foldOf = stratifiedFolds(labels.subarray(0, reference.length), folds, seed);
    for (let fold = 0; fold < folds; fold++) {
      throwIfCancelled(token);
      const inside = realRows.filter((row) => foldOf[row] === fold);
      const outside = realRows.filter((row) => foldOf[row] !== fold);
      const realModel = train(outside, 2 + 2 * fold);
      const blendModel = train(Uint32Array.from([...outside, ...syntheticRows]), 3 + 2 * fold);
      const [real, blend] = [predictRows(realModel, rows, inside, token), predictRows(blendModel, rows, inside, token)];
      inside.forEach((row, i) => {
        predicted[0][row] = real[i];
        predicted[2][row] = blend[i];
      });
    }
  }
  return report(rows, tested, predicted, { reference, synthetic, test, names, folds, seed, epochs, buckets, style: options.styleDictionary !== undefined, input });
}

function hasLabel(row: ProbeRow): boolean {
  return row.label !== undefined;
}

interface ReportContext {
  readonly reference: readonly ProbeRow[];
  readonly synthetic: readonly ProbeRow[];
  readonly test?: readonly ProbeRow[];
  readonly names: readonly string[];
  readonly folds: number;
  readonly seed: number;
  readonly epochs: number;
  readonly buckets: number;
  readonly style: boolean;
  readonly input: ProbeInput;
}

function report(rows: SoftmaxRows, tested: Uint32Array, predicted: Int32Array[], context: ReportContext): ProbeReport {
  const { names, reference, synthetic, input } = context;
  const classes = names.length;
  const truth = Int32Array.from(tested, (row) => rows.labels[row]);
  const correct = predicted.map((p) => Uint8Array.from(truth, (label, i) => (p[i] === label ? 1 : 0)));
  const scores = (m: number): ProbeScores => ({ accuracy: share(correct[m]), macroF1: macroF1(truth, predicted[m], classes) });
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
  const unlabelled = (list?: readonly ProbeRow[]) => (list ?? []).length - (list ?? []).filter(hasLabel).length;
  const realNames = new Set([...realCounts.keys(), ...counts(context.test ?? []).keys()]);
  return {
    evaluation: context.test ? 'test-set' : 'cross-validation',
    folds: context.folds,
    tested: tested.length,
    trained: { real: reference.length, synthetic: synthetic.length },
    unlabelled: { reference: unlabelled(input.reference), synthetic: unlabelled(input.synthetic), test: unlabelled(input.test) },
    labels: classes,
    realOnly: scores(0),
    syntheticOnly: scores(1),
    blend: scores(2),
    added: pairedDifference(correct[2], correct[0]),
    replaced: pairedDifference(correct[1], correct[0]),
    byLabel,
    onlyReal: [...realNames].filter((name) => !syntheticCounts.has(name)).sort(),
    onlySynthetic: [...syntheticCounts.keys()].filter((name) => !realNames.has(name)).sort(),
    settings: { seed: context.seed, epochs: context.epochs, buckets: context.buckets, styleFeatures: context.style },
  };
}
