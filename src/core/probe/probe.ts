import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';
import { hashCombine } from '../stats/hash';
import { stratifiedFolds } from './folds';
import { probeRows } from './probeRows';
import { probeReport, type ProbeReport } from './probeReport';
import { predictRows, trainSoftmax } from './softmax';

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
  /** Cross-validation folds over the reference rows; default 3 (each fold trains two models), clamped to 2..20. */
  readonly folds?: number;
  /** Passes per model; by default 2 to 4 (see trainSoftmax). */
  readonly epochs?: number;
  /** Hash buckets of the TF-IDF features; default 2^16. */
  readonly buckets?: number;
  /** Adds the stylometric features (measured with this dictionary) to the n-grams. */
  readonly styleDictionary?: WordDictionary;
  readonly token?: CancellationToken;
  /** Work units: one for the features, then one per model trained. */
  readonly onProgress?: (done: number, total: number) => void;
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

const DEFAULTS = { seed: 42, folds: 3, buckets: 1 << 16 } as const;

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
  const epochs = options.epochs;
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
  return probeReport(rows.labels, tested, predicted, { reference, synthetic, test, names, folds, seed, buckets, style: options.styleDictionary !== undefined, input });
}

function hasLabel(row: ProbeRow): boolean {
  return row.label !== undefined;
}
