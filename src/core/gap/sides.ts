import type { DatasetRow } from '../dataset/types';
import { HASHED_NEAR_COPY, type Embedder } from '../embed/types';
import { describeGap } from '../features/describe';
import { FEATURES } from '../features/registry';
import { throwIfCancelled, type CancellationToken, type Logger } from '../host';
import type { CoverageReport, DiversityReport, FileError, LabelReport, LabelStat, LeakageReport, MapReport, PhraseReport } from '../report/types';
import { auc } from '../stats/auc';
import { sampleIndexes, type Random } from '../stats/random';
import { coverageAnalysis } from './coverage';
import { diversityReport } from './diversity';
import { featureGaps } from './effects';
import { leakageReport } from './leakage';
import { mapReport, type MapOptions } from './map';
import { pickRows } from './matrix';
import { phraseReport } from './phrases';
import { uncoveredShare, type UncoveredShare } from './uncovered';
import type { EmbeddedSample, SideRows } from './sideRows';

/** One side of a comparison: the reference set (several files) or one synthetic dataset. */
export interface Side {
  readonly files: string[];
  readonly texts: string[];
  readonly rows: DatasetRow[];
  readonly rowFiles: string[];
  readonly errors: FileError[];
  /** The label field the side's rows were read with (the first file's that has one). */
  labelField?: string;
  /** Row-major `texts.length × FEATURE_COUNT`. */
  features: Float32Array;
  /** Embedded once, on first use, and shared by every comparison this side is in. */
  embedded?: EmbeddedSample;
}

export interface CompareOptions {
  readonly embedder: Embedder;
  readonly random: Random;
  readonly seed: number;
  readonly maxSampleRows: number;
  /** The map of both sides' embeddings; none when omitted. */
  readonly map?: MapOptions;
  readonly token?: CancellationToken;
  readonly logger?: Logger;
}

export interface Comparison {
  readonly phrases: PhraseReport;
  readonly diversity: DiversityReport;
  readonly coverage: CoverageReport;
  readonly leakage: LeakageReport;
  /** Real rows with no close synthetic row (gap/uncovered.ts); undefined with too few embedded rows. */
  readonly uncovered: UncoveredShare | undefined;
  readonly warnings: string[];
  /** Per-label figures need the detector's scores, which come from the caller. */
  byLabel(scores: ArrayLike<number>, referenceScores: ArrayLike<number>): LabelReport;
  /** The map (when asked for) needs the detector's flags, which come from the caller too. */
  map?(flagged: (row: number) => boolean): MapReport;
}

/** Rows per side and label that a label's top gap rests on. */
const MAX_LABEL_ROWS = 2_000;

/** The text- and embedding-based comparisons of two sides: phrases, diversity, coverage, leakage. */
export async function compareSides(reference: Side, side: Side, options: CompareOptions): Promise<Comparison> {
  const { token, seed } = options;
  const time = stopwatch(options.logger);
  const real = await sideRows(reference, options);
  const synthetic = await sideRows(side, options);
  time('embed');
  throwIfCancelled(token);
  const phrases = phraseReport(reference.texts, side.texts, { seed, maxRows: options.maxSampleRows }, token);
  time('phrases');
  // Cosines are not comparable across embeddings: each states where it calls texts near-copies (hashed: 0.9, 0.95).
  const nearCopy = options.embedder.nearCopy ?? HASHED_NEAR_COPY;
  const diversity = diversityReport(
    real,
    synthetic,
    { seed, textRows: options.maxSampleRows, threshold: nearCopy.duplicate, embedder: options.embedder.id, ...(nearCopy.paraphrase !== undefined ? { paraphrase: nearCopy.paraphrase } : {}) },
    token,
  );
  time('diversity');
  const { report: coverage, realClusters } = coverageAnalysis(real, synthetic, { seed, maxRows: options.maxSampleRows, fitRows: 1000, neighbourRows: 500 }, token);
  time('coverage');
  const leakage = leakageReport(real, synthetic, { seed, threshold: nearCopy.leak }, token);
  time('leakage');
  const uncovered = uncoveredShare(real, synthetic, seed, token);
  time('uncovered');
  const mapOptions = options.map;
  const mapInput = { real: { ...reference, embedded: real.embedded }, synthetic: { ...side, embedded: synthetic.embedded }, missing: coverage.missing, realClusters, embedder: options.embedder.id };
  const warnings: string[] = [];
  if (real.embedded.rows.length < reference.texts.length || synthetic.embedded.rows.length < side.texts.length) {
    warnings.push(`${side.files[0]}: similarity figures (diversity, coverage, near-copies) rest on a seeded sample of ${options.maxSampleRows.toLocaleString('en-US')} rows per side.`);
  }
  return {
    phrases,
    diversity,
    coverage,
    leakage,
    uncovered,
    warnings,
    byLabel: (scores, referenceScores) => labelReport(reference, side, scores, referenceScores, options.random),
    ...(mapOptions ? { map: (flagged: (row: number) => boolean) => timedMap(() => mapReport(mapInput, mapOptions, seed, flagged, token), options.logger) } : {}),
  };
}

function timedMap(work: () => MapReport, logger: Logger | undefined): MapReport {
  const start = Date.now();
  const map = work();
  logger?.debug(`  map: ${Date.now() - start} ms`);
  return map;
}

function stopwatch(logger: Logger | undefined): (stage: string) => void {
  let last = Date.now();
  return (stage) => {
    const now = Date.now();
    logger?.debug(`  ${stage}: ${now - last} ms`);
    last = now;
  };
}

async function sideRows(side: Side, options: CompareOptions): Promise<SideRows> {
  if (!side.embedded) {
    const rows = sampleIndexes(side.texts.length, options.maxSampleRows, options.random);
    const vectors = await options.embedder.embed(Array.from(rows, (row) => side.texts[row]), options.token);
    side.embedded = { rows, vectors };
  }
  return { texts: side.texts, rows: side.rows, rowFiles: side.rowFiles, embedded: side.embedded };
}

function labelReport(reference: Side, side: Side, scores: ArrayLike<number>, referenceScores: ArrayLike<number>, random: Random): LabelReport {
  const realByLabel = rowsByLabel(reference.rows);
  const syntheticByLabel = rowsByLabel(side.rows);
  if (realByLabel.size === 0 && syntheticByLabel.size === 0) return { labels: [], onlyReal: [], onlySynthetic: [] };
  const fields = { ...(reference.labelField && realByLabel.size > 0 ? { real: reference.labelField } : {}), ...(side.labelField && syntheticByLabel.size > 0 ? { synthetic: side.labelField } : {}) };
  const labels: LabelStat[] = [];
  for (const [label, realRows] of realByLabel) {
    const syntheticRows = syntheticByLabel.get(label);
    if (!syntheticRows) continue;
    const labelScores = [...realRows.map((row) => referenceScores[row]), ...syntheticRows.map((row) => scores[row])];
    const isSynthetic = labelScores.map((_, i) => (i >= realRows.length ? 1 : 0));
    const realSample = sampleIndexes(realRows.length, MAX_LABEL_ROWS, random);
    const syntheticSample = sampleIndexes(syntheticRows.length, MAX_LABEL_ROWS, random);
    const gaps = featureGaps(
      FEATURES,
      pickRows(reference.features, FEATURES.length, Array.from(realSample, (k) => realRows[k])),
      pickRows(side.features, FEATURES.length, Array.from(syntheticSample, (k) => syntheticRows[k])),
      FEATURES.length,
      describeGap,
    );
    labels.push({
      label,
      realRows: realRows.length,
      syntheticRows: syntheticRows.length,
      auc: auc(labelScores, isSynthetic),
      ...(gaps[0] ? { topGap: gaps[0].sentence } : {}),
    });
  }
  labels.sort((a, b) => b.auc - a.auc || a.label.localeCompare(b.label));
  return {
    labels,
    onlyReal: [...realByLabel.keys()].filter((label) => !syntheticByLabel.has(label)).sort(),
    onlySynthetic: [...syntheticByLabel.keys()].filter((label) => !realByLabel.has(label)).sort(),
    fields,
  };
}

function rowsByLabel(rows: readonly DatasetRow[]): Map<string, number[]> {
  const byLabel = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (row.label === undefined) return;
    const list = byLabel.get(row.label);
    if (list) list.push(index);
    else byLabel.set(row.label, [index]);
  });
  return byLabel;
}
