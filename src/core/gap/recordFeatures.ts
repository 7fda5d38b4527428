import { isResponseField } from '../dataset/schemas';
import type { DatasetRow } from '../dataset/types';
import { computeFeatures } from '../features/compute';
import { FEATURE_COUNT } from '../features/registry';
import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';

/** Rows between cancellation checks while measuring. */
const CHECK_EVERY = 4096;

/**
 * Record-wide values after the per-field blocks: turns in the record, and log2 of the response's words over the
 * request's (0 without both). A chat's number of exchanges and an answer's length relative to its question are
 * where generated conversations differ from real ones, and neither shows in any one field.
 */
const RECORD_VALUES = 2;

/**
 * How many values {@link computeRecordFeatures} writes for records read by these fields: per field, whether the
 * record has it and the field's own features (FEATURES order; a role with several turns: their mean); then
 * RECORD_VALUES. The combined detector reads these after the joined text's features, so a style that shows in one
 * field (an output that opens "Certainly!", an instruction in lower case) is a feature of its own, kept apart by field.
 */
export function recordFeatureDim(fields: readonly string[]): number {
  return fields.length * (FEATURE_COUNT + 1) + RECORD_VALUES;
}

const scratch = new Float32Array(FEATURE_COUNT);

/** Writes a record's per-field and record-wide values (see {@link recordFeatureDim}) at `out[offset..]`; zeros for a row with no fields. */
export function computeRecordFeatures(row: DatasetRow, fields: readonly string[], dictionary: WordDictionary, out: Float32Array, offset: number): void {
  out.fill(0, offset, offset + recordFeatureDim(fields));
  const parts = row.fields;
  if (!parts) return;
  let requestWords = 0;
  let responseWords = 0;
  for (let k = 0; k < fields.length; k++) {
    const at = offset + k * (FEATURE_COUNT + 1);
    let turns = 0;
    for (const part of parts) {
      if (part.field !== fields[k]) continue;
      turns++;
      scratch.fill(0);
      computeFeatures(part.text, dictionary, scratch, 0);
      for (let j = 0; j < FEATURE_COUNT; j++) out[at + 1 + j] += scratch[j];
      const words = wordCount(part.text);
      if (isResponseField(part.field)) responseWords += words;
      else requestWords += words;
    }
    if (turns === 0) continue;
    out[at] = 1;
    if (turns > 1) for (let j = 0; j < FEATURE_COUNT; j++) out[at + 1 + j] /= turns;
  }
  const end = offset + fields.length * (FEATURE_COUNT + 1);
  out[end] = parts.length;
  out[end + 1] = requestWords > 0 && responseWords > 0 ? Math.log2(responseWords / requestWords) : 0;
}

/** Every row's record values, row-major (`rows.length × recordFeatureDim(fields)`). */
export function recordFeatureMatrix(rows: readonly DatasetRow[], fields: readonly string[], dictionary: WordDictionary, token?: CancellationToken): Float32Array {
  const dim = recordFeatureDim(fields);
  const matrix = new Float32Array(rows.length * dim);
  for (let i = 0; i < rows.length; i++) {
    if (i % CHECK_EVERY === 0) throwIfCancelled(token);
    computeRecordFeatures(rows[i], fields, dictionary, matrix, i * dim);
  }
  return matrix;
}

function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
