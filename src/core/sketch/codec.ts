// A sketch file's text: the sketch as one JSON document. Reading checks the format, the schema and the model.
import { SKETCH_FORMAT, SKETCH_SCHEMA_VERSION, type Sketch } from './types';

export class SketchFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SketchFileError';
  }
}

/** The sketch as a file's text: one JSON line. The same sketch gives the same text. */
export function encodeSketch(sketch: Sketch): string {
  return `${JSON.stringify(sketch)}\n`;
}

/**
 * A sketch file's text back as a sketch, checked against the model it is to be merged with (`fingerprint`).
 * `name` is the file as the user named it, for the one-line messages.
 */
export function decodeSketch(text: string, name: string, fingerprint: string): Sketch {
  let file: Partial<Sketch>;
  try {
    file = JSON.parse(text) as Partial<Sketch>;
  } catch {
    throw new SketchFileError(`${name} is not a synthgap sketch: it is not JSON`);
  }
  if (typeof file !== 'object' || file === null || file.format !== SKETCH_FORMAT) throw new SketchFileError(`${name} is not a synthgap sketch (no "format": "${SKETCH_FORMAT}"): write one with synthgap sketch`);
  if (file.schemaVersion !== SKETCH_SCHEMA_VERSION) throw new SketchFileError(`${name} has sketch schema ${String(file.schemaVersion)}; this synthgap reads schema ${SKETCH_SCHEMA_VERSION}: sketch it again`);
  if (file.model !== fingerprint) throw new SketchFileError(`${name} was sketched with another model (${String(file.model)}; this model is ${fingerprint}): sketch it again with this model`);
  if (!Array.isArray(file.scores) || !Array.isArray(file.features) || typeof file.grams !== 'object' || typeof file.buckets !== 'object') throw new SketchFileError(`${name} is damaged: a field is missing`);
  return file as Sketch;
}
