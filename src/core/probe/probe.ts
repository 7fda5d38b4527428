import { throwIfCancelled } from '../host';
import { hashCombine } from '../stats/hash';
import { stratifiedFolds } from './folds';
import { curveSizes } from './crossing';
import { learningCurve, type CurveSplit } from './learningCurve';
import { compareHits } from './compare';
import { probeRows } from './probeRows';
import { probeReport } from './probeReport';
import type { ProbeComparison, ProbeInput, ProbeOptions, ProbeReport, ProbeRow } from './types';
import { predictRows, trainSoftmax } from './softmax';
import { worthRealRows } from './worth';

/**
 * Why the probe cannot run on this input, in one sentence, or undefined when it can: it needs labelled rows
 * on every side, and at least two labels among the reference (or test) rows.
 */
export function probeProblem(input: ProbeInput): string | undefined {
  const count = (rows: readonly ProbeRow[]) => rows.reduce((n, row) => n + (row.label === undefined ? 0 : 1), 0);
  if (count(input.reference) === 0) return 'the reference rows have no labels';
  if (count(input.synthetic) === 0) return 'the synthetic rows have no labels';
  if (input.test && count(input.test) === 0) return 'the test rows have no labels';
  if (input.compare && count(input.compare) === 0) return 'the rows to compare have no labels';
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
 * are left out. Then, unless `curve` is false, the real-only learning curve (see learningCurve) and how many real
 * rows the synthetic rows are worth (see worthRealRows); with `compare` rows, their synthetic-only model against
 * the original's on the same tested rows (see compareHits). Same input and seed, same report. Throws a
 * RangeError when {@link probeProblem} says why not.
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
  const compare = input.compare?.filter(hasLabel);
  const all = [...reference, ...synthetic, ...(test ?? []), ...(compare ?? [])];
  const names = [...new Set(all.map((row) => row.label as string))].sort();
  const classOf = new Map(names.map((name, i) => [name, i]));
  const labels = Int32Array.from(all, (row) => classOf.get(row.label as string) as number);
  const range = (from: number, count: number) => Uint32Array.from({ length: count }, (_, i) => from + i);
  const realRows = range(0, reference.length);
  const syntheticRows = range(reference.length, synthetic.length);
  const folds = test ? 0 : Math.max(2, Math.min(20, Math.floor(options.folds ?? DEFAULTS.folds), reference.length));
  const splitCount = test ? 1 : folds;
  const curve = options.curve ?? true;
  const repeats = Math.max(1, Math.floor(options.repeats ?? (test ? 4 : 2)));
  const curveModels = curve ? splitCount * repeats * (curveSizes(Math.floor(reference.length * (test ? 1 : (folds - 1) / folds))).length - 1) : 0;
  const compareRows = range(reference.length + synthetic.length + (test?.length ?? 0), compare?.length ?? 0);
  const models = (test ? 3 : 2 * folds + 1) + curveModels + (compare ? 1 : 0);
  let done = 0;
  const progress = () => options.onProgress?.(++done, models + 1);
  options.onProgress?.(0, models + 1);

  // The compared rows shape the features as much as the original ones, so neither file is favoured.
  const rows = probeRows(all.map((row) => row.text), labels, names.length, Uint32Array.from([...realRows, ...syntheticRows, ...compareRows]), { buckets, seed, styleDictionary: options.styleDictionary, token });
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
  const splits: CurveSplit[] = [];
  if (test) {
    splits.push({ train: realRows, inside: tested, positions: range(0, tested.length) });
    predicted[0] = predictRows(train(realRows, 2), rows, tested, token);
    predicted[2] = predictRows(train(Uint32Array.from([...realRows, ...syntheticRows]), 3), rows, tested, token);
  } else {
    const foldOf = stratifiedFolds(labels.subarray(0, reference.length), folds, seed);
    for (let fold = 0; fold < folds; fold++) {
      throwIfCancelled(token);
      const inside = realRows.filter((row) => foldOf[row] === fold);
      const outside = realRows.filter((row) => foldOf[row] !== fold);
      splits.push({ train: outside, inside, positions: inside });
      const realModel = train(outside, 2 + 2 * fold);
      const blendModel = train(Uint32Array.from([...outside, ...syntheticRows]), 3 + 2 * fold);
      const [real, blend] = [predictRows(realModel, rows, inside, token), predictRows(blendModel, rows, inside, token)];
      inside.forEach((row, i) => {
        predicted[0][row] = real[i];
        predicted[2][row] = blend[i];
      });
    }
  }
  const report = probeReport(rows.labels, tested, predicted, { reference, synthetic, test, names, folds, seed, buckets, style: options.styleDictionary !== undefined, input });
  const truth = Int32Array.from(tested, (row) => labels[row]);
  const hitsOf = (p: Int32Array) => Uint8Array.from(truth, (label, i) => (p[i] === label ? 1 : 0));
  const syntheticHits = hitsOf(predicted[1]);
  const fit = (subset: Uint32Array, salt: number) => {
    const model = train(subset, salt);
    return (which: ArrayLike<number>) => predictRows(model, rows, which, token);
  };
  const runs = curve ? learningCurve(splits, { labels, truth, repeats, target: syntheticHits, full: predicted[0], seed, fit, token }) : undefined;
  const worth = runs ? worthRealRows(runs, syntheticHits, seed) : undefined;
  let comparison: ProbeComparison | undefined;
  if (compare) {
    // The same salt as the original's synthetic-only model: the same file gives the same model, to the bit.
    const fixedHits = hitsOf(fit(compareRows, 1)(tested));
    const unlabelled = (input.compare?.length ?? 0) - compare.length;
    comparison = compareHits(fixedHits, syntheticHits, { trained: compare.length, unlabelled, ...(runs ? { worth: worthRealRows(runs, fixedHits, seed).worth } : {}) });
  }
  options.onProgress?.(models + 1, models + 1);
  return { ...report, ...(worth ? { worthRealRows: worth.worth, learningCurve: worth.curve } : {}), ...(comparison ? { compare: comparison } : {}) };
}

function hasLabel(row: ProbeRow): boolean {
  return row.label !== undefined;
}
