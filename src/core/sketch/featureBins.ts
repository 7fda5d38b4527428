// Feature bins fixed by the model: the distinct values among its reference quantiles (modelFile.ts keeps 2,001 per
// feature), so every partition bins a feature alike and the reference's own shares are known per bin.
import { upperBound } from '../stats/quantile';

/**
 * Bin edges of a numeric feature: the distinct values of its kept reference order statistics, ascending. Bin 0
 * holds values below the first edge, bin i (1 ≤ i < edges.length) values in [edges[i-1], edges[i]), and the last
 * bin values at or above the last edge: edges.length + 1 bins. Binary features have two bins (no, yes) and no edges.
 */
export function featureEdges(realSorted: Float64Array): number[] {
  const edges: number[] = [];
  for (const v of realSorted) if (!Number.isNaN(v) && (edges.length === 0 || v !== edges[edges.length - 1])) edges.push(v);
  return edges;
}

/** The bin of `value` among `edges` (see featureEdges). */
export function featureBin(edges: readonly number[], value: number): number {
  return upperBound(edges, value);
}
