// Near-duplicate buckets: rows whose text is the same once lower-cased, stripped of punctuation and with white
// space collapsed (gap/matchKey.ts) share a bucket key. A bucket keeps its row count and its first rows by file and
// line, so buckets from any partitions merge by adding counts and uniting rows.
import { matchKey } from '../gap/matchKey';
import { unionRefs, type Bucket, type RowRef } from './types';

/** A text's bucket key (base 36 of the 53-bit match key); undefined for a text with no letters or digits. */
export function bucketKey(text: string): string | undefined {
  const key = matchKey(text);
  return key === undefined ? undefined : key.toString(36);
}

/** Adds a row to its bucket in `buckets`. */
export function addToBucket(buckets: Map<string, Bucket>, key: string, ref: RowRef): void {
  const bucket = buckets.get(key);
  buckets.set(key, bucket ? { count: bucket.count + 1, rows: unionRefs(bucket.rows, [ref]) } : { count: 1, rows: [ref] });
}

/** Two buckets of one key as one. */
export function mergeBucket(a: Bucket, b: Bucket): Bucket {
  return { count: a.count + b.count, rows: unionRefs(a.rows, b.rows) };
}
