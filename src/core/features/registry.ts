import { casingFamily } from './casing';
import { contractionFamily } from './contractions';
import type { FeatureFamily } from './family';
import { lengthFamily } from './length';
import { markdownFamily } from './markdown';
import { politenessFamily } from './politeness';
import { punctuationFamily } from './punctuation';
import { readabilityFamily } from './readability';
import { responsePhraseFamily } from './responsePhrases';
import { slangFamily } from './slang';
import { stockPhraseFamily } from './stockPhrases';
import { symbolFamily } from './symbols';
import type { FeatureDef } from './types';
import { typoFamily } from './typos';
import { vocabularyFamily } from './vocabulary';

/** The families in the order their features appear in every feature vector. Append only: ids and order are stable. */
export const FAMILIES: readonly FeatureFamily[] = [
  lengthFamily,
  casingFamily,
  punctuationFamily,
  symbolFamily,
  typoFamily,
  contractionFamily,
  slangFamily,
  stockPhraseFamily,
  politenessFamily,
  vocabularyFamily,
  readabilityFamily,
  // Response-side features for instruction data (assistant turns, `output` fields); about 0 on short messages.
  markdownFamily,
  responsePhraseFamily,
];

/** Every feature, in vector order. */
export const FEATURES: readonly FeatureDef[] = FAMILIES.flatMap((family) => family.features);

export const FEATURE_COUNT = FEATURES.length;

/** The position of a feature in the vector by id, or -1. */
export function featureIndex(id: string): number {
  return FEATURES.findIndex((def) => def.id === id);
}
