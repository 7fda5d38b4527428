// The probe's input and report types, apart from its code, so that probe.ts, probeReport.ts and compare.ts import
// them without importing each other (no import cycles in src/core, test/unit/architecture/cycles.test.ts).
import type { CancellationToken, WordDictionary } from '../host';
import type { PairedDifference } from './metrics';
import type { CurvePoint, WorthRealRows } from './worth';

export interface ProbeRow {
  readonly text: string;
  readonly label?: string;
}

export interface ProbeInput {
  readonly reference: readonly ProbeRow[];
  readonly synthetic: readonly ProbeRow[];
  /** Real rows to test on; without them, the reference rows are cross-validated. */
  readonly test?: readonly ProbeRow[];
  /** Another synthetic file (a fixed one) to train on in place of `synthetic`, and compare on the same real rows. */
  readonly compare?: readonly ProbeRow[];
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
  /** Trains the real-only learning curve and says how many real rows the synthetic rows are worth; default true. */
  readonly curve?: boolean;
  /** Seeded samples per curve size and split; default 2 per fold, 4 with a test set (one split). */
  readonly repeats?: number;
  readonly token?: CancellationToken;
  /** Work units: one for the features, then one per model trained. */
  readonly onProgress?: (done: number, total: number) => void;
}

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
