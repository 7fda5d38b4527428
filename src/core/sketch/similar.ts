// Near-duplicates a few words apart: a MinHash signature of each row's words and word pairs (Broder 1997), cut
// into LSH bands (Indyk and Motwani 1998). Rows whose signatures agree on a whole band share that band's key, so
// rows that differ by a few words land in one bucket in whichever partition they are, and buckets merge as the
// exact-duplicate buckets do (nearDuplicates.ts: bounded, order-free).
import { fmix32, hashCombine, hashString } from '../stats/hash';
import { KEPT_KEYS } from './nearDuplicates';

/**
 * Bands, and minimum hashes per band. Two rows whose shingle sets have Jaccard similarity J share a band key with
 * probability 1 - (1 - J^4)^6: 0.96 at J = 0.8, 0.81 at J = 0.7 (one word changed in a fourteen-word row), 0.57 at
 * J = 0.6, and 0.05 at J = 0.3 (0.01 at 0.2), the similarity of unrelated short rows that share a few common words
 * ("i need to", "my"), so everyday phrasing does not pile unrelated rows into one bucket. Four bands of five
 * missed one changed word in a fourteen-word row half the time. On examples/real.jsonl (intent queries, where rows
 * of one intent often differ by a word or two) 2.3% of rows share a band, real_holdout.jsonl 1.7%,
 * synthetic.jsonl 1.6% (test/unit/sketch/similar.test.ts).
 */
export const BANDS = 6;
export const BAND_HASHES = 4;

/** Salts of the signature's hash functions: fixed, so every partition and every run hashes alike. */
const SALTS = Array.from({ length: BANDS * BAND_HASHES }, (_, k) => fmix32(0x9e3779b9 + Math.imul(k + 1, 0x85ebca6b)));

/**
 * A row's band keys (53-bit numbers: a band's hash times 8 plus the band), from its grams (grams.ts textGrams):
 * the words and word pairs are the shingles, longer grams are left out (one changed word would change too many
 * of them). Empty for a row with no shingle.
 *
 * @example bandKeys(['order', 'late', 'order late']).length // 4
 */
export function bandKeys(grams: Iterable<string>): number[] {
  const hashes: number[] = [];
  for (const gram of grams) {
    const space = gram.indexOf(' ');
    if (space >= 0 && gram.indexOf(' ', space + 1) >= 0) continue;
    hashes.push(hashString(gram, 7));
  }
  if (hashes.length === 0) return [];
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let a = band + 1;
    let b = ~band;
    for (let k = band * BAND_HASHES; k < (band + 1) * BAND_HASHES; k++) {
      let min = 0xffffffff;
      const salt = SALTS[k];
      for (const h of hashes) {
        const v = fmix32(h ^ salt);
        if (v < min) min = v;
      }
      a = hashCombine(a, min);
      b = hashCombine(b, min ^ salt);
    }
    // 45 bits of the band's hash, then the band in the low 3 bits: under 2^48, so exact as a double.
    keys.push((a >>> 19) * 2 ** 35 + (b >>> 0) * 8 + band);
  }
  return keys;
}

/** Buckets a partition keeps for band keys: as many per band as nearDuplicates.ts keeps for whole texts. */
export const SIMILAR_KEPT_KEYS = BANDS * KEPT_KEYS;

/** The band of a key as bandKeys makes it. */
export const bandOf = (key: number): number => key % 8;
