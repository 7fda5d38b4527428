import { shuffleInPlace, type Random } from '../stats/random';
import { dot } from '../stats/vector';

/**
 * Up to `count` positions (into `vectors`) that spread over the rows, farthest-first: the first is
 * `first`, each next one the row least similar to its most similar chosen row. Rows whose text repeats a chosen
 * one (case and spacing ignored) are skipped. Ties go to a seeded order, so the same seed gives the same rows.
 * Cost: count × rows dot products.
 *
 * @example farthestFirst(vectors, texts, 5, 0, random) // [0, 17, 4, 9, 30]
 */
export function farthestFirst(vectors: readonly Float32Array[], texts: readonly string[], count: number, first: number, random: Random): number[] {
  const order = shuffleInPlace(Array.from(vectors, (_, i) => i), random);
  const key = (i: number) => texts[i].toLowerCase().replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const closest = new Float64Array(vectors.length).fill(-Infinity);
  const chosen: number[] = [];
  let next = vectors.length > 0 ? first : -1;
  while (next >= 0 && chosen.length < count) {
    chosen.push(next);
    seen.add(key(next));
    const v = vectors[next];
    let best = -1;
    for (const i of order) {
      if (seen.has(key(i))) continue;
      closest[i] = Math.max(closest[i], dot(v, vectors[i]));
      if (best < 0 || closest[i] < closest[best]) best = i;
    }
    next = best;
  }
  return chosen;
}
