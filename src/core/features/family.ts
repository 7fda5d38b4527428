import type { WordDictionary } from '../host';
import type { TextScan } from './scan';
import type { FeatureDef } from './types';

/** A group of related features computed together from one shared scan of the row. */
export interface FeatureFamily {
  readonly features: readonly FeatureDef[];
  /** Writes `features.length` values at `out[offset..]`, in the order of `features`; yes/no values are 0 or 1. */
  compute(scan: TextScan, dictionary: WordDictionary, out: Float32Array, offset: number): void;
}
