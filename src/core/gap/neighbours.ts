import { throwIfCancelled, type CancellationToken } from '../host';
import { seededRandom, sampleIndexes } from '../stats/random';
import { dot } from '../stats/vector';

/**
 * For each vector, the cosine similarity to its nearest other vector of the same set (vectors L2-normalized).
 * Brute force over each pair once, O(n² · dim / 2): meant for samples of a few thousand rows. A set of one
 * vector gets NaN; an empty set an empty array.
 *
 * @example nearestSimilarities([x, x, y]) // [1, 1, cos(x, y)]
 */
export function nearestSimilarities(vectors: readonly Float32Array[], token?: CancellationToken): Float32Array {
  const n = vectors.length;
  const best = new Float32Array(n).fill(n > 1 ? -Infinity : NaN);
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 0) throwIfCancelled(token);
    const vi = vectors[i];
    let bi = best[i];
    for (let j = i + 1; j < n; j++) {
      const s = dot(vi, vectors[j]);
      if (s > bi) bi = s;
      if (s > best[j]) best[j] = s;
    }
    best[i] = bi;
  }
  return best;
}

export interface NearestTargets {
  /** Cosine similarity of each query to its nearest target; -Infinity when there are no targets. */
  readonly similarity: Float32Array;
  /** Index of that target; -1 when there are none. */
  readonly index: Int32Array;
}

/**
 * For each query vector, its nearest target vector by cosine similarity. Brute force, O(q · t · dim).
 *
 * @example nearestTargets([x], [y, x]) // { similarity: [1], index: [1] }
 */
export function nearestTargets(queries: readonly Float32Array[], targets: readonly Float32Array[], token?: CancellationToken): NearestTargets {
  const similarity = new Float32Array(queries.length).fill(-Infinity);
  const index = new Int32Array(queries.length).fill(-1);
  for (let i = 0; i < queries.length; i++) {
    if ((i & 63) === 0) throwIfCancelled(token);
    const q = queries[i];
    let best = -Infinity;
    let at = -1;
    for (let j = 0; j < targets.length; j++) {
      const s = dot(q, targets[j]);
      if (s > best) {
        best = s;
        at = j;
      }
    }
    similarity[i] = best;
    index[i] = at;
  }
  return { similarity, index };
}

export interface NearestSampleOptions {
  /** Rows to sample; the statistic grows with sample size, so compare sides at the same size. Default 2,000. */
  readonly maxRows?: number;
  readonly seed?: number;
}

/**
 * Mean nearest-neighbour cosine similarity within one set, over a seeded sample of at most `maxRows`
 * vectors: near 1 when rows repeat each other, lower when they are varied. NaN for fewer than two vectors.
 *
 * @example meanNearestSimilarity(vectors, { maxRows: 2000, seed: 1 }) // 0.62
 */
export function meanNearestSimilarity(vectors: readonly Float32Array[], options: NearestSampleOptions = {}, token?: CancellationToken): number {
  const picked = sampleIndexes(vectors.length, options.maxRows ?? 2000, seededRandom(options.seed ?? 0));
  if (picked.length < 2) return NaN;
  const nearest = nearestSimilarities(Array.from(picked, (i) => vectors[i]), token);
  let sum = 0;
  for (const s of nearest) sum += s;
  return sum / nearest.length;
}
