import { throwIfCancelled, type CancellationToken } from '../host';
import { seededRandom } from './random';
import { dot, gaussian } from './vector';

export interface PrincipalComponentsOptions {
  /** Components wanted; fewer come back when the data has fewer dimensions. */
  readonly count: number;
  readonly seed?: number;
  /** Power iterations per component at most. Default 50: the map needs the plane, not six digits of it. */
  readonly maxIterations?: number;
}

export interface PrincipalComponents {
  readonly mean: Float32Array;
  /** Unit vectors, largest variance first; the largest-magnitude loading of each is positive. */
  readonly components: Float32Array[];
}

/**
 * The top principal components of the vectors, by seeded power iteration on the centred data (X'Xv without
 * forming the covariance: 2·n·d work an iteration, so 512 dimensions and thousands of rows stay cheap), each
 * later component kept orthogonal to the earlier ones (deflation). The sign is fixed so the loading of
 * largest magnitude is positive: the same data gives the same axes on every run. Empty input gives a zero
 * mean of dimension 0 and no components; data with no spread gives zero-variance components all the same.
 *
 * @example principalComponents(vectors, { count: 2, seed: 1 }).components[0] // the direction of most variance
 */
export function principalComponents(vectors: readonly Float32Array[], options: PrincipalComponentsOptions, token?: CancellationToken): PrincipalComponents {
  const n = vectors.length;
  const d = n === 0 ? 0 : vectors[0].length;
  const mean = meanVector(vectors, d);
  const centred = vectors.map((v) => {
    const c = new Float32Array(d);
    for (let j = 0; j < d; j++) c[j] = v[j] - mean[j];
    return c;
  });
  const random = seededRandom(options.seed ?? 0);
  const components: Float32Array[] = [];
  for (let k = 0; k < Math.min(options.count, d); k++) {
    components.push(powerIteration(centred, components, random, options.maxIterations ?? 50, token));
  }
  return { mean, components };
}

function meanVector(vectors: readonly Float32Array[], d: number): Float32Array {
  const sum = new Float64Array(d);
  for (const v of vectors) for (let j = 0; j < d; j++) sum[j] += v[j];
  return Float32Array.from(sum, (s) => s / Math.max(1, vectors.length));
}

function powerIteration(centred: readonly Float32Array[], earlier: readonly Float32Array[], random: () => number, maxIterations: number, token?: CancellationToken): Float32Array {
  const d = centred[0].length;
  let v = Float32Array.from({ length: d }, () => gaussian(random));
  orthonormalize(v, earlier);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    throwIfCancelled(token);
    const next = new Float64Array(d);
    for (const row of centred) {
      const projection = dot(row, v);
      for (let j = 0; j < d; j++) next[j] += projection * row[j];
    }
    const candidate = Float32Array.from(next);
    if (!orthonormalize(candidate, earlier)) break; // no variance left in the remaining directions
    const change = 1 - Math.abs(dot(candidate, v));
    v = candidate;
    if (change < 1e-6) break;
  }
  return fixSign(v);
}

/** Removes the earlier directions and scales to unit length; false when nothing is left. */
function orthonormalize(v: Float32Array, earlier: readonly Float32Array[]): boolean {
  for (const e of earlier) {
    const p = dot(v, e);
    for (let j = 0; j < v.length; j++) v[j] -= p * e[j];
  }
  const norm = Math.sqrt(dot(v, v));
  if (!(norm > 1e-12)) return false;
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return true;
}

function fixSign(v: Float32Array): Float32Array {
  let largest = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[largest])) largest = j;
  if (v[largest] < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j];
  return v;
}
