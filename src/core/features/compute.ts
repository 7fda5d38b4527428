import type { WordDictionary } from '../host';
import { FAMILIES, FEATURE_COUNT } from './registry';
import { TextScan } from './scan';

/** One scan object for every row: the hot loop reuses its buffers instead of allocating per row. */
const shared = new TextScan();

/**
 * Writes the row's FEATURE_COUNT feature values, in the order of FEATURES, at `out[offset..]`; yes/no
 * features are 0 or 1. The text is scanned once and every family reads that scan. Empty text gives all 0s.
 *
 * @example computeFeatures('wtf my package isnt here???', dictionary, out, 0)
 */
export function computeFeatures(text: string, dictionary: WordDictionary, out: Float32Array, offset: number): void {
  const scan = shared.scan(text);
  let at = offset;
  for (const family of FAMILIES) {
    family.compute(scan, dictionary, out, at);
    at += family.features.length;
  }
}

/** The features of one text as a new array, for tests and single-row callers. */
export function featuresOf(text: string, dictionary: WordDictionary): Float32Array {
  const out = new Float32Array(FEATURE_COUNT);
  computeFeatures(text, dictionary, out, 0);
  return out;
}
