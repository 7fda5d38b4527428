import type { Embedder } from '../embed/types';
import type { CoverageReport } from '../report/types';
import type { SideRows } from '../gap/sideRows';
import type { CancellationToken } from '../host';
import { sampleIndexes, seededRandom } from '../stats/random';
import { dot } from '../stats/vector';

/**
 * A real topic or label the synthetic rows under-cover: a topic few synthetic rows come near, a label with too
 * small a share, or a label whose real wording the synthetic rows miss. Row numbers index the real texts.
 */
export interface Target {
  readonly kind: 'topic' | 'label' | 'wording';
  readonly label?: string;
  readonly realShare: number;
  readonly syntheticShare: number;
  /** Synthetic rows to add for the synthetic share to match the real one. */
  readonly rowsNeeded: number;
  /** The real rows of the topic or label. */
  readonly members: number[];
  /** Real rows closest to the centre, distinct texts, closest first. */
  readonly examples: number[];
  /** For wording: the share of the label's real rows a classifier trained on the synthetic rows recognizes. */
  readonly recall?: number;
  /** Texts the distinctive words are measured against; the other real rows when absent. */
  readonly contrast?: readonly string[];
}

/**
 * A target per real cluster that coverageReport found missing. Coverage gives a cluster's share, label and the
 * rows closest to its centre (`exampleLines`, which must be row indexes: give coverageReport rows whose `line`
 * is their index); its members are taken as that share of the embedded real rows nearest the centre (estimated
 * from the examples, then from those rows once more), and its examples are the members nearest that centre
 * with distinct texts. `syntheticRows` sizes the rows needed.
 *
 * @example topicTargets(real, coverage, 30_000)[0].members.length // about realShare × embedded real rows
 */
export function topicTargets(real: SideRows, coverage: CoverageReport, syntheticRows: number, examples = 5): Target[] {
  const { rows, vectors } = real.embedded;
  const position = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) position.set(rows[i], i);
  return coverage.missing.map((cluster) => {
    const seeds = cluster.exampleLines.map((row) => position.get(row)).filter((i): i is number => i !== undefined);
    const size = Math.max(seeds.length, Math.round(cluster.realShare * vectors.length));
    const first = nearest(vectors, centre(vectors, seeds), size);
    const members = nearest(vectors, centre(vectors, first), size).map((i) => rows[i]);
    return {
      kind: 'topic',
      ...(cluster.label === undefined ? {} : { label: cluster.label }),
      realShare: cluster.realShare,
      syntheticShare: cluster.syntheticShare,
      rowsNeeded: Math.max(0, Math.round((cluster.realShare - cluster.syntheticShare) * syntheticRows)),
      members,
      examples: distinct(members, real.texts).slice(0, examples),
    };
  });
}

export interface LabelTargetOptions {
  /** A label is under-represented when its synthetic share is below this fraction of its real share. Default 0.5. */
  readonly ratio?: number;
  /** Examples per label. Default 5. */
  readonly examples?: number;
  readonly seed?: number;
  readonly token?: CancellationToken;
}

/**
 * Expected synthetic rows below which a present but thin label is not reported: chance alone rarely halves 8.
 * A label with no synthetic row at all is always reported.
 */
const MIN_EXPECTED = 8;
/** Rows of a label embedded to find its centre, a seeded sample beyond this. */
const CENTRE_ROWS = 2_000;

/**
 * A target per real label whose share of the labelled synthetic rows is below `ratio` times its share of the
 * labelled real rows: absent labels first, then by that ratio. Examples are the label's rows nearest its centre
 * on `embedder`. No labels on either side, no targets.
 *
 * @example (await labelTargets(realTexts, realLabels, syntheticLabels, embedder))[0].label // 'pin_change'
 */
export async function labelTargets(
  realTexts: readonly string[],
  realLabels: readonly (string | undefined)[],
  syntheticLabels: readonly (string | undefined)[],
  embedder: Embedder,
  options: LabelTargetOptions = {},
): Promise<Target[]> {
  const real = byLabel(realLabels);
  const synthetic = byLabel(syntheticLabels);
  const realTotal = [...real.values()].reduce((n, rows) => n + rows.length, 0);
  const syntheticTotal = [...synthetic.values()].reduce((n, rows) => n + rows.length, 0);
  if (realTotal === 0 || syntheticTotal === 0) return [];
  const ratio = options.ratio ?? 0.5;
  const found: { label: string; rows: number[]; realShare: number; syntheticShare: number }[] = [];
  for (const [label, rows] of real) {
    const realShare = rows.length / realTotal;
    const count = synthetic.get(label)?.length ?? 0;
    const syntheticShare = count / syntheticTotal;
    if (syntheticShare >= ratio * realShare) continue;
    if (count > 0 && realShare * syntheticTotal < MIN_EXPECTED) continue;
    found.push({ label, rows, realShare, syntheticShare });
  }
  found.sort((a, b) => a.syntheticShare / a.realShare - b.syntheticShare / b.realShare || b.rows.length - a.rows.length || a.label.localeCompare(b.label));
  const random = seededRandom(options.seed ?? 0);
  const targets: Target[] = [];
  for (const { label, rows, realShare, syntheticShare } of found) {
    targets.push({
      kind: 'label',
      label,
      realShare,
      syntheticShare,
      rowsNeeded: Math.max(0, Math.round(realShare * syntheticTotal - syntheticShare * syntheticTotal)),
      members: rows,
      examples: await examplesNearCentre(rows, realTexts, embedder, options.examples ?? 5, random, options.token),
    });
  }
  return targets;
}

/**
 * Up to `count` of `rows` nearest their centre on `embedder` (the centre of a seeded sample of at most 2,000),
 * distinct texts, nearest first.
 */
export async function examplesNearCentre(rows: readonly number[], texts: readonly string[], embedder: Embedder, count: number, random: () => number, token?: CancellationToken): Promise<number[]> {
  const sample = Array.from(sampleIndexes(rows.length, CENTRE_ROWS, random), (i) => rows[i]);
  const vectors = await embedder.embed(sample.map((row) => texts[row]), token);
  const order = nearest(vectors, centre(vectors, vectors.map((_, i) => i)), vectors.length).map((i) => sample[i]);
  return distinct(order, texts).slice(0, count);
}

/** Row indexes per label; rows without one are left out. */
export function byLabel(labels: readonly (string | undefined)[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  labels.forEach((label, row) => {
    if (label === undefined) return;
    const rows = map.get(label);
    if (rows) rows.push(row);
    else map.set(label, [row]);
  });
  return map;
}

/** The normalized mean of some vectors; all zeros for none. */
function centre(vectors: readonly Float32Array[], which: readonly number[]): Float32Array {
  const dim = vectors[0]?.length ?? 0;
  const sum = new Float32Array(dim);
  for (const i of which) for (let j = 0; j < dim; j++) sum[j] += vectors[i][j];
  const norm = Math.sqrt(dot(sum, sum));
  if (norm > 0) for (let j = 0; j < dim; j++) sum[j] /= norm;
  return sum;
}

/** Indexes of the `count` vectors most similar to `to`, most similar first (ties by index). */
function nearest(vectors: readonly Float32Array[], to: Float32Array, count: number): number[] {
  const similarity = vectors.map((v) => dot(v, to));
  return vectors.map((_, i) => i).sort((a, b) => similarity[b] - similarity[a] || a - b).slice(0, count);
}

/** Rows whose text was not seen before in the list (case and spacing ignored), in order. */
function distinct(rows: readonly number[], texts: readonly string[]): number[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = texts[row].toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
