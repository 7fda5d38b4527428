// A sketch: what one partition of a dataset adds to the report, as plain JSON that merges with other partitions'.
// Every field is a count, a union or a min/max, so merging is exact, associative and commutative.

export const SKETCH_FORMAT = 'synthgap-sketch';
/** Raised when a field is renamed or re-encoded, so sketches of another layout are refused, not misread. */
export const SKETCH_SCHEMA_VERSION = 4;

/** A place in the input: the file as given and the record's first line. */
export type RowRef = readonly [file: string, line: number];

/** Counts of one label's rows (or of all rows). */
export interface LabelCounts {
  readonly rows: number;
  readonly flagged: number;
}

/** One feature's values on the model's bins (featureBins.ts): `counts[i]` rows in bin i; NaN values not counted. */
export interface FeatureHistogram {
  readonly counts: number[];
  /** Smallest and largest value seen; null with no value. Exact under merging (min and max of float32 values). */
  readonly min: number | null;
  readonly max: number | null;
}

/** The first rows (by file, then line) of a near-duplicate bucket, and how many rows fell in it. */
export interface Bucket {
  readonly count: number;
  readonly rows: RowRef[];
}

/** Word n-gram counts for the phrase finder (grams.ts). */
export interface GramSketch {
  /** Count-min sketch of rows containing each gram: depth × width counters, row-major. */
  readonly cms: number[];
  /** Candidate grams: the union of every partition's top grams by its own estimate, sorted. */
  readonly candidates: string[];
  /** Rows containing each of the model's phrases, exactly, in the model's order. */
  readonly modelPhrases: number[];
}

export interface Sketch {
  readonly format: typeof SKETCH_FORMAT;
  readonly schemaVersion: typeof SKETCH_SCHEMA_VERSION;
  /** The model the rows were scored with (sketchFingerprint): sketches of two models do not merge. */
  readonly model: string;
  /** Records scored, and flagged among them. */
  readonly rows: number;
  readonly flagged: number;
  /** Records whose normalized text is in the model's training filter (0 with a model that has none). */
  readonly trainingRows: number;
  /** Lines that could not be read, and the first few of them (by file, then line). */
  readonly errors: number;
  readonly errorLines: RowRef[];
  /** Rows per score bin (scoreBins.ts). */
  readonly scores: number[];
  /** Per label; rows without a label are not in it. Keys sorted. */
  readonly labels: Record<string, LabelCounts>;
  /** One per feature, in the registry's order. */
  readonly features: FeatureHistogram[];
  readonly grams: GramSketch;
  /** HyperLogLog registers of the rows' normalized texts (distinct.ts): how many distinct texts there are. */
  readonly distinct: number[];
  /** Count-min sketch of rows per normalized text (nearDuplicates.ts); its first row sums to the rows with a key. */
  readonly duplicateCms: number[];
  /** Near-duplicate buckets of each partition's most repeated keys (nearDuplicates.ts). Keys sorted. */
  readonly buckets: Record<string, Bucket>;
  /** Whether every partition kept every key's bucket from its first row: then the buckets' counts are exact. */
  readonly bucketsComplete: boolean;
  /** The same three for rows a few words apart: keyed by MinHash band (similar.ts). */
  readonly similarCms: number[];
  readonly similarBuckets: Record<string, Bucket>;
  readonly similarComplete: boolean;
}

/** Rows kept per list (error lines, a bucket's rows): enough to find them, few enough to keep a sketch small. */
export const KEPT_REFS = 5;

/** Orders row references by file, then line. */
export function compareRefs(a: RowRef, b: RowRef): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/** The first `max` distinct refs of both lists, by file then line: a union that is associative and commutative. */
export function unionRefs(a: readonly RowRef[], b: readonly RowRef[], max = KEPT_REFS): RowRef[] {
  const all = [...a, ...b].sort(compareRefs);
  const out: RowRef[] = [];
  for (const ref of all) {
    const last = out[out.length - 1];
    if (last && compareRefs(last, ref) === 0) continue;
    out.push(ref);
    if (out.length === max) break;
  }
  return out;
}
