// Builds one partition's sketch from score's line results (scoreLines.ts run with keepRows and labels).
import { FEATURES } from '../features/registry';
import type { ModelDocument } from '../model/modelFile';
import { encodeModelFile } from '../model/modelFile';
import { inTrainingFilter, type TrainingFilter } from '../model/trainingFilter';
import type { LineResult } from '../model/scoreLines';
import { textHash } from '../stats/hash';
import { featureBin, featureBinCount, featureEdges } from './featureBins';
import { GramCounter, holdsPhrase, phraseSentences, textGrams } from './grams';
import { matchKey } from '../gap/matchKey';
import { addDistinct, HLL_REGISTERS } from './distinct';
import { DuplicateCounter } from './nearDuplicates';
import { bandKeys, SIMILAR_KEPT_KEYS } from './similar';
import { scoreBin, scoreBins, SCORE_BINS, type ScoreBins } from './scoreBins';
import { SKETCH_FORMAT, SKETCH_SCHEMA_VERSION, unionRefs, type LabelCounts, type RowRef, type Sketch } from './types';

/** The model a sketch belongs to: a hash of the model file's text, which one document always encodes alike. */
export function sketchFingerprint(doc: ModelDocument): string {
  return `model-${textHash(encodeModelFile(doc))}`;
}

/** What a sketch's bins are made of, from the model alone: the same in every partition. */
export interface SketchLayout {
  readonly fingerprint: string;
  readonly scoreBins: ScoreBins;
  /** Per feature: its bin edges (numeric), or undefined for a yes/no feature (two bins). */
  readonly edges: readonly (number[] | undefined)[];
  /** The model's phrases, counted exactly. */
  readonly phrases: readonly string[];
  /** The synthetic rows the model was fitted on, when its file holds them. */
  readonly training?: TrainingFilter;
}

export function sketchLayout(doc: ModelDocument, fingerprint = sketchFingerprint(doc)): SketchLayout {
  const { state } = doc;
  return {
    fingerprint,
    scoreBins: scoreBins(state.referenceScores),
    edges: FEATURES.map((def, j) => (def.kind === 'binary' ? undefined : featureEdges(state.reasons.realSorted[j] ?? new Float64Array(0)))),
    phrases: state.reasons.phrases.map((p) => p.phrase),
    ...(doc.training ? { training: doc.training } : {}),
  };
}

/** An empty sketch of a layout: the identity of mergeSketches. */
export function emptySketch(layout: SketchLayout): Sketch {
  return {
    format: SKETCH_FORMAT,
    schemaVersion: SKETCH_SCHEMA_VERSION,
    model: layout.fingerprint,
    rows: 0,
    flagged: 0,
    trainingRows: 0,
    errors: 0,
    errorLines: [],
    scores: new Array<number>(SCORE_BINS + 2).fill(0),
    labels: {},
    features: layout.edges.map((edges) => ({ counts: new Array<number>(featureBinCount(edges)).fill(0), min: null, max: null })),
    grams: { cms: new GramCounter().cms, candidates: [], modelPhrases: layout.phrases.map(() => 0) },
    distinct: new Array<number>(HLL_REGISTERS).fill(0),
    duplicateCms: new DuplicateCounter().cms,
    buckets: {},
    bucketsComplete: true,
    similarCms: new DuplicateCounter().cms,
    similarBuckets: {},
    similarComplete: true,
  };
}

/** Adds line results one at a time; `finish` hands out the sketch. */
export class SketchBuilder {
  private rows = 0;
  private flagged = 0;
  private trainingRows = 0;
  private errors = 0;
  private errorLines: RowRef[] = [];
  private readonly scores: number[];
  private readonly labels = new Map<string, { rows: number; flagged: number }>();
  private readonly features: { counts: number[]; min: number | null; max: number | null }[];
  private readonly grams = new GramCounter();
  private readonly phraseCounts: number[];
  private readonly distinct = new Array<number>(HLL_REGISTERS).fill(0);
  private readonly duplicates = new DuplicateCounter();
  private readonly similar = new DuplicateCounter(SIMILAR_KEPT_KEYS);

  constructor(private readonly layout: SketchLayout) {
    const empty = emptySketch(layout);
    this.scores = empty.scores.slice();
    this.features = empty.features.map((f) => ({ counts: f.counts.slice(), min: null, max: null }));
    this.phraseCounts = empty.grams.modelPhrases.slice();
  }

  add(file: string, result: LineResult): void {
    if ('error' in result) {
      this.errors++;
      this.errorLines = unionRefs(this.errorLines, [[file, result.line]]);
      return;
    }
    const { score, row } = result;
    this.rows++;
    if (score.flagged) this.flagged++;
    this.scores[scoreBin(this.layout.scoreBins, score.score)]++;
    if (!row) return;
    const label = row.row.label;
    if (label !== undefined) {
      const counts = this.labels.get(label) ?? { rows: 0, flagged: 0 };
      counts.rows++;
      if (score.flagged) counts.flagged++;
      this.labels.set(label, counts);
    }
    this.addFeatures(row.features);
    const text = row.row.text;
    if (this.layout.training && inTrainingFilter(this.layout.training, text)) this.trainingRows++;
    const grams = textGrams(text);
    this.grams.add(grams);
    const ref: RowRef = [file, result.line];
    for (const band of bandKeys(grams)) this.similar.add(band, ref);
    if (this.layout.phrases.length > 0) {
      const sentences = phraseSentences(text);
      this.layout.phrases.forEach((phrase, k) => {
        if (holdsPhrase(sentences, phrase)) this.phraseCounts[k]++;
      });
    }
    const key = matchKey(text);
    if (key !== undefined) {
      addDistinct(this.distinct, key);
      this.duplicates.add(key, ref);
    }
  }

  finish(): Sketch {
    const labels: Record<string, LabelCounts> = {};
    for (const key of [...this.labels.keys()].sort()) labels[key] = { ...this.labels.get(key)! };
    return {
      ...emptySketch(this.layout),
      rows: this.rows,
      flagged: this.flagged,
      trainingRows: this.trainingRows,
      errors: this.errors,
      errorLines: this.errorLines,
      scores: this.scores.slice(),
      labels,
      features: this.features.map((f) => ({ counts: f.counts.slice(), min: f.min, max: f.max })),
      grams: { cms: this.grams.cms.slice(), candidates: this.grams.candidates(), modelPhrases: this.phraseCounts.slice() },
      distinct: this.distinct.slice(),
      duplicateCms: this.duplicates.cms.slice(),
      buckets: this.duplicates.buckets(),
      bucketsComplete: this.duplicates.complete,
      similarCms: this.similar.cms.slice(),
      similarBuckets: this.similar.buckets(),
      similarComplete: this.similar.complete,
    };
  }

  private addFeatures(values: Float32Array): void {
    this.layout.edges.forEach((edges, j) => {
      // -0 becomes 0: JSON writes both as 0, and Math.min(0, -0) would depend on the order of a merge.
      const v = values[j] + 0;
      if (Number.isNaN(v)) return;
      const h = this.features[j];
      h.counts[edges ? featureBin(edges, v) : v !== 0 ? 1 : 0]++;
      h.min = h.min === null ? v : Math.min(h.min, v);
      h.max = h.max === null ? v : Math.max(h.max, v);
    });
  }
}
