// The model file of `synthgap fit` / `synthgap score`: one versioned JSON document that holds what scoring a row
// needs (ScoringModelState), and nothing that depends on when or where it was written, so one seed gives one file.
import type { DetectorState } from '../gap/detector/model';
import type { ScoringModelState } from '../gap/model';
import type { WordCounts } from '../gap/reasons';
import type { FlagRule } from '../gap/verdict';
import type { PhraseStat, Verdict } from '../report/types';
import { decodeBase64, decodeFloat32, decodeFloat64, decodeUint32, encodeArray, encodeBase64 } from './base64';
import { lexiconFingerprint } from './fingerprint';
import type { TrainingFilter } from './trainingFilter';

export const MODEL_FORMAT = 'synthgap-model';
/**
 * Raised when a file written by this version cannot be read by the last one (a field renamed, an array re-encoded).
 * 2: the reference's gram counts (`referenceGrams`), which a version-1 reader would drop without a word.
 */
export const MODEL_SCHEMA_VERSION = 2;
/** Versions this reader reads: version-1 files are version 2 without reference gram counts. */
const READABLE_SCHEMAS: readonly unknown[] = [1, 2];
/**
 * Real values kept per feature for the reasons' "longer than 96% of real rows": evenly spaced order statistics.
 * 2,001 of them resolve a share to 0.05%, finer than the reasons print (whole percents, "over 99.9%"), and keep the
 * 35 columns at 280 KB where 20,000 reference rows would take 2.8 MB. Scores never read them.
 */
export const KEPT_REAL_VALUES = 2001;

/** How the synthetic side was read at fit time; score reads every file the same way. */
export interface ModelText {
  readonly textField: string;
  readonly textFields?: readonly string[];
  readonly role?: string;
  readonly labelField?: string;
}

export interface ModelSummary {
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly verdict: Verdict;
  readonly flagThreshold: number;
  readonly flagRule: FlagRule;
}

/** A model as `fit` hands it over and `score` gets it back. */
export interface ModelDocument {
  readonly toolVersion: string;
  readonly seed: number;
  readonly text: ModelText;
  /** Rows each side was fitted on (after the sample), and rows read. */
  readonly rows: { readonly reference: number; readonly synthetic: number; readonly referenceRead: number; readonly syntheticRead: number };
  readonly summary: ModelSummary;
  readonly state: ScoringModelState;
  /** The synthetic rows fitted on (trainingFilter.ts); absent in files written before it existed, which still load. */
  readonly training?: TrainingFilter;
  /**
   * Reference rows containing each gram, as a count-min sketch shaped as a sketch's (sketch/grams.ts gramCounts),
   * over `rows` reference rows; absent in version-1 files.
   */
  readonly referenceGrams?: { readonly rows: number; readonly cms: Uint32Array };
}

/** A model file that cannot be used, in one line the user can act on. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/** The state with what scoring does not need left out or thinned: no nearest rows, fewer real values per feature. */
export function compactState(state: ScoringModelState): ScoringModelState {
  return {
    ...state,
    embedding: state.tfidf,
    nearestRows: [],
    nearestEmbeddings: new Float32Array(0),
    reasons: { ...state.reasons, realSorted: state.reasons.realSorted.map((column) => Float64Array.from(Float32Array.from(thinSorted(column, KEPT_REAL_VALUES)))) },
  };
}

/**
 * `count` evenly spaced order statistics of a sorted column (its first and last included); the column itself when
 * it is no longer. @example thinSorted(Float64Array.of(1, 2, 3, 4, 5), 3) // [1, 3, 5]
 */
export function thinSorted(sorted: Float64Array, count: number): Float64Array {
  if (sorted.length <= count) return sorted.slice();
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = sorted[Math.round((k * (sorted.length - 1)) / (count - 1))];
  return out;
}

/**
 * The model file's text: `{"format":"synthgap-model","schemaVersion":1,…}` with typed arrays as base64 of their
 * little-endian bytes. The same document gives the same text.
 */
export function encodeModelFile(doc: ModelDocument): string {
  const { state } = doc;
  const { detector, tfidf, reasons } = state;
  const file = {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    tool: { name: 'synthgap', version: doc.toolVersion },
    seed: doc.seed,
    text: doc.text,
    lexicons: lexiconFingerprint(),
    rows: doc.rows,
    summary: doc.summary,
    reference: { rows: state.referenceScores.length, scores: encodeArray(state.referenceScores) },
    model: {
      flagThreshold: state.flagThreshold,
      flagRule: state.flagRule,
      ...(state.recordFields ? { recordFields: state.recordFields } : {}),
      detector: {
        bias: detector.bias,
        denseWeights: encodeArray(detector.denseWeights),
        denseMean: encodeArray(detector.denseMean),
        denseStd: encodeArray(detector.denseStd),
        ...(detector.sparseWeights ? { sparseWeights: encodeArray(detector.sparseWeights) } : {}),
      },
      tfidf: { buckets: tfidf.buckets, seed: tfidf.seed, wordIdf: encodeArray(tfidf.wordIdf), charIdf: encodeArray(tfidf.charIdf) },
      reasons: {
        clip: reasons.clip,
        // Feature values are single precision (the feature matrix), so Float32 keeps them exactly.
        realSorted: reasons.realSorted.map((column) => encodeArray(Float32Array.from(column))),
        phrases: reasons.phrases,
        realRows: reasons.realRows,
        syntheticRows: reasons.syntheticRows,
        stockPhraseCounts: [...reasons.stockPhraseCounts],
        referenceRows: reasons.referenceRows,
      },
      ...(state.wordCounts ? { wordCounts: encodeWordCounts(state.wordCounts) } : {}),
    },
    ...(doc.referenceGrams ? { referenceGrams: { rows: doc.referenceGrams.rows, cms: encodeArray(doc.referenceGrams.cms) } } : {}),
    ...(doc.training ? { training: { rows: doc.training.rows, probes: doc.training.probes, seed: doc.training.seed, bits: encodeBase64(doc.training.bits) } } : {}),
  };
  return `${JSON.stringify(file)}\n`;
}

/**
 * A model file's text back as a document. `name` is the file as the user named it, for the messages: not JSON, not
 * a model, another schema version, other lexicons or a damaged field are each a {@link ModelFileError}.
 */
export function decodeModelFile(text: string, name: string): ModelDocument {
  let file: Record<string, unknown>;
  try {
    file = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ModelFileError(`${name} is not a synthgap model: it is not JSON`);
  }
  if (typeof file !== 'object' || file === null || file.format !== MODEL_FORMAT) throw new ModelFileError(`${name} is not a synthgap model (no "format": "${MODEL_FORMAT}"): write one with synthgap fit`);
  const tool = file.tool as { version?: unknown } | undefined;
  const by = typeof tool?.version === 'string' ? ` ${tool.version}` : '';
  if (!READABLE_SCHEMAS.includes(file.schemaVersion)) {
    throw new ModelFileError(`${name} was written by synthgap${by} (model schema ${String(file.schemaVersion)}); this synthgap reads schemas ${READABLE_SCHEMAS.join(' and ')}: fit it again`);
  }
  if (file.lexicons !== lexiconFingerprint()) {
    throw new ModelFileError(`${name} was fitted by synthgap${by} with other lexicons or features (${String(file.lexicons)}; this synthgap has ${lexiconFingerprint()}): fit it again`);
  }
  try {
    return decodeFields(file);
  } catch (error) {
    throw new ModelFileError(`${name} is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface EncodedModel {
  flagThreshold: number;
  flagRule: FlagRule;
  recordFields?: string[];
  detector: { bias: number; denseWeights: string; denseMean: string; denseStd: string; sparseWeights?: string };
  tfidf: { buckets: number; seed: number; wordIdf: string; charIdf: string };
  reasons: { clip: number; realSorted: string[]; phrases: PhraseStat[]; realRows: number; syntheticRows: number; stockPhraseCounts: [string, number][]; referenceRows: number };
  wordCounts?: { realWordRows: [string, number][]; wordRows: number; syntheticWordRows: [string, number][]; syntheticRows: number };
}

function decodeFields(file: Record<string, unknown>): ModelDocument {
  const model = file.model as EncodedModel;
  const reference = file.reference as { scores: string };
  const { detector: d, tfidf: t, reasons: r } = model;
  const detector: DetectorState = {
    bias: number(d.bias, 'model.detector.bias'),
    denseWeights: decodeFloat64(d.denseWeights),
    denseMean: decodeFloat64(d.denseMean),
    denseStd: decodeFloat64(d.denseStd),
    ...(d.sparseWeights !== undefined ? { sparseWeights: decodeFloat32(d.sparseWeights) } : {}),
  };
  const tfidf = { buckets: number(t.buckets, 'model.tfidf.buckets'), seed: number(t.seed, 'model.tfidf.seed'), wordIdf: decodeBase64(t.wordIdf), charIdf: decodeBase64(t.charIdf) };
  if (tfidf.wordIdf.length !== tfidf.buckets || tfidf.charIdf.length !== tfidf.buckets) throw new RangeError('the IDF tables do not match the bucket count');
  if (detector.sparseWeights && detector.sparseWeights.length !== tfidf.buckets) throw new RangeError('the word weights do not match the bucket count');
  if (detector.denseMean.length !== detector.denseWeights.length || detector.denseStd.length !== detector.denseWeights.length) throw new RangeError('the dense weights and their scaler differ in length');
  const state: ScoringModelState = {
    detector,
    tfidf,
    embedding: tfidf,
    dimension: 0,
    nearestRows: [],
    nearestEmbeddings: new Float32Array(0),
    reasons: {
      clip: number(r.clip, 'model.reasons.clip'),
      realSorted: r.realSorted.map((column) => Float64Array.from(decodeFloat32(column))),
      phrases: r.phrases,
      realRows: r.realRows,
      syntheticRows: r.syntheticRows,
      stockPhraseCounts: new Map(r.stockPhraseCounts),
      referenceRows: r.referenceRows,
    },
    ...(model.wordCounts ? { wordCounts: decodeWordCounts(model.wordCounts) } : {}),
    referenceScores: decodeFloat64(reference.scores),
    flagThreshold: number(model.flagThreshold, 'model.flagThreshold'),
    flagRule: model.flagRule,
    ...(model.recordFields ? { recordFields: model.recordFields } : {}),
  };
  const tool = file.tool as { version: string };
  const training = file.training as { rows: number; probes: number; seed: number; bits: string } | undefined;
  const grams = file.referenceGrams as { rows: number; cms: string } | undefined;
  return {
    toolVersion: tool.version,
    seed: file.seed as number,
    text: file.text as ModelText,
    rows: file.rows as ModelDocument['rows'],
    summary: file.summary as ModelSummary,
    state,
    ...(grams ? { referenceGrams: { rows: number(grams.rows, 'referenceGrams.rows'), cms: decodeUint32(grams.cms) } } : {}),
    ...(training ? { training: { rows: number(training.rows, 'training.rows'), probes: number(training.probes, 'training.probes'), seed: number(training.seed, 'training.seed'), bits: decodeBase64(training.bits) } } : {}),
  };
}

function number(value: unknown, field: string): number {
  if (typeof value !== 'number') throw new TypeError(`${field} is not a number`);
  return value;
}

function encodeWordCounts(counts: WordCounts): EncodedModel['wordCounts'] {
  return { realWordRows: [...counts.realWordRows], wordRows: counts.wordRows, syntheticWordRows: [...counts.syntheticWordRows], syntheticRows: counts.syntheticRows };
}

function decodeWordCounts(counts: NonNullable<EncodedModel['wordCounts']>): WordCounts {
  return { realWordRows: new Map(counts.realWordRows), wordRows: counts.wordRows, syntheticWordRows: new Map(counts.syntheticWordRows), syntheticRows: counts.syntheticRows };
}
