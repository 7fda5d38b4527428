// Feature bins fixed by the model: the distinct values among its reference quantiles (modelFile.ts keeps 2,001 per
// feature), so every partition bins a feature alike and the reference's own shares are known per bin.
import { upperBound } from '../stats/quantile';

/**
 * Bin edges of a numeric feature: the distinct values of its kept reference order statistics, ascending. Bin 0
 * holds values below the first edge, bin i (1 ≤ i < edges.length) values in [edges[i-1], edges[i]), bin
 * edges.length the last edge's value itself and the last bin values above it: edges.length + 2 bins. The last edge
 * has a bin of its own because a reference that piles up at its top (every real row has one sentence) would
 * otherwise share a bin with every larger value. Binary features have two bins (no, yes) and no edges.
 */
export function featureEdges(realSorted: Float64Array): number[] {
  const edges: number[] = [];
  for (const v of realSorted) if (!Number.isNaN(v) && (edges.length === 0 || v !== edges[edges.length - 1])) edges.push(v);
  return edges;
}

/** The bin of `value` among `edges` (see featureEdges). */
export function featureBin(edges: readonly number[], value: number): number {
  const bin = upperBound(edges, value);
  return bin === edges.length && bin > 0 && value > edges[bin - 1] ? bin + 1 : bin;
}

/** How many bins a feature with these edges has (see featureEdges); 2 for a yes/no feature. */
export function featureBinCount(edges: readonly number[] | undefined): number {
  return edges ? edges.length + 2 : 2;
}
