import { throwIfCancelled, type CancellationToken } from '../host';
import type { CoverageCluster, CoverageReport } from '../report/types';
import { kMeans, nearestCentroid } from '../stats/kmeans';
import { quantileSorted } from '../stats/quantile';
import { sampleIndexes, seededRandom, type Random } from '../stats/random';
import { dot } from '../stats/vector';
import { formatCount } from '../exporters/format';
import { nearestSimilarities, nearestTargets } from './neighbours';
import type { SideRows } from './sideRows';

export interface CoverageOptions {
  readonly seed?: number;
  /** Embedded rows used per side, a seeded sample beyond that. Default 20,000. */
  readonly maxRows?: number;
  /** Clusters of each side. Default clamp(round(√(rows/4)), 2, 40): 20 clusters of 80 rows at 1,600 rows, 40 from 6,400 on. */
  readonly clusters?: number;
  /**
   * Rows k-means is fitted on (all rows are then assigned). Default 2,000: 50 a cluster at k = 40, and the
   * centroids barely move with more.
   */
  readonly fitRows?: number;
  /** A real cluster is missing when its synthetic share is below this fraction of its real share. Default 0.25. */
  readonly missingRatio?: number;
  /** Clusters smaller than this share of their side are not reported. Default 0.01. */
  readonly minShare?: number;
  /**
   * Rows per side for the nearest-real-row check of synthetic clusters. Default 1,000: a 5th percentile and
   * per-cluster shares settle by then, and brute force costs the square of it.
   */
  readonly neighbourRows?: number;
  /** A synthetic row is far from real rows below this quantile of real-to-real nearest similarity. Default 0.05. */
  readonly farQuantile?: number;
  /** A synthetic cluster is synthetic-only when more than this share of its rows is far. Default 0.5. */
  readonly farShare?: number;
  /** Example texts per cluster, closest to its centre first. Default 5. */
  readonly maxExamples?: number;
}

/**
 * A cluster is reported only when at least this many rows were expected on the thin side (or probed), so
 * chance alone cannot empty it: with 8 expected, fewer than 2 happen by chance 0.3% of the time.
 */
const MIN_EXPECTED = 8;

interface Embedded {
  readonly side: SideRows;
  /** Row index (into side.texts) of each vector. */
  readonly rows: number[];
  readonly vectors: Float32Array[];
}

/**
 * Topic coverage on embeddings. Real rows are clustered (seeded k-means++) and synthetic rows assigned to the
 * nearest real centroid when within the clusters' reach (the cosine to their centroid that 99% of real rows
 * reach): `missing` lists real clusters (≥ minShare of real rows) whose synthetic share is below
 * `missingRatio` of their real share. Synthetic rows are clustered too: `syntheticOnly` lists synthetic
 * clusters most of whose rows are farther from every real row than 95% of real rows are from their nearest
 * real neighbour (both measured on equal-size samples), and that hold less than `missingRatio` of their
 * synthetic share in real rows (real rows within reach of the synthetic centroid), so a sparse region
 * that both sides share is not reported. Cluster ids of synthetic clusters follow the real ones.
 * Fewer than two embedded rows on a side gives no clusters and says so.
 *
 * @example coverageReport(real, synthetic).missing[0] // { id: 7, realShare: 0.041, syntheticShare: 0.002, examples: [...], … }
 */
export function coverageReport(real: SideRows, synthetic: SideRows, options: CoverageOptions = {}, token?: CancellationToken): CoverageReport {
  return coverageAnalysis(real, synthetic, options, token).report;
}

/** The coverage report and the real cluster of each clustered real row (the map circles missing clusters). */
export interface CoverageAnalysis {
  readonly report: CoverageReport;
  /** Cluster id of each clustered real row, by its index in the side's `texts`. */
  readonly realClusters: ReadonlyMap<number, number>;
}

/** {@link coverageReport}, keeping which real cluster each clustered real row fell in. */
export function coverageAnalysis(real: SideRows, synthetic: SideRows, options: CoverageOptions = {}, token?: CancellationToken): CoverageAnalysis {
  const random = seededRandom(options.seed ?? 0);
  const r = sampleEmbedded(real, options.maxRows ?? 20_000, random);
  const s = sampleEmbedded(synthetic, options.maxRows ?? 20_000, random);
  if (r.vectors.length < 2 || s.vectors.length < 2) {
    const report = { clusters: 0, missing: [], syntheticOnly: [], sentence: 'Too few embedded rows on one side to compare topics.' };
    return { report, realClusters: new Map() };
  }
  const realClusters = cluster(r, options, random, token);
  const missing = missingClusters(r, s, realClusters, options);
  throwIfCancelled(token);
  const syntheticOnly = syntheticOnlyClusters(r, s, options, random, token).map((c) => ({ ...c, id: realClusters.centroids.length + c.id }));
  const clusters = realClusters.centroids.length;
  const report = { clusters, missing, syntheticOnly, sentence: coverageSentence(clusters, missing, syntheticOnly) };
  return { report, realClusters: new Map(r.rows.map((row, i) => [row, realClusters.assignments[i]])) };
}

/** Real clusters that hold at least `minShare` of real rows but few synthetic rows, largest first. */
function missingClusters(r: Embedded, s: Embedded, realClusters: Clusters, options: CoverageOptions): CoverageCluster[] {
  const realCounts = countClusters(realClusters.assignments, realClusters.centroids.length);
  const syntheticCounts = countWithinReach(s.vectors, realClusters);
  const missing: CoverageCluster[] = [];
  realCounts.forEach((count, c) => {
    const realShare = count / r.vectors.length;
    const syntheticShare = syntheticCounts[c] / s.vectors.length;
    const expected = realShare * s.vectors.length;
    if (realShare >= (options.minShare ?? 0.01) && expected >= MIN_EXPECTED && syntheticShare < (options.missingRatio ?? 0.25) * realShare) {
      missing.push(describeCluster(c, r, realClusters, realShare, syntheticShare, options.maxExamples ?? 5));
    }
  });
  return missing.sort((a, b) => b.realShare - a.realShare);
}

/**
 * Synthetic clusters most of whose (probed) rows are farther from every real row than 95% of real rows are
 * from their nearest real neighbour, and with few real rows within reach; largest first. Ids count from 0.
 */
function syntheticOnlyClusters(r: Embedded, s: Embedded, options: CoverageOptions, random: Random, token?: CancellationToken): CoverageCluster[] {
  const neighbourRows = options.neighbourRows ?? 1000;
  const realSample = Array.from(sampleIndexes(r.vectors.length, neighbourRows, random), (i) => r.vectors[i]);
  const far = closeSimilarity([realSample], options.farQuantile ?? FAR_QUANTILE, token);
  const syntheticClusters = cluster(s, options, random, token);
  const k = syntheticClusters.centroids.length;
  const realCounts = countWithinReach(r.vectors, syntheticClusters);
  const syntheticCounts = countClusters(syntheticClusters.assignments, k);
  const probe = sampleIndexes(s.vectors.length, neighbourRows, random);
  const probeNearest = nearestTargets(Array.from(probe, (i) => s.vectors[i]), realSample, token).similarity;
  const probed = new Uint32Array(k);
  const farCount = new Uint32Array(k);
  probe.forEach((i, p) => {
    const c = syntheticClusters.assignments[i];
    probed[c]++;
    if (probeNearest[p] < far) farCount[c]++;
  });
  const found: CoverageCluster[] = [];
  syntheticCounts.forEach((count, c) => {
    const syntheticShare = count / s.vectors.length;
    const realShare = realCounts[c] / r.vectors.length;
    const mostlyFar = probed[c] >= MIN_EXPECTED && farCount[c] > (options.farShare ?? 0.5) * probed[c];
    // A sparse region far from everything (k-means gathers such rows) holds real rows too; that is no gap.
    const fewReal = realShare < (options.missingRatio ?? 0.25) * syntheticShare;
    if (syntheticShare >= (options.minShare ?? 0.01) && syntheticShare * r.vectors.length >= MIN_EXPECTED && mostlyFar && fewReal) {
      found.push(describeCluster(c, s, syntheticClusters, realShare, syntheticShare, options.maxExamples ?? 5));
    }
  });
  return found.sort((a, b) => b.syntheticShare - a.syntheticShare);
}

/**
 * Default share of real rows whose nearest real neighbour is less similar than "close": a row of the other side
 * with no neighbour that close is far (coverage) or uncovered (prompts). 5% keeps real-vs-real at about 5%.
 */
export const FAR_QUANTILE = 0.05;

/**
 * The cosine that "close" means: the `quantile` of the real rows' nearest-other-real-row similarities, each row
 * compared with the other rows of its group (one group: all of them; with labels, its label). A row whose
 * nearest row of the other side (in a sample of the same size, same group) is below it is farther away than
 * all but that share of real rows are from each other. Rows alone in their group do not count; NaN for none.
 *
 * @example closeSimilarity([realVectors], 0.05) // 0.41
 */
export function closeSimilarity(groups: readonly (readonly Float32Array[])[], quantile = FAR_QUANTILE, token?: CancellationToken): number {
  const nearest = groups.flatMap((group) => Array.from(nearestSimilarities(group, token)).filter((s) => !Number.isNaN(s)));
  return quantileSorted(Float64Array.from(nearest).sort(), quantile);
}

function sampleEmbedded(side: SideRows, maxRows: number, random: Random): Embedded {
  const picked = sampleIndexes(side.embedded.vectors.length, maxRows, random);
  return { side, rows: Array.from(picked, (i) => side.embedded.rows[i]), vectors: Array.from(picked, (i) => side.embedded.vectors[i]) };
}

interface Clusters {
  readonly centroids: Float32Array[];
  /** Cluster of each row of the side that was clustered. */
  readonly assignments: Uint32Array;
  /** Cosine to its own centroid that all but 1% of the clustered rows reach: how far a cluster reaches. */
  readonly reach: number;
}

function cluster(data: Embedded, options: CoverageOptions, random: Random, token?: CancellationToken): Clusters {
  const n = data.vectors.length;
  const k = options.clusters ?? Math.min(40, Math.max(2, Math.round(Math.sqrt(n / 4))));
  const fit = Array.from(sampleIndexes(n, options.fitRows ?? 2000, random), (i) => data.vectors[i]);
  const { centroids } = kMeans(fit, { k, seed: Math.floor(random() * 2 ** 32) }, token);
  throwIfCancelled(token);
  const { assignments, closeness } = assign(data.vectors, centroids);
  return { centroids, assignments, reach: quantileSorted(closeness.sort(), 0.01) };
}

/** Nearest centroid of each vector and the cosine to it. */
function assign(vectors: readonly Float32Array[], centroids: readonly Float32Array[]): { assignments: Uint32Array; closeness: Float64Array } {
  const norms = centroids.map((c) => dot(c, c));
  const assignments = new Uint32Array(vectors.length);
  const closeness = new Float64Array(vectors.length);
  vectors.forEach((v, i) => {
    const c = nearestCentroid(v, centroids, norms);
    assignments[i] = c;
    closeness[i] = norms[c] > 0 ? dot(v, centroids[c]) / Math.sqrt(norms[c]) : 0;
  });
  return { assignments, closeness };
}

/**
 * Rows of the other side per cluster, counting only rows within the clusters' reach: a row near no cluster
 * (an unseen topic) would otherwise land in whichever cluster happens to be least far and mask its gap.
 */
function countWithinReach(vectors: readonly Float32Array[], clusters: Clusters): Uint32Array {
  const { assignments, closeness } = assign(vectors, clusters.centroids);
  const counts = new Uint32Array(clusters.centroids.length);
  assignments.forEach((c, i) => {
    if (closeness[i] >= clusters.reach) counts[c]++;
  });
  return counts;
}

function countClusters(assignments: Uint32Array, k: number): Uint32Array {
  const counts = new Uint32Array(k);
  for (const c of assignments) counts[c]++;
  return counts;
}

/** Examples are the members closest to the centre; the label is the members' most common one. */
function describeCluster(id: number, data: Embedded, clusters: Clusters, realShare: number, syntheticShare: number, maxExamples: number): CoverageCluster {
  const members: number[] = [];
  clusters.assignments.forEach((c, i) => {
    if (c === id) members.push(i);
  });
  const centroid = clusters.centroids[id];
  const closest = members
    .map((i) => ({ i, closeness: dot(data.vectors[i], centroid) }))
    .sort((a, b) => b.closeness - a.closeness || a.i - b.i)
    .slice(0, maxExamples)
    .map((m) => m.i);
  const label = majorityLabel(members.map((i) => data.side.rows[data.rows[i]].label));
  return {
    id,
    realShare,
    syntheticShare,
    examples: closest.map((i) => data.side.texts[data.rows[i]]),
    exampleLines: closest.map((i) => data.side.rows[data.rows[i]].line),
    ...(label === undefined ? {} : { label }),
  };
}

function majorityLabel(labels: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const label of labels) {
    if (label === undefined) continue;
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

function coverageSentence(clusters: number, missing: readonly CoverageCluster[], syntheticOnly: readonly CoverageCluster[]): string {
  if (missing.length === 0 && syntheticOnly.length === 0) {
    return `Synthetic rows cover the real topics: none of the ${formatCount(clusters)} real clusters is missing, and no synthetic cluster is far from real rows.`;
  }
  const parts: string[] = [];
  if (missing.length > 0) {
    const first = missing[0];
    parts.push(
      `${formatCount(missing.length)} of ${formatCount(clusters)} real topics ${missing.length === 1 ? 'has' : 'have'} few synthetic rows ` +
        `(largest: ${quote(first)}, ${percent(first.realShare)} of real rows against ${percent(first.syntheticShare)} of synthetic rows)`,
    );
  }
  if (syntheticOnly.length > 0) {
    const first = syntheticOnly[0];
    parts.push(
      `${formatCount(syntheticOnly.length)} synthetic ${syntheticOnly.length === 1 ? 'topic has' : 'topics have'} no real rows near ` +
        `(largest: ${quote(first)}, ${percent(first.syntheticShare)} of synthetic rows)`,
    );
  }
  return `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
}

function quote(c: CoverageCluster): string {
  const example = c.examples[0] ?? '';
  const text = example.length > 60 ? `${example.slice(0, 57)}…` : example;
  return c.label === undefined ? `“${text}”` : `${c.label}, e.g. “${text}”`;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
}
