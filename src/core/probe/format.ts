import { excerpt, formatCount, formatDecimal, formatSigned, plural } from '../exporters/format';
import type { PairedDifference } from './metrics';
import type { LabelProbe, ProbeComparison, ProbeReport } from './types';
import type { CurvePoint, WorthRealRows } from './worth';

export interface ProbeFiles {
  readonly dataset: string;
  readonly reference: readonly string[];
  readonly test?: string;
  /** The file of `--compare`. */
  readonly compare?: string;
}

/**
 * The probe for a terminal: the three models' accuracy and macro-F1 on real rows, what the synthetic rows add
 * and what they are worth instead of real rows (points, with 95% intervals), the labels where they cost and
 * add the most, and labels found on one side only.
 */
export function formatProbeText(report: ProbeReport, files: ProbeFiles, maxLabels = 10): string {
  const lines: string[] = [];
  const where = report.evaluation === 'test-set'
    ? `${formatCount(report.tested)} real rows of ${files.test}`
    : `${formatCount(report.tested)} real rows of ${files.reference.join(', ')} (${report.folds}-fold cross-validation)`;
  lines.push(`Probe: does ${files.dataset} help a classifier of real rows?`);
  lines.push(`A softmax regression on hashed word and character n-grams${report.settings.styleFeatures ? ' and style features' : ''}, ${labelCount(report)}, tested on ${where}.`);
  lines.push('');
  lines.push(`  ${'trained on'.padEnd(20)}${'rows'.padStart(9)}${'accuracy'.padStart(11)}${'macro-F1'.padStart(11)}  ${'accuracy, 95% interval'}`);
  const row = (name: string, rows: number, scores: ProbeReport['realOnly']) =>
    `  ${name.padEnd(20)}${formatCount(rows).padStart(9)}${percent(scores.accuracy).padStart(11)}${percent(scores.macroF1).padStart(11)}  ${percent(scores.accuracyLow)} to ${percent(scores.accuracyHigh)}`;
  lines.push(row('real only', report.trained.real, report.realOnly));
  lines.push(row('synthetic only', report.trained.synthetic, report.syntheticOnly));
  lines.push(row('real + synthetic', report.trained.real + report.trained.synthetic, report.blend));
  lines.push('');
  lines.push(...probeDifferenceSentences(report));
  const worth = worthSentence(report);
  if (worth) lines.push('', worth);
  if (report.learningCurve) lines.push(`Real rows only, by rows trained on: ${report.learningCurve.map((point) => `${formatCount(point.rows)} ${percent(point.accuracy)}`).join(', ')}.`);
  if (report.compare && files.compare) lines.push('', compareSentence(report.compare, files.compare, files.dataset, report.worthRealRows));

  const costs = report.byLabel.filter((label) => label.blend < label.realOnly).slice(0, maxLabels);
  const gains = report.byLabel.filter((label) => label.blend > label.realOnly).reverse().slice(0, maxLabels);
  if (costs.length > 0) lines.push('', 'Labels where the synthetic rows cost the most (real + synthetic against real only):', ...labelTable(costs));
  if (gains.length > 0) lines.push('', 'Labels where they add the most:', ...labelTable(gains));
  if (report.onlyReal.length > 0) lines.push('', `Labels with real rows but no synthetic rows (${report.onlyReal.length}): ${list(report.onlyReal)}`);
  if (report.onlySynthetic.length > 0) lines.push('', `Labels with synthetic rows but no real rows (${report.onlySynthetic.length}): ${list(report.onlySynthetic)}`);
  const unlabelled = report.unlabelled.reference + report.unlabelled.synthetic + report.unlabelled.test;
  if (unlabelled > 0) lines.push('', `${plural(unlabelled, 'row')} without a label left out.`);
  return `${lines.join('\n')}\n`;
}

/** The labels the accuracies are over; labels only the synthetic rows have are trained on but never tested. */
function labelCount(report: ProbeReport): string {
  const untested = report.classes - report.labels;
  return untested > 0 ? `${plural(report.labels, 'label')} tested (${formatCount(untested)} more only in the training rows)` : plural(report.labels, 'label');
}

/** What adding the synthetic rows does, and what they are worth instead of real ones, in points with 95% intervals. */
export function probeDifferenceSentences(report: Pick<ProbeReport, 'added' | 'replaced'>): [string, string] {
  return [
    `Adding the synthetic rows to the real ones: ${difference(report.added)}. ${verdict(report.added)}`,
    `Synthetic rows instead of real ones: ${difference(report.replaced)}.`,
  ];
}

/**
 * How many real rows the synthetic rows are worth, and what they add to the real rows, in one sentence:
 * "Your 30,007 synthetic rows train about as well as 1,400 real rows (95% interval 1,100 to 1,800); added to
 * your 15,000 real rows they add +0.6 points (95% interval +0.3 to +1.0)." Undefined without a learning curve.
 */
export function worthSentence(report: Pick<ProbeReport, 'worthRealRows' | 'learningCurve' | 'trained' | 'added' | 'evaluation'>): string | undefined {
  const worth = report.worthRealRows;
  const curve = report.learningCurve;
  if (!worth || !curve || curve.length === 0) return undefined;
  const largest = curve[curve.length - 1].rows;
  const base = report.evaluation === 'test-set' ? `your ${formatCount(report.trained.real)} real rows` : `your real rows (${formatCount(largest)} a fold)`;
  const added = `added to ${base} they add ${formatSigned(report.added.points, 1)} points (95% interval ${formatSigned(report.added.low, 1)} to ${formatSigned(report.added.high, 1)})`;
  return `Your ${formatCount(report.trained.synthetic)} synthetic rows ${worthWords(worth, curve)}; ${added}.`;
}

/** "train about as well as 1,400 real rows (95% interval 1,100 to 1,800)", or at least / fewer than. */
export function worthWords(worth: WorthRealRows, curve: readonly CurvePoint[]): string {
  const smallest = curve[0].rows;
  const largest = curve[curve.length - 1].rows;
  const low = worth.low < smallest ? `fewer than ${formatCount(smallest)}` : formatCount(roundRows(worth.low));
  const high = worth.high === null ? `more than ${formatCount(largest)}` : formatCount(roundRows(worth.high));
  // Both ends beyond the sizes measured say no more than "fewer than" or "at least" does.
  const open = (worth.relation === 'fewerThan' && worth.high !== null && worth.high <= smallest) || (worth.relation === 'atLeast' && worth.low >= largest);
  const interval = open ? '' : ` (95% interval ${low} to ${high})`;
  if (worth.relation === 'atLeast') return `train better than ${formatCount(largest)} real rows do, the most a model here was trained on: worth at least ${formatCount(largest)} real rows${interval}`;
  if (worth.relation === 'fewerThan') return `train less well than ${formatCount(smallest)} real rows: worth fewer than ${formatCount(smallest)} real rows${interval}`;
  return `train about as well as ${formatCount(roundRows(worth.estimate))} real rows${interval}`;
}

/** Rows to two significant figures (1,437 → 1,400; 47 stays): the estimate is not finer than that. */
export function roundRows(rows: number): number {
  if (rows < 100) return Math.round(rows);
  const unit = 10 ** (Math.floor(Math.log10(rows)) - 1);
  return Math.round(rows / unit) * unit;
}

/**
 * The compared file against the original in one sentence: "roughened.jsonl scores 84.1% against 83.9% for
 * synthetic.jsonl (+0.2 points, 95% interval −0.6 to +1.0): no measurable change."
 */
export function compareSentence(compare: ProbeComparison, file: string, original: string, originalWorth?: WorthRealRows): string {
  const d = compare.difference;
  const verdict = d.low > 0 ? 'it helps' : d.high < 0 ? 'it hurts' : 'no measurable change';
  const worth = compare.worthRealRows && originalWorth ? ` Alone, it is worth ${worthShort(compare.worthRealRows)} real rows, against ${worthShort(originalWorth)} for the original.` : '';
  return `Trained alone, ${file} scores ${percent(compare.accuracy)} against ${percent(compare.original)} for ${original} on the same real rows (${formatSigned(d.points, 1)} points, 95% interval ${formatSigned(d.low, 1)} to ${formatSigned(d.high, 1)}): ${verdict}.${worth}`;
}

/** "about 2,300", "at least 10,000", "fewer than 25". */
function worthShort(worth: WorthRealRows): string {
  const how = worth.relation === 'about' ? 'about' : worth.relation === 'atLeast' ? 'at least' : 'fewer than';
  return `${how} ${formatCount(roundRows(worth.estimate))}`;
}

function labelTable(labels: readonly LabelProbe[]): string[] {
  const width = Math.min(28, Math.max(5, ...labels.map((l) => l.label.length)));
  const header = `  ${'label'.padEnd(width)}${'tested'.padStart(8)}${'real'.padStart(8)}${'synth.'.padStart(8)}${'both'.padStart(8)}${'change'.padStart(9)}`;
  return [
    header,
    ...labels.map((l) =>
      `  ${excerpt(l.label, width).padEnd(width)}${formatCount(l.rows).padStart(8)}${percent(l.realOnly).padStart(8)}${percent(l.syntheticOnly).padStart(8)}` +
      `${percent(l.blend).padStart(8)}${formatSigned(100 * (l.blend - l.realOnly), 1).padStart(9)}`,
    ),
  ];
}

function percent(share: number): string {
  return Number.isFinite(share) ? `${formatDecimal(100 * share, 1)}%` : 'n/a';
}

function difference(d: PairedDifference): string {
  return `${formatSigned(d.points, 1)} points (95% interval ${formatSigned(d.low, 1)} to ${formatSigned(d.high, 1)})`;
}

function verdict(d: PairedDifference): string {
  if (d.low > 0) return 'They help.';
  if (d.high < 0) return 'They hurt.';
  return 'No clear effect either way.';
}

function list(names: readonly string[], max = 12): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}
