import type { DatasetRow } from '../dataset/types';
import { fieldGramText } from '../embed/hashedGrams';
import { foldVector, HashedTfidf, type HashedTfidfState } from '../embed/hashedTfidf';
import { computeRecordFeatures, recordFeatureDim } from './recordFeatures';
import { computeFeatures } from '../features/compute';
import { describeRowFeature } from '../features/describe';
import { FEATURE_COUNT, FEATURES } from '../features/registry';
import type { WordDictionary } from '../host';
import type { PhraseStat, RowReason } from '../report/types';
import { percentileRank, quantileSorted } from '../stats/quantile';
import { sampleIndexes, seededRandom } from '../stats/random';
import type { DetectorResult } from './detector/types';
import { exportDetectorState, scoreDetectorState, type DetectorState } from './detector/model';
import { phraseBoost } from './markerPrior';
import { isFlagged, type FlagRule } from './verdict';
import { explainRow, type ReasonContext, type WordCounts } from './reasons';
import type { NoiseProfile } from '../roughen/types';

/** What `analyze` hands out, per dataset, to whoever keeps a scoring model (its `onModel` option). */
export interface ModelParts {
  readonly detector: DetectorResult;
  /** The detector's TF-IDF (rare features dropped). */
  readonly tfidf: HashedTfidf;
  /** The TF-IDF behind the built-in embedding (every feature kept). */
  readonly embedding: HashedTfidf;
  readonly reasons: ReasonContext;
  /** The reference rows' out-of-fold scores, sorted ascending. */
  readonly referenceScores: Float64Array;
  readonly flagThreshold: number;
  /** Which rows the comparison's verdict lets be flagged (verdict.ts). */
  readonly flagRule: FlagRule;
  /** The reference set's noise profile, as learned for the report. */
  readonly noiseProfile: NoiseProfile;
  /** For records read field by field: the fields whose values follow the text's features (recordFeatures.ts). */
  readonly recordFields?: readonly string[];
}

/** A reference row the editor may show for contrast. */
export interface ModelReferenceRow {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly label?: string;
}

/** A scoring model as plain data (typed arrays, arrays, a Map): it crosses threads by structured clone. */
export interface ScoringModelState {
  readonly detector: DetectorState;
  readonly tfidf: HashedTfidfState;
  readonly embedding: HashedTfidfState;
  readonly dimension: number;
  /** A seeded sample of reference rows and their embeddings, row-major. */
  readonly nearestRows: readonly ModelReferenceRow[];
  readonly nearestEmbeddings: Float32Array;
  readonly reasons: Omit<ReasonContext, 'defs' | 'describe' | 'weights' | 'mean' | 'std' | 'words'>;
  /** The word counts behind word reasons (the TF-IDF and the weights are above). */
  readonly wordCounts?: WordCounts;
  readonly referenceScores: Float64Array;
  readonly flagThreshold: number;
  readonly flagRule: FlagRule;
  /** For records read field by field: the fields whose values follow the text's features (recordFeatures.ts). */
  readonly recordFields?: readonly string[];
}

export interface RowScore {
  readonly score: number;
  /** Share of reference rows with a lower score, 0..1. */
  readonly percentile: number;
  readonly flagged: boolean;
  /** Empty unless flagged. */
  readonly reasons: RowReason[];
  /** For a record read field by field: the field the flag is about (RowResult.field), and its chat turn. */
  readonly field?: string;
  readonly turn?: number;
}

export interface NearestRow {
  readonly row: ModelReferenceRow;
  readonly similarity: number;
}

export interface ModelStateOptions {
  /** Reference rows kept for "nearest real row"; default 10,000 (a seeded sample beyond it). */
  readonly maxNearest?: number;
  readonly seed?: number;
  /** Embedding size; default 256. */
  readonly dimension?: number;
}

/**
 * The editor's scoring model, as plain data, from what one comparison of `analyze` learned. `reference` are the
 * reference rows in the order `analyze` saw them. Embedding the nearest-row sample costs about 10 µs a row.
 *
 * @example analyze(input, { ...options, onModel: (parts) => { state = scoringModelState(parts, referenceRows) } })
 */
export function scoringModelState(parts: ModelParts, reference: readonly ModelReferenceRow[], options: ModelStateOptions = {}): ScoringModelState {
  const dimension = options.dimension ?? 256;
  const picked = [...sampleIndexes(reference.length, options.maxNearest ?? 10_000, seededRandom(options.seed ?? 42))].sort((a, b) => a - b);
  const nearestEmbeddings = new Float32Array(picked.length * dimension);
  picked.forEach((index, k) => nearestEmbeddings.set(foldVector(parts.embedding, reference[index].text, dimension), k * dimension));
  const context = parts.reasons;
  return {
    detector: exportDetectorState(parts.detector),
    tfidf: parts.tfidf.exportState(),
    embedding: parts.embedding.exportState(),
    dimension,
    nearestRows: picked.map((index) => reference[index]),
    nearestEmbeddings,
    // The feature definitions, the describer and the weights are not data; the model puts them back.
    reasons: {
      clip: context.clip,
      realSorted: context.realSorted.map((column) => column.slice()),
      phrases: context.phrases.map((p: PhraseStat) => ({ ...p })),
      realRows: context.realRows,
      syntheticRows: context.syntheticRows,
      stockPhraseCounts: new Map(context.stockPhraseCounts),
      referenceRows: context.referenceRows,
    },
    ...(context.words ? { wordCounts: copyWordCounts(context.words) } : {}),
    referenceScores: parts.referenceScores.slice(),
    flagThreshold: parts.flagThreshold,
    flagRule: parts.flagRule,
    ...(parts.recordFields ? { recordFields: [...parts.recordFields] } : {}),
  };
}

/** Scores single rows (edited ones) as the last analysis would have: features, detector, reasons, nearest row. */
export class ScoringModel {
  private readonly tfidf: HashedTfidf;
  private readonly embedding: HashedTfidf;
  private readonly context: ReasonContext;
  /** The text's features, then a record's per-field values when the detector read records field by field. */
  private readonly features: Float32Array;

  constructor(readonly state: ScoringModelState, private readonly dictionary: WordDictionary) {
    this.tfidf = HashedTfidf.fromState(state.tfidf);
    this.embedding = HashedTfidf.fromState(state.embedding);
    this.features = new Float32Array(FEATURE_COUNT + (state.recordFields ? recordFeatureDim(state.recordFields) : 0));
    const { denseWeights, denseMean, denseStd } = state.detector;
    const { sparseWeights } = state.detector;
    this.context = {
      ...state.reasons,
      defs: FEATURES,
      describe: describeRowFeature,
      weights: denseWeights,
      mean: denseMean,
      std: denseStd,
      ...(state.wordCounts && sparseWeights ? { words: { tfidf: this.tfidf, weights: sparseWeights, ...state.wordCounts } } : {}),
    };
  }

  get flagThreshold(): number {
    return this.state.flagThreshold;
  }

  /** The reference rows' score at quantile `p` (0..1); 1 on an empty reference. */
  quantile(p: number): number {
    return this.state.referenceScores.length > 0 ? quantileSorted(this.state.referenceScores, p) : 1;
  }

  /** Scores a row as `analyze` would have: its text, and for a record read field by field its fields (gramText, recordFeatures.ts). */
  score(row: Pick<DatasetRow, 'text' | 'fields'>): RowScore {
    const text = row.text;
    this.features.fill(0);
    computeFeatures(text, this.dictionary, this.features, 0);
    const fields = this.state.recordFields;
    if (fields) computeRecordFeatures(row as DatasetRow, fields, this.dictionary, this.features, FEATURE_COUNT);
    const prior = phraseBoost(text, this.context.stockPhraseCounts, this.context.referenceRows);
    const score = scoreDetectorState(this.state.detector, this.features, 0, this.tfidf.vectorView(fields && row.fields ? fieldGramText(row.fields) : text), prior);
    const flagged = isFlagged(score, this.state.flagThreshold, this.state.flagRule, prior);
    return {
      score,
      percentile: percentileRank(this.state.referenceScores, score),
      flagged,
      reasons: flagged ? explainRow(this.context, this.features, 0, text) : [],
    };
  }

  /**
   * The text features (FEATURES' order) of the row scored last, as a view that the next score overwrites: a sketch
   * bins them without computing them twice.
   */
  lastFeatures(): Float32Array {
    return this.features.subarray(0, FEATURE_COUNT);
  }

  /** The most similar kept reference row by cosine of the built-in embedding; undefined without any. */
  nearest(text: string): NearestRow | undefined {
    const { dimension, nearestEmbeddings, nearestRows } = this.state;
    if (nearestRows.length === 0) return undefined;
    const vector = foldVector(this.embedding, text, dimension);
    let best = -1;
    let bestSimilarity = -Infinity;
    for (let k = 0; k < nearestRows.length; k++) {
      let dot = 0;
      const offset = k * dimension;
      for (let j = 0; j < dimension; j++) dot += vector[j] * nearestEmbeddings[offset + j];
      if (dot > bestSimilarity && nearestRows[k].text !== text) {
        bestSimilarity = dot;
        best = k;
      }
    }
    return best < 0 ? undefined : { row: nearestRows[best], similarity: bestSimilarity };
  }
}

/** The counts alone (not the TF-IDF and weights the context also carries), as plain maps that cross threads. */
function copyWordCounts(counts: WordCounts): WordCounts {
  const { realWordRows, wordRows, syntheticWordRows, syntheticRows } = counts;
  return { realWordRows: new Map(realWordRows), wordRows, syntheticWordRows: new Map(syntheticWordRows), syntheticRows };
}
