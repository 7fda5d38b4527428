import { throwIfCancelled, type CancellationToken } from '../host';
import { seededRandom } from './random';
import { dot } from './vector';

export interface KMeansOptions {
  /** Number of clusters; clamped to 1..n. */
  readonly k: number;
  readonly seed?: number;
  /** Lloyd iterations at most. Default 20: on embeddings assignments settle in 10–20, later rounds move little. */
  readonly maxIterations?: number;
}

export interface KMeansResult {
  readonly centroids: Float32Array[];
  /** Cluster of each input vector. */
  readonly assignments: Uint32Array;
  readonly iterations: number;
}

/**
 * k-means (Lloyd) on dense vectors with seeded greedy k-means++ seeding (Arthur & Vassilvitskii 2007), squared
 * Euclidean distance, at most `maxIterations` rounds, stopping early when no assignment changes. Hamerly's
 * bounds (2010) skip the points whose nearest centroid cannot have changed, so late rounds cost a fraction of
 * the first; the result is the same as plain Lloyd's. A cluster that empties keeps its previous centroid.
 * Same seed, same clusters. Empty input gives no centroids and no assignments.
 *
 * @example kMeans([a1, a2, b1, b2], { k: 2, seed: 1 }).assignments // [0, 0, 1, 1] or [1, 1, 0, 0]
 */
export function kMeans(vectors: readonly Float32Array[], options: KMeansOptions, token?: CancellationToken): KMeansResult {
  const n = vectors.length;
  if (n === 0) return { centroids: [], assignments: new Uint32Array(0), iterations: 0 };
  const k = Math.max(1, Math.min(n, Math.floor(options.k)));
  const maxIterations = options.maxIterations ?? 20;
  const centroids = seedPlusPlus(vectors, k, seededRandom(options.seed ?? 0));
  const dim = vectors[0].length;
  const selfNorms = vectors.map((v) => dot(v, v));
  const assignments = new Uint32Array(n);
  const upper = new Float64Array(n); // distance to the assigned centroid, or more
  const lower = new Float64Array(n); // distance to the second-nearest centroid, or less
  let norms = centroids.map((c) => dot(c, c));
  const distance = (i: number, c: number): number => Math.sqrt(Math.max(0, selfNorms[i] + norms[c] - 2 * dot(vectors[i], centroids[c])));
  const scan = (i: number): void => {
    let best = 0;
    let first = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const d = distance(i, c);
      if (d < first) {
        second = first;
        first = d;
        best = c;
      } else if (d < second) second = d;
    }
    assignments[i] = best;
    upper[i] = first;
    lower[i] = second;
  };
  for (let i = 0; i < n; i++) scan(i);
  let iterations = 0;
  while (iterations < maxIterations) {
    throwIfCancelled(token);
    const moved = updateCentroids(vectors, assignments, centroids, dim);
    iterations++;
    norms = centroids.map((c) => dot(c, c));
    // A point keeps its centroid while its distance to it stays below half the gap to the next centroid
    // and below its distance to every other centroid (Hamerly's two tests).
    const half = centroids.map((c, a) => {
      let nearest = Infinity;
      for (let b = 0; b < k; b++) if (b !== a) nearest = Math.min(nearest, Math.sqrt(Math.max(0, norms[a] + norms[b] - 2 * dot(c, centroids[b]))));
      return nearest / 2;
    });
    let most = 0;
    let runnerUp = 0;
    let mostAt = -1;
    moved.forEach((m, c) => {
      if (m > most) {
        runnerUp = most;
        most = m;
        mostAt = c;
      } else if (m > runnerUp) runnerUp = m;
    });
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = assignments[i];
      upper[i] += moved[a];
      lower[i] -= a === mostAt ? runnerUp : most;
      const bound = Math.max(half[a], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = distance(i, a);
      if (upper[i] <= bound) continue;
      scan(i);
      if (assignments[i] !== a) changed++;
    }
    if (changed === 0) break;
  }
  return { centroids, assignments, iterations };
}

/** Moves each centroid to the mean of its points; returns how far each moved. Empty clusters stay put. */
function updateCentroids(vectors: readonly Float32Array[], assignments: Uint32Array, centroids: Float32Array[], dim: number): Float64Array {
  const k = centroids.length;
  const sums = centroids.map(() => new Float64Array(dim));
  const counts = new Uint32Array(k);
  vectors.forEach((v, i) => {
    const sum = sums[assignments[i]];
    for (let d = 0; d < dim; d++) sum[d] += v[d];
    counts[assignments[i]]++;
  });
  const moved = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    let shift = 0;
    for (let d = 0; d < dim; d++) {
      const next = sums[c][d] / counts[c];
      shift += (next - centroids[c][d]) ** 2;
      centroids[c][d] = next;
    }
    moved[c] = Math.sqrt(shift);
  }
  return moved;
}

/**
 * Index of the centroid nearest to `vector` in squared Euclidean distance, via |c|² - 2·x·c; pass the
 * centroids' squared norms when calling in a loop. -1 when there are no centroids.
 */
export function nearestCentroid(vector: Float32Array, centroids: readonly Float32Array[], norms?: readonly number[]): number {
  let best = -1;
  let bestScore = Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const score = (norms ? norms[c] : dot(centroids[c], centroids[c])) - 2 * dot(vector, centroids[c]);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/**
 * Greedy k-means++ (as in scikit-learn): each next centre is the best of 2 + ⌊ln k⌋ candidates drawn with
 * probability proportional to their squared distance to the chosen centres, "best" meaning the lowest total
 * squared distance afterwards. The extra candidates make two centres in one blob far less likely.
 */
function seedPlusPlus(vectors: readonly Float32Array[], k: number, random: () => number): Float32Array[] {
  const n = vectors.length;
  const selfNorms = vectors.map((v) => dot(v, v));
  const distanceTo = (i: number, c: number): number => Math.max(0, selfNorms[i] + selfNorms[c] - 2 * dot(vectors[i], vectors[c]));
  const first = Math.floor(random() * n);
  const centroids = [Float32Array.from(vectors[first])];
  let distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = distanceTo(i, first);
  const trials = 2 + Math.floor(Math.log(k));
  let candidate = new Float64Array(n);
  while (centroids.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += distances[i];
    let best = new Float64Array(n);
    let bestTotal = Infinity;
    let bestPick = 0;
    for (let t = 0; t < trials; t++) {
      const pick = total > 0 ? drawProportional(distances, total, random) : Math.floor(random() * n);
      let nextTotal = 0;
      for (let i = 0; i < n; i++) {
        candidate[i] = Math.min(distances[i], distanceTo(i, pick));
        nextTotal += candidate[i];
      }
      if (nextTotal < bestTotal) {
        [best, candidate] = [candidate, best];
        bestTotal = nextTotal;
        bestPick = pick;
      }
    }
    centroids.push(Float32Array.from(vectors[bestPick]));
    [distances, candidate] = [best, distances];
  }
  return centroids;
}

function drawProportional(weights: Float64Array, total: number, random: () => number): number {
  let target = random() * total;
  let pick = 0;
  while (pick < weights.length - 1 && (target -= weights[pick]) > 0) pick++;
  return pick;
}
