import { matchStockPhrases, REGISTER_PHRASES } from '../features/stockPhrases';

/**
 * The share of rows that use a formal or LLM register phrase of the lexicon (`kindly`, `I am writing to`,
 * `delve`): wording real people writing a message rarely use (markerPrior.ts). Only rows whose stock-phrase
 * feature (column `stockColumn` of the row-major `features`, `dim` wide) is set are matched, so it costs a
 * phrase match on those rows. 0 for no rows.
 *
 * @example registerShare(['Kindly reset my card', 'reset my card'], features, dim, column) // 0.5
 */
export function registerShare(texts: readonly string[], features: Float32Array, dim: number, stockColumn: number): number {
  if (texts.length === 0) return 0;
  let rows = 0;
  for (let i = 0; i < texts.length; i++) {
    if (stockColumn >= 0 && !(features[i * dim + stockColumn] >= 0.5)) continue;
    if (matchStockPhrases(texts[i]).some((phrase) => REGISTER_PHRASES.has(phrase))) rows++;
  }
  return rows / texts.length;
}
