/**
 * The report's recurring phrases and selections, written once for every exporter. Each function returns plain
 * text (no markup); the exporter escapes the whole result for its target, which is why dataset text may appear
 * in it.
 */
import type {
  DatasetReport,
  DatasetSummary,
  FeatureGap,
  FieldReport,
  FileError,
  GapReport,
  LabelReport,
  LeakageReport,
  PairReport,
  PhraseReport,
  PhraseStat,
  ReportSettings,
  RowReason,
  RowResult,
  Verdict,
} from '../report/types';
import { isRequestField } from '../dataset/schemas';
import { formatAuc, formatAucRange, formatCount, formatDecimal, formatShare, formatSigned, formatValue, NOT_AVAILABLE, plural } from './format';

const VERDICT_LABELS: Record<Verdict, string> = {
  'no-gap': 'No gap',
  'small-gap': 'Small gap',
  gap: 'Gap',
  'large-gap': 'Large gap',
  'insufficient-data': 'Insufficient data',
};

/** `No gap`, `Large gap`, …; an unknown verdict (a newer report) prints as it is. */
export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABELS[verdict] ?? String(verdict);
}

/** `AUC 0.91 [0.90–0.92]`, or `AUC n/a` when there was too little data to fit a classifier. */
export function aucText(summary: DatasetSummary): string {
  if (!Number.isFinite(summary.auc)) return `AUC ${NOT_AVAILABLE}`;
  return `AUC ${aucInterval(summary.auc, summary.aucLow, summary.aucHigh)}`;
}

/** `0.91 [0.90–0.92]`; the interval is left out when it is not known. */
export function aucInterval(auc: number, low: number, high: number): string {
  const value = formatAuc(auc);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return value;
  return `${value} [${formatAucRange(low, high)}]`;
}

/**
 * `Kind of gap: style — casing, punctuation, typos and apostrophes alone reach AUC 0.99 of the detector's 1.00 …; run
 * synthgap roughen`: the kind of gap with its figures and lever (gap/gapKind.ts), without the final full stop so
 * each view ends it as it ends its lines; undefined for a report written before kinds were named.
 */
export function gapKindText(summary: DatasetSummary): string | undefined {
  const sentence = summary.gapKindEvidence?.sentence;
  return sentence ? sentence.replace(/\.$/, '') : undefined;
}

/** `812 of 10,000 rows look synthetic (threshold 0.73; flags 5.0% of real rows)`. */
export function flaggedText(summary: DatasetSummary): string {
  if (summary.verdict === 'insufficient-data') return 'Too few rows to flag any';
  if (summary.verdict === 'no-gap') {
    // Without a gap a row above the threshold by its score alone is chance (gap/verdict.ts flagRuleFor).
    if (summary.flagged === 0) return 'No row stands out: with no gap, a row above the flag threshold by its score alone is chance';
    const verb = summary.flagged === 1 ? 'uses' : 'use';
    return `${formatCount(summary.flagged)} of ${plural(summary.rows, 'row')} ${verb} LLM stock phrasing that real rows rarely use; otherwise no row stands out`;
  }
  // The threshold was raised past every row (gap/verdict.ts flagPlan): the gap is in many rows a little, not in a few.
  if (summary.flagged === 0) return 'No row stands out on its own: the difference is spread thinly over many rows';
  const verb = summary.flagged === 1 ? 'looks' : 'look';
  return (
    `${formatCount(summary.flagged)} of ${plural(summary.rows, 'row')} ${verb} synthetic ` +
    `(threshold ${formatDecimal(summary.flagThreshold, 2)}; flags ${formatShare(summary.referenceFlaggedShare)} of real rows)`
  );
}

/** `synthgap 0.1.0 · seed 42 · 5 folds · …`: what it takes to reproduce the report. */
export function settingsText(report: GapReport): string {
  const { settings } = report;
  return [
    `synthgap ${report.tool.version}`,
    `seed ${settings.seed}`,
    `${settings.folds} folds`,
    `flag quantile ${settings.flagQuantile}`,
    `embedder ${settings.embedder}`,
    settings.textField === undefined ? '' : `text field "${settings.textField}"`,
    settings.labelField === undefined ? '' : `label field "${settings.labelField}"`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** `data/real.jsonl (5,000 rows, 2 skipped)`. */
export function referenceText(report: GapReport): string {
  const { reference } = report;
  // The reference rows list every scored row; when it is absent, fall back on the size each comparison saw.
  const rows = reference.rows.length || Math.max(0, ...report.datasets.map((d) => d.summary.referenceRows));
  const files = reference.files.length > 0 ? reference.files.join(', ') : '(none)';
  const skipped = reference.skipped > 0 ? `, ${formatCount(reference.skipped)} skipped` : '';
  return `${files} (${plural(rows, 'row')}${skipped})`;
}

/** `2 exact and 5 near copies of reference rows (similarity ≥ 0.95)`, or that none was found. */
export function leakageText(leakage: LeakageReport): string {
  const threshold = formatDecimal(leakage.similarityThreshold, 2);
  if (leakage.exact === 0 && leakage.near === 0) return `No row copies a reference row (similarity ≥ ${threshold}).`;
  const copies = leakage.exact + leakage.near === 1 ? 'copy' : 'copies';
  return `${formatCount(leakage.exact)} exact and ${formatCount(leakage.near)} near ${copies} of reference rows (similarity ≥ ${threshold}).`;
}

/** The reference files' errors; lines are not prefixed with the file when there is only one. */
export function referenceErrorDigest(report: GapReport, limit: number): ErrorDigest | undefined {
  const { files, skipped, errors } = report.reference;
  return errorDigest(skipped, errors, limit, files.length === 1 ? files[0] : undefined);
}

/** Where a row stands: `line 118`, `line 118, message 3` for a chat row, `line 118, output` for a record's field. */
export function rowLocation(row: Pick<RowResult, 'line' | 'turn' | 'field'>): string {
  const at = `line ${formatCount(row.line)}`;
  if (row.turn !== undefined) return `${at}, message ${row.turn + 1}${row.field === undefined ? '' : ` (${row.field})`}`;
  return row.field === undefined ? at : `${at}, ${row.field}`;
}

/**
 * `Read as Alpaca-style instruction data: instruction, input, output; each field is compared with the same field of
 * the reference, and the score is the whole record's`; undefined for a file read for one text.
 */
export function schemaText(settings: ReportSettings): string | undefined {
  if (!settings.textFields || settings.textFields.length === 0) return undefined;
  const read = settings.schema ?? `fields ${settings.textFields.join(', ')}`;
  return `Read as ${read}; each field is compared with the same field of the reference, and a row's score is its whole record's`;
}

/**
 * One field's comparison in a line: `AUC 1.00 [0.99–1.00], large gap, 1,500 texts; biggest gap: …; over-used: "certainly"`.
 * Gaps under `negligible` and any gap under a no-gap verdict are left out, as in the dataset's own lists.
 */
export function fieldSummaryText(field: FieldReport, negligible: number): string {
  const parts = [`${aucText(field.summary)}, ${verdictLabel(field.summary.verdict).toLowerCase()}, ${plural(field.rows, 'text')}`];
  const [gap] = fieldGaps(field, negligible, 1);
  if (gap) parts.push(`biggest gap: ${gap.sentence.replace(/\.$/, '')}`);
  const over = field.phrases.overSynthetic.slice(0, FIELD_PHRASES).map((p) => `"${p.phrase}"`);
  if (over.length > 0) parts.push(`over-used: ${over.join(', ')}`);
  return parts.join('; ');
}

/** How many over-used phrases a field's line names: enough to recognize the field's stock phrasing, short enough for one line. */
export const FIELD_PHRASES = 3;

/**
 * A field's gaps that count, largest first, at most `limit`: none under a no-gap or insufficient-data verdict, and
 * none under `negligible` (the rule of the dataset's own gap lists).
 */
export function fieldGaps(field: Pick<FieldReport, 'summary' | 'gaps'>, negligible: number, limit: number): FeatureGap[] {
  if (field.summary.verdict === 'no-gap' || field.summary.verdict === 'insufficient-data') return [];
  return field.gaps.filter((g) => g.size >= negligible).slice(0, limit);
}

/** The pair checks' heading: `Pairs (instruction and output)`. */
export function pairsTitle(pairs: Pick<PairReport, 'request' | 'response'>): string {
  return `Pairs (${pairs.request} and ${pairs.response})`;
}

/** The pair checks' findings, or the one sentence that says there are none. */
export function pairSentences(pairs: Pick<PairReport, 'sentences'>): string[] {
  return pairs.sentences.length > 0 ? [...pairs.sentences] : ['The pairs look like the reference\'s.'];
}

/** The flagged rows with the highest scores, highest first (ties by line), at most `limit`. */
export function mostSyntheticRows(dataset: DatasetReport, limit: number): RowResult[] {
  if (limit <= 0) return [];
  return dataset.rows
    .filter((row) => row.flagged)
    .sort((a, b) => b.score - a.score || a.line - b.line || (a.turn ?? 0) - (b.turn ?? 0))
    .slice(0, limit);
}

/** The mean (numeric) or the share of rows with the feature (binary) on one side. */
export function gapValue(gap: FeatureGap, side: 'real' | 'synthetic'): string {
  const distribution = gap[side];
  if (gap.kind === 'binary') return formatShare(distribution.shares[1] ?? distribution.mean);
  return formatValue(distribution.mean);
}

/** `+1.31 SD` for a numeric feature, `+31 pts` (percentage points) for a binary one. */
export function effectText(gap: FeatureGap): string {
  if (gap.kind === 'binary') return `${formatSigned(gap.effect * 100, 0)} pts`;
  return `${formatSigned(gap.effect, 2)} SD`;
}

/** The display name of a feature id, if the dataset's gaps know it. */
export function featureName(dataset: DatasetReport, feature: string): string {
  return dataset.gaps.find((gap) => gap.feature === feature)?.name ?? feature;
}

export interface ErrorDigest {
  /** `3 lines skipped`. */
  readonly heading: string;
  /** `line 17: invalid JSON (…)`, with the file named when it is not `ownFile`. */
  readonly lines: string[];
  /** `… and 4 more`, when some were left out. */
  readonly more?: string;
}

/** The first `limit` errors of a file, and how many more there were; undefined when nothing was skipped. */
export function errorDigest(
  skipped: number,
  errors: readonly FileError[],
  limit: number,
  ownFile?: string,
): ErrorDigest | undefined {
  // The analysis may keep fewer messages than it skipped lines; the count is the larger of the two.
  const total = Math.max(skipped, errors.length);
  if (total === 0) return undefined;
  const lines = errors.slice(0, Math.max(0, limit)).map((error) => {
    const where = error.file === ownFile ? `line ${formatCount(error.line)}` : `${error.file}:${error.line}`;
    return `${where}: ${error.message}`;
  });
  const rest = total - lines.length;
  return { heading: `${plural(total, 'line')} skipped`, lines, more: rest > 0 ? `… and ${formatCount(rest)} more` : undefined };
}

/** `Real rows: 8.4% have a typo; over 99% have no final punctuation; …`, or undefined without a profile. */
export function noiseProfileText(report: GapReport): string | undefined {
  const sentences = report.reference.noiseProfile?.sentences ?? [];
  if (sentences.length === 0) return undefined;
  // Fine-tuning data: the profile is learned from the requests people wrote (analyze.ts requestRows), and says so.
  const requests = (report.settings.textFields ?? []).filter(isRequestField);
  const what = requests.length > 0 ? `the real requests (${requests.join(', ')})` : 'the real rows';
  return `How ${what} are written: ${sentences.join('; ')}.`;
}

/**
 * The words a flagged row's message opens with, matched to its first reason: LLM wording (a stock phrase, a
 * word or phrase synthetic rows over-use) or any other way it reads unlike the real rows.
 */
export function reasonHeadline(reasons: readonly Pick<RowReason, 'code'>[]): string {
  // Any reason in LLM wording (a stock phrase, a word or phrase synthetic rows over-use) says so, whatever its
  // place: reasons are ordered by what the fix can change (gap/reasons.ts), not by kind.
  const llm = reasons.some(({ code }) => code === 'stock-phrase' || code.startsWith('word:') || code.startsWith('phrase:'));
  return llm ? 'Reads like LLM writing' : 'Reads unlike the real rows';
}

/**
 * A flagged row's reasons as one sentence: `Reads like LLM writing: opens with "Certainly", found in 0 of 760
 * real rows; 180 characters, longer than 98% of real rows.` Without reasons, its percentile among real rows.
 */
export function reasonsSentence(reasons: readonly RowReason[], percentile: number): string {
  if (reasons.length === 0) return `Looks synthetic: scores higher than ${formatShare(percentile)} of real rows.`;
  return `${reasonHeadline(reasons)}: ${reasons.map((reason) => reason.message).join('; ')}.`;
}

/** Rows containing a phrase per 1,000 rows of its side: `75.0`, `0` (rounded like feature values). */
export function perThousand(count: number, rows: number): string {
  if (!(rows > 0)) return NOT_AVAILABLE;
  return count === 0 ? '0' : formatValue((1000 * count) / rows);
}

/**
 * A phrase's counts on both sides with their rates, the side that over-uses it first, since the sides differ
 * in size: `30 of 400 real rows (75.0 per 1,000) · 0 of 400 synthetic (0 per 1,000)`.
 */
export function phraseCountsText(phrase: PhraseStat, phrases: Pick<PhraseReport, 'realRows' | 'syntheticRows'>, first: 'real' | 'synthetic'): string {
  const real = `${formatCount(phrase.realCount)} of ${formatCount(phrases.realRows)} real rows (${perThousand(phrase.realCount, phrases.realRows)} per 1,000)`;
  const synthetic = `${formatCount(phrase.syntheticCount)} of ${formatCount(phrases.syntheticRows)} synthetic (${perThousand(phrase.syntheticCount, phrases.syntheticRows)} per 1,000)`;
  return first === 'real' ? `${real} · ${synthetic}` : `${synthetic.replace(' synthetic (', ' synthetic rows (')} · ${real.replace(' real rows (', ' real (')}`;
}

/** What the phrase finder says when it lists nothing: `No phrase is used more on one side than the other (tested 124 phrases).` */
export function noPhraseText(phrases: Pick<PhraseReport, 'tested' | 'realRows' | 'syntheticRows'>): string {
  if (phrases.realRows === 0 || phrases.syntheticRows === 0) return 'No phrase was compared: one side has no rows.';
  if (phrases.tested === 0) return 'No phrase is in enough rows to show a difference between the sides.';
  const tested = phrases.tested === undefined ? '' : ` (tested ${plural(phrases.tested, 'phrase')})`;
  return `No phrase is used more on one side than the other${tested}.`;
}

/**
 * Why per-label figures are missing, when labels exist on one side only: `Labels: only the reference has a label
 * field (intent); per-label gaps need labels on both sides.` Undefined when both sides or neither have labels.
 */
export function oneSidedLabelsText(byLabel: LabelReport): string | undefined {
  if (byLabel.labels.length > 0) return undefined;
  const real = byLabel.onlyReal.length > 0;
  const synthetic = byLabel.onlySynthetic.length > 0;
  if (real && synthetic) return 'Labels: no label appears on both sides; per-label gaps need the same labels on both sides.';
  if (!real && !synthetic) return undefined;
  const field = real ? byLabel.fields?.real : byLabel.fields?.synthetic;
  const named = field === undefined ? 'labels' : `a label field (${field})`;
  return `Labels: only the ${real ? 'reference' : 'dataset'} has ${named}; per-label gaps need labels on both sides.`;
}

/**
 * What the summary says instead of a list of gaps when the verdict finds none, or undefined when the verdict
 * finds a gap: a difference in one feature the detector cannot use to tell the sides apart is not a gap.
 */
export function noGapFeaturesText(dataset: Pick<DatasetReport, 'summary' | 'gaps'>, negligible: number): string | undefined {
  const { verdict } = dataset.summary;
  if (verdict !== 'no-gap' && verdict !== 'insufficient-data') return undefined;
  const threshold = formatDecimal(negligible, 1);
  const larger = dataset.gaps.filter((gap) => gap.size >= negligible);
  if (verdict === 'insufficient-data') return 'Too few rows to call any difference a gap.';
  if (larger.length === 0) return `No feature differs by an effect of ${threshold} or more.`;
  return (
    `No gap: the detector cannot tell the sides apart, so ${larger.length === 1 ? 'the one feature that differs' : `the ${formatCount(larger.length)} features that differ`} ` +
    `by an effect of ${threshold} or more (largest: ${larger[0].name}, ${effectText(larger[0])}) ${larger.length === 1 ? 'is' : 'are'} not listed as gaps.`
  );
}
