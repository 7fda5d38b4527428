// Merging sketches: counts add, lists unite (first few by file and line), min and max stay min and max. Each step
// is exact on integers and sets, so any order and grouping of merges gives the same sketch.
import { unionSorted } from './grams';
import { mergeBucket } from './nearDuplicates';
import { unionRefs, type Bucket, type LabelCounts, type Sketch } from './types';

/** Sketches of two models (or of two layouts) cannot be merged: their bins mean different things. */
export class SketchMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SketchMismatchError';
  }
}

const add = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v + b[i]);

function sameShape(a: readonly number[], b: readonly number[], what: string): void {
  if (a.length !== b.length) throw new SketchMismatchError(`the sketches' ${what} differ in size (${a.length} and ${b.length})`);
}

function mergeRecords<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, both: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of unionSorted(Object.keys(a), Object.keys(b))) {
    const x = a[key];
    const y = b[key];
    out[key] = x !== undefined && y !== undefined ? both(x, y) : (x ?? y);
  }
  return out;
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * One sketch of the rows of both. Associative and commutative; a sketch with no rows of the same model is its
 * identity. Throws SketchMismatchError for sketches of two models.
 *
 * @example mergeSketches(mergeSketches(a, b), c) // deep-equals mergeSketches(a, mergeSketches(c, b))
 */
export function mergeSketches(a: Sketch, b: Sketch): Sketch {
  if (a.model !== b.model) throw new SketchMismatchError(`the sketches were made with two models (${a.model} and ${b.model}): sketch every part with one model`);
  sameShape(a.scores, b.scores, 'score bins');
  sameShape(a.grams.cms, b.grams.cms, 'n-gram counters');
  sameShape(a.grams.modelPhrases, b.grams.modelPhrases, 'phrase counts');
  sameShape(a.distinct, b.distinct, 'distinct-text registers');
  sameShape(a.duplicateCms, b.duplicateCms, 'duplicate counters');
  sameShape(a.similarCms, b.similarCms, 'near-duplicate counters');
  if (a.features.length !== b.features.length) throw new SketchMismatchError('the sketches hold different features');
  a.features.forEach((f, j) => sameShape(f.counts, b.features[j].counts, `bins of feature ${j + 1}`));
  return {
    format: a.format,
    schemaVersion: a.schemaVersion,
    model: a.model,
    rows: a.rows + b.rows,
    flagged: a.flagged + b.flagged,
    trainingRows: a.trainingRows + b.trainingRows,
    errors: a.errors + b.errors,
    errorLines: unionRefs(a.errorLines, b.errorLines),
    scores: add(a.scores, b.scores),
    labels: mergeRecords<LabelCounts>(a.labels, b.labels, (x, y) => ({ rows: x.rows + y.rows, flagged: x.flagged + y.flagged })),
    features: a.features.map((f, j) => {
      const g = b.features[j];
      return { counts: add(f.counts, g.counts), min: minOf(f.min, g.min), max: maxOf(f.max, g.max) };
    }),
    grams: { cms: add(a.grams.cms, b.grams.cms), candidates: unionSorted(a.grams.candidates, b.grams.candidates), modelPhrases: add(a.grams.modelPhrases, b.grams.modelPhrases) },
    distinct: a.distinct.map((r, i) => Math.max(r, b.distinct[i])),
    duplicateCms: add(a.duplicateCms, b.duplicateCms),
    buckets: mergeRecords<Bucket>(a.buckets, b.buckets, mergeBucket),
    bucketsComplete: a.bucketsComplete && b.bucketsComplete,
    similarCms: add(a.similarCms, b.similarCms),
    similarBuckets: mergeRecords<Bucket>(a.similarBuckets, b.similarBuckets, mergeBucket),
    similarComplete: a.similarComplete && b.similarComplete,
  };
}
