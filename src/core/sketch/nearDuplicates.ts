// Near-duplicate groups in bounded memory: rows whose text is the same once lower-cased, stripped of punctuation and
// with white space collapsed (gap/matchKey.ts) share a key. A partition counts every key in a count-min sketch and
// keeps buckets (count and first rows) only for the keys that may be among its most repeated, as grams.ts keeps
// grams, so a sketch's size does not grow with the rows. Merging adds counters and unites buckets: order-free.
import { hashCombine } from '../stats/hash';
import { compareRefs, KEPT_REFS, unionRefs, type Bucket, type RowRef } from './types';

/**
 * Keys a partition keeps buckets for: its most repeated, by counted rows. 2,000 hold the 20 groups a report lists
 * many times over, and cap a sketch's buckets at about 100 KB. Below it (every key kept, as in any partition of
 * fewer than 2,000 distinct texts) the buckets are exact, and so is every count the report derives from them.
 */
export const KEPT_KEYS = 2000;
/**
 * Count-min sketch of rows per key, 4 × 4,096: it only decides whether a key seen again may join the kept buckets
 * (its estimate, never low, passes the floor), so its overestimate (at most e/4,096 of the rows with 98% odds) can
 * only keep a key that was not needed; it is never printed.
 */
export const KEY_CMS_DEPTH = 4;
export const KEY_CMS_WIDTH = 1 << 12;

/** A key's bucket name in a sketch: base 36 of the 53-bit match key. */
export const bucketName = (key: number): string => key.toString(36);

/** The key's counters, one per row of the count-min sketch (h1 + d·h2, as grams.ts), into `out`. */
function cells(key: number, out: number[]): number[] {
  const h1 = hashCombine(key >>> 0, Math.floor(key / 2 ** 32));
  const h2 = hashCombine(h1, 0x68e31da4) | 1;
  for (let d = 0; d < KEY_CMS_DEPTH; d++) out[d] = d * KEY_CMS_WIDTH + ((h1 + Math.imul(d, h2)) >>> 0) % KEY_CMS_WIDTH;
  return out;
}

/** Two buckets of one key as one. */
export function mergeBucket(a: Bucket, b: Bucket): Bucket {
  return { count: a.count + b.count, rows: unionRefs(a.rows, b.rows) };
}

/**
 * One partition's keys. A bucket counts the rows of its key from the moment it was kept: exact for a key kept
 * from its first row (every key while fewer than 2·KEPT_KEYS are kept), a lower bound for one that joined late or
 * was pruned and came back. When the kept keys reach 2·KEPT_KEYS they are pruned to the KEPT_KEYS with most rows
 * (ties by estimate, then key), and a new key joins only when its estimate passes the floor (the last kept
 * key's count). Deterministic for a given input.
 */
export class DuplicateCounter {
  readonly cms = new Array<number>(KEY_CMS_DEPTH * KEY_CMS_WIDTH).fill(0);
  private readonly kept = new Map<number, { count: number; rows: RowRef[] }>();
  private floor = 0;
  /** The counters of the key being added or looked up, reused: no array per row. */
  private readonly cellsOf = new Array<number>(KEY_CMS_DEPTH);

  /** `capacity`: buckets kept (KEPT_KEYS for one key a row; similar.ts gives each row a key per band). */
  constructor(private readonly capacity = KEPT_KEYS) {}

  /** Whether no key was ever left out or pruned: then the buckets are every key's exact count. */
  complete = true;

  add(key: number, ref: RowRef): void {
    let estimate = Infinity;
    for (const at of cells(key, this.cellsOf)) estimate = Math.min(estimate, ++this.cms[at]);
    const bucket = this.kept.get(key);
    if (bucket) {
      bucket.count++;
      if (bucket.rows.length < KEPT_REFS || compareRefs(ref, bucket.rows[bucket.rows.length - 1]) < 0) bucket.rows = unionRefs(bucket.rows, [ref]);
      return;
    }
    if (estimate <= this.floor) {
      this.complete = false;
      return;
    }
    this.kept.set(key, { count: 1, rows: [ref] });
    if (this.kept.size >= 2 * this.capacity) this.prune(this.capacity);
  }

  /** The kept buckets (at most `capacity`), by name, names sorted. */
  buckets(): Record<string, Bucket> {
    if (this.kept.size > this.capacity) this.prune(this.capacity);
    const out: Record<string, Bucket> = {};
    for (const [name, bucket] of [...this.kept].map(([key, b]) => [bucketName(key), b] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[name] = { count: bucket.count, rows: bucket.rows };
    return out;
  }

  private estimate(key: number): number {
    let best = Infinity;
    for (const at of cells(key, this.cellsOf)) best = Math.min(best, this.cms[at]);
    return best;
  }

  private prune(size: number): void {
    // Estimates looked up once per key, not per comparison: a prune sorts 2·capacity keys.
    const ranked = [...this.kept].map(([key, bucket]) => ({ key, bucket, estimate: this.estimate(key) }));
    ranked.sort((a, b) => b.bucket.count - a.bucket.count || b.estimate - a.estimate || a.key - b.key);
    this.kept.clear();
    for (const { key, bucket } of ranked.slice(0, size)) this.kept.set(key, bucket);
    this.floor = ranked[size - 1].bucket.count;
    this.complete = false;
  }
}
