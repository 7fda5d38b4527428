import { excerpt, formatCount, formatDecimal, formatSigned, plural } from '../report/format';
import type { PairedDifference } from './metrics';
import type { LabelProbe, ProbeReport } from './probeReport';

export interface ProbeFiles {
  readonly dataset: string;
  readonly reference: readonly string[];
  readonly test?: string;
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
