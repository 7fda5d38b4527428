import type { DatasetRow } from '../dataset/types';
import type { CancellationToken } from '../host';
import { truncate } from '../exporters/format';
import type { CoverageCluster, MapPoint, MapRegion, MapReport, ProjectionMethod } from '../report/types';
import { quantileSorted } from '../stats/quantile';
import { sampleIndexes, seededRandom } from '../stats/random';
import { project } from './projection';
import type { SideRows } from './sideRows';

export interface MapOptions {
  readonly method: ProjectionMethod;
  /** Rows per side on the map, a seeded sample of the embedded rows beyond it. Default 1,000. */
  readonly maxRowsPerSide?: number;
}

/** One side as the map needs it: SideRows whose rows are whole dataset rows (turn, label), each with its file. */
export interface MapSide extends SideRows {
  readonly rows: readonly DatasetRow[];
  readonly rowFiles: readonly string[];
}

export interface MapInput {
  readonly real: MapSide;
  readonly synthetic: MapSide;
  readonly missing: readonly CoverageCluster[];
  /** Real cluster of each clustered real row, by row index (coverage.ts coverageAnalysis). */
  readonly realClusters: ReadonlyMap<number, number>;
  readonly embedder: string;
}

/** A missing cluster's circle holds this share of its sampled real rows. */
const REGION_QUANTILE = 0.8;
/** Code points of a row's text on the map (hover shows it; the rows table has more). */
const MAX_TEXT = 160;

/**
 * The map: a seeded sample of both sides' embedded rows projected together onto one plane (x and y in
 * [-1, 1]), and a circle per missing coverage cluster around its sampled real rows (centre their mean,
 * radius the distance within which 80% of them lie). `flagged(row)` says whether a synthetic row is flagged.
 * A cluster none of whose rows were sampled has no circle. Same inputs and seed, same map.
 *
 * @example mapReport(input, { method: 'pca' }, 42, () => false).points[0] // { side: 'real', x: -0.31, y: 0.12, file, line, text }
 */
export function mapReport(input: MapInput, options: MapOptions, seed: number, flagged: (row: number) => boolean, token?: CancellationToken): MapReport {
  const random = seededRandom(seed ^ 0x5a9);
  const maxRows = options.maxRowsPerSide ?? 1_000;
  const realPicks = sampleIndexes(input.real.embedded.vectors.length, maxRows, random);
  const syntheticPicks = sampleIndexes(input.synthetic.embedded.vectors.length, maxRows, random);
  const vectors = [...Array.from(realPicks, (i) => input.real.embedded.vectors[i]), ...Array.from(syntheticPicks, (i) => input.synthetic.embedded.vectors[i])];
  const projected = project(vectors, { method: options.method, seed, token });
  const realRows = Array.from(realPicks, (i) => input.real.embedded.rows[i]);
  const syntheticRows = Array.from(syntheticPicks, (i) => input.synthetic.embedded.rows[i]);
  const points: MapPoint[] = [
    ...realRows.map((row, i) => point('real', input.real, row, projected[i])),
    ...syntheticRows.map((row, i) => ({ ...point('synthetic', input.synthetic, row, projected[realRows.length + i]), flagged: flagged(row) })),
  ];
  const missing = input.missing.flatMap((cluster) => {
    const members = realRows.flatMap((row, i) => (input.realClusters.get(row) === cluster.id ? [projected[i]] : []));
    return members.length === 0 ? [] : [region(cluster.id, members)];
  });
  return { method: options.method, points, missing, realRows: realRows.length, syntheticRows: syntheticRows.length, embedder: input.embedder };
}

function point(side: 'real' | 'synthetic', data: MapSide, row: number, xy: Float32Array): MapPoint {
  const place = data.rows[row];
  return {
    side,
    x: round(xy[0]),
    y: round(xy[1]),
    file: data.rowFiles[row] ?? '',
    line: place.line,
    ...(place.turn !== undefined ? { turn: place.turn } : {}),
    text: truncate(data.texts[row], MAX_TEXT),
    ...(place.label !== undefined ? { label: place.label } : {}),
  };
}

function region(cluster: number, members: readonly Float32Array[]): MapRegion {
  let x = 0;
  let y = 0;
  for (const p of members) {
    x += p[0];
    y += p[1];
  }
  x /= members.length;
  y /= members.length;
  const distances = Float64Array.from(members, (p) => Math.hypot(p[0] - x, p[1] - y)).sort();
  return { cluster, x: round(x), y: round(y), radius: round(quantileSorted(distances, REGION_QUANTILE)) };
}

/** Four decimals are finer than any screen and keep the report's JSON small. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
