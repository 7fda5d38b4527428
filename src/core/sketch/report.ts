// The report of a (merged) sketch: the dataset's figures against the model's reference, from counts alone.
import { describeGap } from '../features/describe';
import { FEATURES } from '../features/registry';
import type { FeatureDef } from '../features/types';
import { headlineFor, verdictFor } from '../gap/verdict';
import type { ModelDocument } from '../model/modelFile';
import { formatCount, formatShare } from '../exporters/format';
import type { FeatureGap, Verdict } from '../report/types';
import { cohensH, standardizedMeanDifference } from '../stats/effectSize';
import { binomialTwoSidedP } from '../stats/binomialTest';
import { hanleyMcNeilInterval } from '../stats/hanleyMcNeil';
import { ksDistance } from '../stats/ks';
import { logOddsZ, pooledPrior } from '../stats/logOdds';
import { upperNormalQuantile } from '../stats/normal';
import { binnedAuc } from './binnedAuc';
import { sketchLayout } from './build';
import { distinctEstimate } from './distinct';
import { estimateGram, gramErrorBound } from './grams';
import { KEY_CMS_WIDTH } from './nearDuplicates';
import { binScores } from './scoreBins';
import { bandOf, BANDS } from './similar';
import { compareRefs, type Bucket, type FeatureHistogram, type Sketch } from './types';

/** Phrases, gaps and duplicate groups listed: the terminal report's 20. */
export const REPORT_TOP = 20;
/**
 * Share of rows in the fit's training sample above which the report warns. Sketching the very rows fit trained on
 * read AUC 0.84 where unseen rows of the same data read 0.65 (docs/sketch-merge-status.md), so a share s of them
 * lifts the AUC by about 0.19·s: 2% moves it under 0.004, below the two decimals it is printed with, while the
 * filter's own false positives (about 0.1%) stay far below the bar.
 */
export const TRAINING_WARN_SHARE = 0.02;
/** Values each side's feature distribution is summarized by: the model's 2,001 kept reference values. */
const SUMMARY_VALUES = 2001;

export interface SketchRef {
  readonly file: string;
  readonly line: number;
}

/** A feature gap as the report's (FeatureGap) without what histograms cannot give: p-values and distributions. */
export type SketchGap = Pick<FeatureGap, 'feature' | 'name' | 'kind' | 'effect' | 'size' | 'ks' | 'sentence'>;

export interface SketchPhrase {
  readonly phrase: string;
  /** Dataset rows containing it: exact for the model's phrases, a count-min estimate (never lower) for others. */
  readonly rows: number;
  /** Reference rows containing it and rows counted, when the model holds them. */
  readonly referenceCount?: number;
  readonly referenceRows?: number;
  /** Log-odds z (dataset against reference) when the reference count is known. */
  readonly z?: number;
  readonly exact: boolean;
}

export interface SketchReport {
  readonly rows: number;
  readonly referenceRows: number;
  readonly flagged: number;
  /** Rows whose normalized text is in the model's training sample (a Bloom filter: about 0.1% false positives). */
  readonly trainingRows: number;
  /** What the reader must know before trusting the figures (in-sample rows), one sentence each. */
  readonly warnings: string[];
  readonly errors: number;
  readonly errorLines: SketchRef[];
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly verdict: Verdict;
  readonly headline: string;
  readonly labels: { readonly label: string; readonly rows: number; readonly flagged: number }[];
  /** Every feature's gap, largest first. */
  readonly gaps: SketchGap[];
  /** The model's phrases over-used here beyond chance (exact binomial test, 5% family-wise), highest z first. */
  readonly modelPhrases: SketchPhrase[];
  /** The dataset's commonest grams that are not the model's phrases, most rows first. */
  readonly commonPhrases: SketchPhrase[];
  /**
   * Grams the model does not hold as phrases that these rows use more than the reference beyond chance (models
   * with the reference's gram counts only): z of the dataset's count lower bound against the reference's count
   * upper bound, at 5% family-wise over the candidates in 3 rows or more (Bonferroni over those); highest z first.
   */
  readonly newPhrases: SketchPhrase[];
  /** Candidate grams tested for newPhrases: those in 3 rows or more (0 without the reference's gram counts). */
  readonly newPhrasesTested: number;
  /**
   * Rows sharing one normalized text, largest first; rows are the first few by file and line. With
   * `nearDuplicateExact` false a size is a lower bound (rows counted once the sketch kept the text).
   */
  readonly nearDuplicateGroups: { readonly size: number; readonly rows: SketchRef[] }[];
  /** Rows whose text repeats an earlier row's (rows with a text minus distinct texts). */
  readonly nearDuplicateRows: number;
  /**
   * Whether nearDuplicateRows and the group sizes are exact (every partition kept every text's bucket); otherwise
   * nearDuplicateRows comes from the HyperLogLog's distinct count (±0.41% of it, one standard error).
   */
  readonly nearDuplicateExact: boolean;
  /**
   * Groups of rows a few words apart (a shared MinHash band, similar.ts) that are not one normalized text, largest
   * first. A size is exact with `similarExact`, else a lower bound.
   */
  readonly similarGroups: { readonly size: number; readonly rows: SketchRef[] }[];
  /**
   * Rows close to an earlier row's text (exact duplicates included): in the band that groups the most, rows in its
   * groups beyond each group's first. A lower bound when `similarExact` is false (a partition kept only its most
   * repeated band keys).
   */
  readonly similarRows: number;
  readonly similarExact: boolean;
}

const refs = (list: readonly (readonly [string, number])[]): SketchRef[] => list.map(([file, line]) => ({ file, line }));

/**
 * The report of `sketch` against `doc`'s reference: AUC of the dataset's score histogram against the reference's
 * out-of-fold scores on the same bins (ties in a bin count half) with a Hanley–McNeil interval, the verdict by
 * verdict.ts, flags, feature gaps (as effects.ts words them), phrases, labels and near-duplicates. The same sketch
 * gives the same report to the bit.
 */
export function sketchReport(doc: ModelDocument, sketch: Sketch): SketchReport {
  const { state } = doc;
  const layout = sketchLayout(doc, sketch.model);
  const referenceRows = state.referenceScores.length;
  const auc = binnedAuc(sketch.scores, binScores(layout.scoreBins, state.referenceScores));
  const interval = hanleyMcNeilInterval(auc, sketch.rows, referenceRows);
  const verdict = verdictFor(auc, interval.low, referenceRows, sketch.rows);
  const gaps = FEATURES.map((def, j) => featureGap(def, state.reasons.realSorted[j] ?? new Float64Array(0), sketch.features[j], layout.edges[j]))
    .map((gap, order) => ({ gap, order }))
    .sort((a, b) => b.gap.size - a.gap.size || a.order - b.order)
    .map(({ gap }) => gap);
  const { realRows } = state.reasons;
  const zOf = (count: number, refCount: number, refRows: number): number => {
    const { alpha, alpha0 } = pooledPrior(count, sketch.rows, refCount, refRows);
    return logOddsZ(count, sketch.rows, refCount, refRows, alpha, alpha0);
  };
  // Listed only when over-used beyond chance, as the phrase finder decides (gap/phrases.ts): an exact binomial test
  // of the split of the phrase's rows between the sides at 5% family-wise over the model's phrases. The z ranks
  // them but decides nothing: its pooled prior is as strong as both sides together, so next to a million rows
  // it shrinks the reference's rate towards the dataset's and reads any difference as small.
  const phraseLevel = PHRASE_ALPHA / Math.max(1, state.reasons.phrases.length);
  const overUsed = (count: number, refCount: number) =>
    count * realRows > refCount * sketch.rows && binomialTwoSidedP(count, count + refCount, sketch.rows / (sketch.rows + realRows)) <= phraseLevel;
  const modelPhrases = state.reasons.phrases
    .map((p, k): SketchPhrase => ({ phrase: p.phrase, rows: sketch.grams.modelPhrases[k], referenceCount: p.realCount, referenceRows: realRows, z: zOf(sketch.grams.modelPhrases[k], p.realCount, realRows), exact: true }))
    .filter((p) => overUsed(p.rows, p.referenceCount ?? 0))
    .sort((a, b) => (b.z ?? 0) - (a.z ?? 0) || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, REPORT_TOP);
  const known = new Set(state.reasons.phrases.map((p) => p.phrase));
  const words = state.wordCounts;
  const commonPhrases = sketch.grams.candidates
    .filter((gram) => !known.has(gram))
    .map((gram) => ({ gram, rows: estimateGram(sketch.grams.cms, gram) }))
    .sort((a, b) => b.rows - a.rows || (a.gram < b.gram ? -1 : 1))
    .slice(0, REPORT_TOP)
    .map(({ gram, rows }): SketchPhrase => {
      const refCount = words && !gram.includes(' ') ? (words.realWordRows.get(gram) ?? 0) : undefined;
      if (refCount !== undefined && words) return { phrase: gram, rows, referenceCount: refCount, referenceRows: words.wordRows, z: zOf(rows, refCount, words.wordRows), exact: false };
      const reference = doc.referenceGrams;
      if (!reference) return { phrase: gram, rows, exact: false };
      const count = estimateGram(reference.cms, gram);
      return { phrase: gram, rows, referenceCount: count, referenceRows: reference.rows, z: zOf(rows, count, reference.rows), exact: false };
    });
  const fresh = newPhrases(doc, sketch, known, zOf);
  const groups = Object.values(sketch.buckets)
    .filter((b) => b.count > 1)
    .sort((a, b) => b.count - a.count || (a.rows[0][0] < b.rows[0][0] ? -1 : a.rows[0][0] > b.rows[0][0] ? 1 : a.rows[0][1] - b.rows[0][1]));
  return {
    rows: sketch.rows,
    referenceRows,
    flagged: sketch.flagged,
    trainingRows: sketch.trainingRows,
    warnings: trainingWarning(sketch.trainingRows, sketch.rows),
    errors: sketch.errors,
    errorLines: refs(sketch.errorLines),
    auc,
    aucLow: interval.low,
    aucHigh: interval.high,
    verdict,
    headline: headlineFor(verdict, auc),
    labels: Object.entries(sketch.labels).map(([label, c]) => ({ label, rows: c.rows, flagged: c.flagged })),
    gaps,
    modelPhrases,
    commonPhrases,
    newPhrases: fresh.phrases,
    newPhrasesTested: fresh.tested,
    nearDuplicateGroups: groups.slice(0, REPORT_TOP).map((b) => ({ size: b.count, rows: refs(b.rows) })),
    nearDuplicateRows: sketch.bucketsComplete ? groups.reduce((sum, b) => sum + b.count - 1, 0) : repeatedRows(sketch),
    nearDuplicateExact: sketch.bucketsComplete,
    ...similarGroups(sketch, groups),
  };
}

/** Family-wise error rate of the tests of the model's phrases, as the phrase finder's (gap/phrases.ts). */
const PHRASE_ALPHA = 0.05;
/** Rows a new phrase must be in, at least: the phrase finder's floor (gap/phrases.ts). */
const NEW_PHRASE_MIN_ROWS = 3;
/** Family-wise error rate of the new-phrase tests, as the phrase finder's. */
const NEW_PHRASE_ALPHA = 0.05;

/**
 * The candidate grams over-used against the reference's gram counts. Both counts are count-min estimates, never
 * below the truth and above it by at most e/width of their counted gram-rows (with 98% odds): the dataset's is
 * lowered by that bound and the reference's kept as it is, so the test can only understate an over-use.
 */
function newPhrases(doc: ModelDocument, sketch: Sketch, known: ReadonlySet<string>, zOf: (count: number, refCount: number, refRows: number) => number): { phrases: SketchPhrase[]; tested: number } {
  const reference = doc.referenceGrams;
  if (!reference || sketch.rows === 0) return { phrases: [], tested: 0 };
  // Only grams in NEW_PHRASE_MIN_ROWS rows or more are tested (and counted for the correction, as Tarone's
  // correction counts only what could pass): rarer candidates are where the parts' candidate lists differ most.
  const slack = gramErrorBound(sketch.grams.cms);
  const tested = sketch.grams.candidates
    .filter((gram) => !known.has(gram))
    .map((gram) => ({ gram, rows: Math.max(0, Math.floor(estimateGram(sketch.grams.cms, gram) - slack)) }))
    .filter(({ rows }) => rows >= NEW_PHRASE_MIN_ROWS);
  if (tested.length === 0) return { phrases: [], tested: 0 };
  const bar = upperNormalQuantile(NEW_PHRASE_ALPHA / tested.length);
  const phrases: SketchPhrase[] = [];
  for (const { gram, rows } of tested) {
    const referenceCount = estimateGram(reference.cms, gram);
    const z = zOf(rows, referenceCount, reference.rows);
    if (z >= bar) phrases.push({ phrase: gram, rows, referenceCount, referenceRows: reference.rows, z, exact: false });
  }
  phrases.sort((a, b) => (b.z ?? 0) - (a.z ?? 0) || (a.phrase < b.phrase ? -1 : 1));
  return { phrases: phrases.slice(0, REPORT_TOP), tested: tested.length };
}

/** Band groups of two rows or more, one per set of rows (a pair found in several bands once), exact copies left out. */
function similarGroups(sketch: Sketch, exact: readonly Bucket[]): Pick<SketchReport, 'similarGroups' | 'similarRows' | 'similarExact'> {
  const perBand = new Array<number>(BANDS).fill(0);
  const shown = new Set(exact.map((b) => `${b.count} ${b.rows.map(([file, line]) => `${file}:${line}`).join(' ')}`));
  const groups: Bucket[] = [];
  for (const [name, bucket] of Object.entries(sketch.similarBuckets)) {
    if (bucket.count < 2) continue;
    perBand[bandOf(parseInt(name, 36))] += bucket.count - 1;
    groups.push(bucket);
  }
  groups.sort((a, b) => b.count - a.count || compareRefs(a.rows[0], b.rows[0]));
  const listed: Bucket[] = [];
  for (const group of groups) {
    const id = `${group.count} ${group.rows.map(([file, line]) => `${file}:${line}`).join(' ')}`;
    if (shown.has(id)) continue;
    shown.add(id);
    listed.push(group);
    if (listed.length === REPORT_TOP) break;
  }
  return { similarGroups: listed.map((b) => ({ size: b.count, rows: refs(b.rows) })), similarRows: Math.max(0, ...perBand), similarExact: sketch.similarComplete };
}

/** Rows whose text repeats another's, from the counters: rows with a text (a count-min row sums to them) minus the distinct estimate. */
function repeatedRows(sketch: Sketch): number {
  let keyed = 0;
  for (let i = 0; i < KEY_CMS_WIDTH; i++) keyed += sketch.duplicateCms[i];
  return Math.max(0, Math.round(keyed - distinctEstimate(sketch.distinct)));
}

/** The in-sample warning when more than TRAINING_WARN_SHARE of the rows were fitted on; none otherwise. */
export function trainingWarning(trainingRows: number, rows: number): string[] {
  if (rows === 0 || trainingRows / rows <= TRAINING_WARN_SHARE) return [];
  return [`${formatCount(trainingRows)} of ${formatCount(rows)} rows (${formatShare(trainingRows / rows)}) were in the fit's training sample: their scores read higher than on unseen rows; sketch other rows`];
}

/** A feature's gap from its histogram against the model's kept reference values (see summaryValues). */
function featureGap(def: FeatureDef, realSorted: Float64Array, histogram: FeatureHistogram, edges: readonly number[] | undefined): SketchGap {
  const synthetic = summaryValues(histogram, edges);
  const base = { feature: def.id, name: def.name, kind: def.kind, sentence: describeGap(def, realSorted, synthetic) };
  if (realSorted.length === 0 || synthetic.length === 0) return { ...base, effect: 0, size: 0, ks: 0 };
  if (def.kind === 'binary') {
    const [no, yes] = histogram.counts;
    let realYes = 0;
    for (const v of realSorted) if (v !== 0) realYes++;
    const pS = yes / (no + yes);
    const pR = realYes / realSorted.length;
    return { ...base, effect: pS - pR, size: Math.abs(cohensH(pS, pR)), ks: Math.abs(pS - pR) };
  }
  const effect = standardizedMeanDifference(realSorted, synthetic);
  return { ...base, effect, size: Math.abs(effect), ks: ksDistance(realSorted, synthetic) };
}

/**
 * The dataset's values of a feature as SUMMARY_VALUES evenly spaced order statistics of its histogram, each the
 * value standing for its bin: the bin's lower edge (a reference value, exact for whole-number features; the last
 * edge for its own bin), the midpoint of the smallest value and the first edge below the range, of the last edge
 * and the largest value above it. Binary features give 0s and 1s in their shares. Empty when no row has a value.
 */
export function summaryValues(histogram: FeatureHistogram, edges: readonly number[] | undefined): Float64Array {
  const { counts, min, max } = histogram;
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0 || min === null || max === null) return new Float64Array(0);
  const stand = (bin: number): number => {
    if (!edges) return bin;
    if (edges.length === 0) return (min + max) / 2;
    if (bin === 0) return (min + edges[0]) / 2;
    if (bin === edges.length + 1) return (edges[edges.length - 1] + max) / 2;
    return edges[bin - 1];
  };
  const n = Math.min(total, SUMMARY_VALUES);
  const out = new Float64Array(n);
  let bin = 0;
  let below = counts[0];
  for (let k = 0; k < n; k++) {
    const rank = n === 1 ? 0 : Math.round((k * (total - 1)) / (n - 1));
    while (rank >= below) below += counts[++bin];
    out[k] = stand(bin);
  }
  return out;
}
