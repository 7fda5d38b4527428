// Which rows the model was fitted on, as a Bloom filter over each synthetic training row's normalized text
// (gap/matchKey.ts), so `sketch` can count the rows of a partition the detector learned from: their scores read
// higher than unseen rows' and would inflate the merged AUC.
import { matchKey } from '../gap/matchKey';
import { fmix32, hashCombine } from '../stats/hash';

/**
 * Bits per row: 14.4 bits and 10 probes give a false-positive rate of about 0.1% (the optimum for m/n bits is
 * (0.6185)^(m/n)), far under the share the report warns at (TRAINING_WARN_SHARE, 2%), so unseen rows alone never
 * trigger it; 20,000 training rows (fit's default sample) take 36 KB, 1.5% of a 2.3 MB model file.
 */
const BITS_PER_ROW = 14.4;
/** Probes per row: (m/n)·ln 2 ≈ 10 minimizes the false-positive rate at 14.4 bits a row. */
const PROBES = 10;

/** The model's filter: `bits` a bit array of the probed positions, seeded by the fit's seed. */
export interface TrainingFilter {
  readonly bits: Uint8Array;
  readonly probes: number;
  readonly seed: number;
  /** Training rows added (those with a letter or digit). */
  readonly rows: number;
}

/** Two 32-bit hashes of a 53-bit key and a seed, for double hashing (Kirsch–Mitzenmacher: h1 + i·h2). */
function hashPair(key: number, seed: number): [number, number] {
  const low = key >>> 0;
  const high = Math.floor(key / 2 ** 32);
  const h1 = hashCombine(fmix32(low ^ seed), high);
  // An odd step visits every position of a power-of-two table; any step works with other sizes.
  const h2 = hashCombine(h1, seed ^ 0x5bd1e995) | 1;
  return [h1, h2];
}

/**
 * A filter of `texts` (the synthetic rows the detector was fitted on). Texts with no letter or digit are left out
 * (they have no match key). An empty list gives a filter of one byte that holds nothing.
 *
 * @example inTrainingFilter(trainingFilter(['Hello there!'], 42), 'hello there') // true
 */
export function trainingFilter(texts: Iterable<string>, seed: number): TrainingFilter {
  const keys: number[] = [];
  for (const text of texts) {
    const key = matchKey(text);
    if (key !== undefined) keys.push(key);
  }
  const bits = new Uint8Array(Math.max(1, Math.ceil((keys.length * BITS_PER_ROW) / 8)));
  const size = bits.length * 8;
  for (const key of keys) {
    const [h1, h2] = hashPair(key, seed);
    for (let i = 0; i < PROBES; i++) {
      const at = ((h1 + Math.imul(i, h2)) >>> 0) % size;
      bits[at >>> 3] |= 1 << (at & 7);
    }
  }
  return { bits, probes: PROBES, seed, rows: keys.length };
}

/** Whether `text` is (probably) one of the filter's rows once normalized: no false negatives, ~0.1% false positives. */
export function inTrainingFilter(filter: TrainingFilter, text: string): boolean {
  if (filter.rows === 0) return false;
  const key = matchKey(text);
  if (key === undefined) return false;
  const [h1, h2] = hashPair(key, filter.seed);
  const size = filter.bits.length * 8;
  for (let i = 0; i < filter.probes; i++) {
    const at = ((h1 + Math.imul(i, h2)) >>> 0) % size;
    if ((filter.bits[at >>> 3] & (1 << (at & 7))) === 0) return false;
  }
  return true;
}
