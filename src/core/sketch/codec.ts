// A sketch file's text: the sketch as one JSON document, with file names stored once. Reading checks the format,
// the schema and the model.
import { decodeBase64, encodeBase64 } from '../model/base64';
import { SKETCH_FORMAT, SKETCH_SCHEMA_VERSION, type Bucket, type RowRef, type Sketch } from './types';

export class SketchFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SketchFileError';
  }
}

/**
 * How a sketch is written: every file name once, in `files` (sorted); a row as its file's index and line; a bucket
 * as `[count, file, line, file, line, …]`. Most buckets hold one row, so this writes about a third of the bytes of
 * the sketch as it is in memory (a long partition path repeated in every bucket).
 */
interface SketchFile extends Omit<Sketch, 'errorLines' | 'buckets' | 'similarBuckets' | 'distinct'> {
  readonly files: string[];
  /** The registers as base64 of one byte each: a third of the bytes of a JSON array. */
  readonly distinct: string;
  readonly errorLines: number[];
  readonly buckets: Record<string, number[]>;
  readonly similarBuckets: Record<string, number[]>;
}

/** The sketch as a file's text: one JSON line. The same sketch gives the same text. */
export function encodeSketch(sketch: Sketch): string {
  const names = new Set<string>(sketch.errorLines.map(([file]) => file));
  for (const bucket of [...Object.values(sketch.buckets), ...Object.values(sketch.similarBuckets)]) for (const [file] of bucket.rows) names.add(file);
  const files = [...names].sort();
  const index = new Map(files.map((file, k) => [file, k]));
  const flat = (refs: readonly RowRef[]): number[] => refs.flatMap(([file, line]) => [index.get(file)!, line]);
  const flatBuckets = (from: Readonly<Record<string, Bucket>>): Record<string, number[]> => {
    const out: Record<string, number[]> = {};
    for (const [key, bucket] of Object.entries(from)) out[key] = [bucket.count, ...flat(bucket.rows)];
    return out;
  };
  const file: SketchFile = { ...sketch, files, errorLines: flat(sketch.errorLines), distinct: encodeBase64(Uint8Array.from(sketch.distinct)), buckets: flatBuckets(sketch.buckets), similarBuckets: flatBuckets(sketch.similarBuckets) };
  return `${JSON.stringify(file)}\n`;
}

/**
 * A sketch file's text back as a sketch, checked against the model it is to be merged with (`fingerprint`).
 * `name` is the file as the user named it, for the one-line messages.
 */
export function decodeSketch(text: string, name: string, fingerprint: string): Sketch {
  let file: Partial<SketchFile>;
  try {
    file = JSON.parse(text) as Partial<SketchFile>;
  } catch {
    throw new SketchFileError(`${name} is not a synthgap sketch: it is not JSON`);
  }
  if (typeof file !== 'object' || file === null || file.format !== SKETCH_FORMAT) throw new SketchFileError(`${name} is not a synthgap sketch (no "format": "${SKETCH_FORMAT}"): write one with synthgap sketch`);
  if (file.schemaVersion !== SKETCH_SCHEMA_VERSION) throw new SketchFileError(`${name} has sketch schema ${String(file.schemaVersion)}; this synthgap reads schema ${SKETCH_SCHEMA_VERSION}: sketch it again`);
  if (file.model !== fingerprint) throw new SketchFileError(`${name} was sketched with another model (${String(file.model)}; this model is ${fingerprint}): sketch it again with this model`);
  const { files, errorLines, buckets, similarBuckets, distinct, ...rest } = file;
  if (!Array.isArray(files) || !Array.isArray(errorLines) || typeof buckets !== 'object' || buckets === null || typeof similarBuckets !== 'object' || similarBuckets === null || !Array.isArray(rest.similarCms) || typeof rest.trainingRows !== 'number' || typeof distinct !== 'string' || !Array.isArray(rest.duplicateCms) || !Array.isArray(rest.scores) || !Array.isArray(rest.features) || typeof rest.grams !== 'object') {
    throw new SketchFileError(`${name} is damaged: a field is missing`);
  }
  const refs = (flat: readonly number[], from: number): RowRef[] => {
    const out: RowRef[] = [];
    for (let k = from; k + 1 < flat.length; k += 2) {
      const path = files[flat[k]];
      if (typeof path !== 'string') throw new SketchFileError(`${name} is damaged: a row names no file`);
      out.push([path, flat[k + 1]]);
    }
    return out;
  };
  const expand = (from: Readonly<Record<string, number[]>>): Record<string, Bucket> => {
    const out: Record<string, Bucket> = {};
    for (const [key, flat] of Object.entries(from)) out[key] = { count: flat[0], rows: refs(flat, 1) };
    return out;
  };
  const plain = rest as Omit<SketchFile, 'files' | 'errorLines' | 'buckets' | 'similarBuckets' | 'distinct'>;
  return { ...plain, errorLines: refs(errorLines, 0), distinct: Array.from(decodeBase64(distinct)), buckets: expand(buckets), similarBuckets: expand(similarBuckets) };
}
