// Many sketches summed in place: what `synthgap merge` does with a partition's sketch after another. It gives
// exactly mergeSketches' result (a test checks it) without copying the running sum of exact-text buckets at every
// step, and keeps a bucket of one row as its row alone: most buckets hold one row (a sketch holds at most 2,000,
// nearDuplicates.ts). The band buckets of similar.ts ride in the head and are merged as mergeSketches does.
import { mergeSketches } from './merge';
import { mergeBucket } from './nearDuplicates';
import type { Bucket, RowRef, Sketch } from './types';

type Held = Bucket | RowRef;

const asBucket = (held: Held): Bucket => (Array.isArray(held) ? { count: 1, rows: [held as RowRef] } : (held as Bucket));

export class SketchSum {
  private head: Sketch | undefined;
  private readonly buckets = new Map<string, Held>();

  /** Adds a sketch; throws SketchMismatchError (as mergeSketches does) for a sketch of another model. */
  add(sketch: Sketch): void {
    // Everything but the buckets is small: merged as mergeSketches merges it, with no buckets on either side.
    const rest: Sketch = { ...sketch, buckets: {} };
    this.head = this.head ? mergeSketches(this.head, rest) : rest;
    for (const [key, bucket] of Object.entries(sketch.buckets)) {
      const held = this.buckets.get(key);
      if (held) this.buckets.set(key, mergeBucket(asBucket(held), bucket));
      else this.buckets.set(key, bucket.count === 1 && bucket.rows.length === 1 ? bucket.rows[0] : bucket);
    }
  }

  /**
   * The sum so far; undefined before the first sketch. Bucket keys sorted, as in every sketch. `repeatedOnly`
   * leaves out the buckets of one row, which the report never reads (it lists rows that share a text).
   */
  result(repeatedOnly = false): Sketch | undefined {
    if (!this.head) return undefined;
    const keys: string[] = [];
    for (const [key, held] of this.buckets) if (!repeatedOnly || !Array.isArray(held)) keys.push(key);
    const buckets: Record<string, Bucket> = {};
    for (const key of keys.sort()) buckets[key] = asBucket(this.buckets.get(key)!);
    return { ...this.head, buckets };
  }
}
