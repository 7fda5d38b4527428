import { UMAP } from 'umap-js';
import { throwIfCancelled, type CancellationToken } from '../host';
import type { ProjectionMethod } from '../report/types';
import { principalComponents } from '../stats/principalComponents';
import { seededRandom } from '../stats/random';
import { dot } from '../stats/vector';

export interface ProjectOptions {
  readonly method: ProjectionMethod;
  readonly seed: number;
  readonly token?: CancellationToken;
  /** UMAP neighbours per point. Default 15 (umap-learn's), fewer on tiny inputs. */
  readonly neighbours?: number;
  /**
   * UMAP optimisation epochs. Default 200 up to 2,000 points, then fewer (400,000 / points, at least 50): each
   * epoch costs time in proportion to the points, and an overview map settles in fewer rounds.
   */
  readonly epochs?: number;
}

/** Below this many points UMAP has no neighbourhoods to keep, and the map falls back to PCA. */
const MIN_UMAP_POINTS = 5;

/**
 * Projects vectors to 2D for the map, each axis scaled to [-1, 1] (an axis with no spread sits at 0). PCA
 * gives the two directions of most variance (seeded power iteration, deterministic sign); UMAP (umap-js,
 * driven by a seeded generator) keeps neighbourhoods instead; below 5 points it falls back to PCA. The same
 * vectors and seed give the same points. Empty input gives an empty array; one point lands at the origin.
 * The token is checked between power iterations and every 10 UMAP epochs; umap-js's neighbour search
 * (about half of UMAP's time) cannot be interrupted.
 *
 * @example project(vectors, { method: 'pca', seed: 42 })[0] // Float32Array [x, y]
 */
export function project(vectors: readonly Float32Array[], options: ProjectOptions): Float32Array[] {
  if (vectors.length === 0) return [];
  const raw = options.method === 'umap' && vectors.length >= MIN_UMAP_POINTS ? umapProject(vectors, options) : pcaProject(vectors, options);
  return scaleToUnit(raw);
}

function pcaProject(vectors: readonly Float32Array[], options: ProjectOptions): Float32Array[] {
  const { mean, components } = principalComponents(vectors, { count: 2, seed: options.seed }, options.token);
  const centred = new Float32Array(mean.length);
  return vectors.map((v) => {
    for (let j = 0; j < mean.length; j++) centred[j] = v[j] - mean[j];
    return Float32Array.of(components[0] ? dot(centred, components[0]) : 0, components[1] ? dot(centred, components[1]) : 0);
  });
}

function umapProject(vectors: readonly Float32Array[], options: ProjectOptions): Float32Array[] {
  const neighbours = Math.min(options.neighbours ?? 15, vectors.length - 1);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: neighbours,
    nEpochs: options.epochs ?? Math.max(50, Math.min(200, Math.round(400_000 / vectors.length))),
    random: seededRandom(options.seed),
  });
  const epochs = umap.initializeFit(vectors.map((v) => Array.from(v)));
  throwIfCancelled(options.token);
  for (let epoch = 0; epoch < epochs; epoch++) {
    umap.step();
    if (epoch % 10 === 0) throwIfCancelled(options.token);
  }
  return umap.getEmbedding().map((point) => Float32Array.of(point[0], point[1]));
}

/** Each axis mapped linearly onto [-1, 1]. */
function scaleToUnit(points: Float32Array[]): Float32Array[] {
  for (let axis = 0; axis < 2; axis++) {
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      min = Math.min(min, p[axis]);
      max = Math.max(max, p[axis]);
    }
    const half = (max - min) / 2;
    for (const p of points) p[axis] = half > 1e-12 && Number.isFinite(half) ? (p[axis] - min) / half - 1 : 0;
  }
  return points;
}
