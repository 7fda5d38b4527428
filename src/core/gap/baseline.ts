/**
 * `synthgap check --baseline`: this run's report against an earlier JSON report of the same datasets. Pure:
 * two reports in, a BaselineReport out; the CLI reads the file and decides the exit code from `regression`.
 */
import type { BaselineDataset, BaselineFigures, BaselineReport, DatasetReport, GapChange, GapReport } from '../report/types';
import { SCHEMA_VERSION } from '../report/types';
import { fileName } from '../exporters/format';

/**
 * The smallest change in a gap's size (|SMD| or Cohen's h) that the comparison lists: half of the smallest effect
 * Cohen calls small (0.2, NEGLIGIBLE_EFFECT). On examples/ a re-run with another seed moves no gap by more than
 * 0.05, and roughening moves the style gaps by 1 to 3, so 0.1 keeps noise out and every real change in.
 */
export const BASELINE_GAP_CHANGE = 0.1;

/** Gaps and phrases listed per direction: what fits a pull-request comment; the rest is in the JSON report. */
const LISTED = 10;

export interface BaselineOptions {
  /** The baseline file as the user gave it, for the report and messages. */
  readonly file: string;
  readonly failOnRegression?: number;
  /** The baseline's dataset to compare this run's only dataset with (`--baseline-dataset`). */
  readonly dataset?: string;
}

/**
 * Why `value` (a parsed JSON file) cannot serve as a baseline, in one line, or undefined when it can.
 * @example baselineProblem({ schemaVersion: 0 }) // "it is a report of schema version 0; this synthgap writes 1"
 */
export function baselineProblem(value: unknown): string | undefined {
  const report = value as Partial<GapReport> | null;
  if (typeof report !== 'object' || report === null || report.tool?.name !== 'synthgap') return 'it is not a synthgap JSON report (synthgap check --format json)';
  if (report.schemaVersion !== SCHEMA_VERSION) return `it is a report of schema version ${String(report.schemaVersion)}; this synthgap reads ${SCHEMA_VERSION}`;
  if (!Array.isArray(report.datasets) || !report.datasets.every((d: DatasetReport) => typeof d?.file === 'string' && typeof d.summary === 'object')) return 'its datasets are missing or malformed';
  return undefined;
}

/**
 * Each dataset of `now` with the baseline's dataset of the same file; when names differ (a CI checkout in another
 * folder, a renamed file), the only unmatched dataset of each side when both runs used the same reference (sameReferenceAs), or
 * the one named by `options.dataset`. Returns a one-line problem when no dataset matches.
 */
export function compareWithBaseline(baseline: GapReport, now: GapReport, options: BaselineOptions): BaselineReport | { readonly problem: string } {
  const pairs = matchDatasets(baseline, now, options);
  if (typeof pairs === 'string') return { problem: pairs };
  const used = new Set(pairs.map((p) => p.then).filter((d) => d !== undefined));
  const datasets = pairs.map(({ dataset, then, matchedBy }) => compareDataset(dataset, then, matchedBy, options.failOnRegression));
  return {
    file: options.file,
    version: baseline.tool.version,
    ...(options.failOnRegression !== undefined ? { failOnRegression: options.failOnRegression } : {}),
    datasets,
    dropped: baseline.datasets.filter((d) => !used.has(d)).map((d) => d.file),
    notes: settingNotes(baseline, now),
  };
}

interface Pair {
  readonly dataset: DatasetReport;
  readonly then?: DatasetReport;
  readonly matchedBy?: BaselineDataset['matchedBy'];
}

function matchDatasets(baseline: GapReport, now: GapReport, options: BaselineOptions): Pair[] | string {
  const byFile = new Map(baseline.datasets.map((d) => [d.file, d]));
  if (options.dataset !== undefined) {
    const named = byFile.get(options.dataset);
    if (!named) return `the baseline has no dataset ${options.dataset} (it has ${baseline.datasets.map((d) => d.file).join(', ') || 'none'})`;
    if (now.datasets.length !== 1) return `--baseline-dataset needs exactly one dataset checked, not ${now.datasets.length}`;
    return [{ dataset: now.datasets[0], then: named, matchedBy: 'named' }];
  }
  const pairs: Pair[] = now.datasets.map((dataset) => {
    const then = byFile.get(dataset.file);
    return then ? { dataset, then, matchedBy: 'file' } : { dataset };
  });
  const usedThen = new Set(pairs.map((p) => p.then));
  const leftNow = pairs.filter((p) => !p.then);
  const leftThen = baseline.datasets.filter((d) => !usedThen.has(d));
  const sameReference = sameReferenceAs(baseline, now);
  if (leftNow.length === 1 && leftThen.length === 1 && sameReference) {
    pairs[pairs.indexOf(leftNow[0])] = { dataset: leftNow[0].dataset, then: leftThen[0], matchedBy: 'only-dataset' };
  }
  if (pairs.every((p) => !p.then)) {
    const reference = sameReference ? '' : ` and it was compared with another reference (${(baseline.reference?.files ?? []).join(', ')})`;
    return `the baseline is of other datasets (${baseline.datasets.map((d) => d.file).join(', ') || 'none'})${reference}; name one with --baseline-dataset`;
  }
  return pairs;
}

function compareDataset(dataset: DatasetReport, then: DatasetReport | undefined, matchedBy: Pair['matchedBy'], failOnRegression: number | undefined): BaselineDataset {
  const nowFigures = figures(dataset);
  if (!then) return { now: nowFigures, aucChange: NaN, withinIntervals: false, regression: false, grew: [], shrank: [], newPhrases: [], gonePhrases: [] };
  const thenFigures = figures(then);
  const aucChange = nowFigures.auc - thenFigures.auc;
  // An AUC on too few rows is noise on either run: no gate applies to it (as with --fail-above-auc).
  const comparable = Number.isFinite(aucChange) && nowFigures.verdict !== 'insufficient-data' && thenFigures.verdict !== 'insufficient-data';
  const changes = gapChanges(then, dataset);
  const phrasesThen = new Set(then.phrases?.overSynthetic?.map((p) => p.phrase) ?? []);
  const phrasesNow = new Set(dataset.phrases.overSynthetic.map((p) => p.phrase));
  return {
    now: nowFigures,
    then: thenFigures,
    ...(matchedBy ? { matchedBy } : {}),
    aucChange,
    withinIntervals: comparable && nowFigures.aucLow <= thenFigures.aucHigh && thenFigures.aucLow <= nowFigures.aucHigh,
    regression: comparable && failOnRegression !== undefined && aucChange > failOnRegression,
    grew: changes.filter((c) => c.now > c.then).slice(0, LISTED),
    shrank: changes.filter((c) => c.now < c.then).slice(0, LISTED),
    newPhrases: [...phrasesNow].filter((p) => !phrasesThen.has(p)).slice(0, LISTED),
    gonePhrases: [...phrasesThen].filter((p) => !phrasesNow.has(p)).slice(0, LISTED),
  };
}

/** A report's JSON writes NaN as null: read it back as NaN, so every view prints `n/a`. */
const numberOrNaN = (value: number | null | undefined): number => (typeof value === 'number' ? value : NaN);

function figures(dataset: DatasetReport): BaselineFigures {
  const { summary } = dataset;
  return {
    file: dataset.file,
    verdict: summary.verdict,
    auc: numberOrNaN(summary.auc),
    aucLow: numberOrNaN(summary.aucLow),
    aucHigh: numberOrNaN(summary.aucHigh),
    rows: summary.rows,
    flagged: summary.flagged,
  };
}

/** Features whose gap size moved by at least BASELINE_GAP_CHANGE; a feature missing on one side counts as 0. */
function gapChanges(then: DatasetReport, now: DatasetReport): GapChange[] {
  const sizes = new Map<string, { name: string; then: number; now: number }>();
  for (const gap of then.gaps ?? []) sizes.set(gap.feature, { name: gap.name, then: numberOrNaN(gap.size), now: 0 });
  for (const gap of now.gaps) sizes.set(gap.feature, { name: gap.name, then: sizes.get(gap.feature)?.then ?? 0, now: gap.size });
  return [...sizes]
    .map(([feature, s]) => ({ feature, ...s }))
    .filter((c) => Number.isFinite(c.then) && Number.isFinite(c.now) && Math.abs(c.now - c.then) >= BASELINE_GAP_CHANGE)
    .sort((a, b) => Math.abs(b.now - b.then) - Math.abs(a.now - a.then) || a.feature.localeCompare(b.feature));
}

/** Settings that make the two runs' figures less comparable, in words. */
function settingNotes(baseline: GapReport, now: GapReport): string[] {
  const notes: string[] = [];
  const [a, b] = [baseline.settings ?? ({} as Partial<GapReport['settings']>), now.settings];
  for (const key of ['embedder', 'seed', 'folds', 'flagQuantile', 'textField', 'labelField'] as const) {
    if (a[key] !== b[key]) notes.push(`${key} was ${String(a[key] ?? 'not set')}, now ${String(b[key] ?? 'not set')}`);
  }
  if (!sameReferenceAs(baseline, now)) notes.push(`the reference was ${(baseline.reference?.files ?? []).join(', ')}, now ${now.reference.files.join(', ')}`);
  return notes;
}

/**
 * Whether both runs compared with the same reference: the same paths, or (a CI job and a laptop check the files out
 * into other folders) the same file names and as many rows.
 */
function sameReferenceAs(baseline: GapReport, now: GapReport): boolean {
  const files = baseline.reference?.files ?? [];
  if (sameList(files, now.reference.files)) return true;
  return sameList(files.map(fileName), now.reference.files.map(fileName)) && baseline.reference.rows?.length === now.reference.rows.length;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
