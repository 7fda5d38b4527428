/**
 * The "since the baseline" comparison in words, once for every view: the terminal summary prints
 * {@link baselineLines}, the Markdown report {@link baselineMarkdown} (a compact table for a pull-request comment).
 */
import type { BaselineDataset, BaselineFigures, BaselineReport, GapChange } from '../report/types';
import { escapeMarkdown as md, formatDecimal, formatShare, formatSigned, oneLine } from './format';
import { aucInterval } from './sentences';

/** Gaps and phrases named per line: a line a reader takes in at once. */
const NAMED = 5;

const share = (f: BaselineFigures) => formatShare(f.rows > 0 ? f.flagged / f.rows : 0);
const auc = (f: BaselineFigures) => aucInterval(f.auc, f.aucLow, f.aucHigh);

/** `+0.13, beyond both intervals`, `+0.01, within the intervals (may be noise)`; `n/a` without both AUCs. */
export function aucChangeText(d: BaselineDataset): string {
  if (!Number.isFinite(d.aucChange)) return 'n/a';
  return `${formatSigned(d.aucChange, 2)}, ${d.withinIntervals ? 'within the intervals (may be noise)' : 'beyond the intervals'}`;
}

/** `AUC rose by more than 0.02: regression`, or undefined. */
export function regressionText(report: BaselineReport, d: BaselineDataset): string | undefined {
  return d.regression ? `AUC rose by more than ${String(report.failOnRegression)}: regression` : undefined;
}

/** How the baseline's dataset was found, when not by its file name. */
function matchText(d: BaselineDataset): string | undefined {
  if (!d.then || d.matchedBy === 'file') return undefined;
  return `compared with ${d.then.file} (${d.matchedBy === 'named' ? 'named by --baseline-dataset' : 'the only dataset of each run, same reference'})`;
}

function changesText(changes: readonly GapChange[]): string {
  const named = changes.slice(0, NAMED).map((c) => `${c.name} ${formatDecimal(c.then, 2)} → ${formatDecimal(c.now, 2)}`);
  return named.join('; ') + (changes.length > NAMED ? `; ${changes.length - NAMED} more` : '');
}

function phrasesText(phrases: readonly string[]): string {
  return phrases.slice(0, NAMED).map((p) => `"${p}"`).join(', ') + (phrases.length > NAMED ? `, ${phrases.length - NAMED} more` : '');
}

/** The gaps and phrases that changed, one sentence each (nothing when none did). */
export function baselineDetails(d: BaselineDataset): string[] {
  const lines: string[] = [];
  if (d.grew.length > 0) lines.push(`Gaps that grew (size then → now): ${changesText(d.grew)}`);
  if (d.shrank.length > 0) lines.push(`Gaps that shrank: ${changesText(d.shrank)}`);
  if (d.newPhrases.length > 0) lines.push(`New over-used phrases: ${phrasesText(d.newPhrases)}`);
  if (d.gonePhrases.length > 0) lines.push(`No longer over-used: ${phrasesText(d.gonePhrases)}`);
  return lines;
}

/** The terminal's section: a heading line, then per dataset its change and details, indented. */
export function baselineLines(report: BaselineReport): string[] {
  const lines = [`Since the baseline (${oneLine(report.file)}, synthgap ${oneLine(report.version)}):`];
  for (const d of report.datasets) {
    if (!d.then) {
      lines.push(`  ${oneLine(d.now.file)}: new, not in the baseline`);
      continue;
    }
    const regression = regressionText(report, d);
    lines.push(`  ${oneLine(d.now.file)}: AUC ${auc(d.then)} → ${auc(d.now)} (${aucChangeText(d)})${regression ? `; ${regression}` : ''}`);
    lines.push(`    flagged ${share(d.then)} → ${share(d.now)}`);
    const match = matchText(d);
    if (match) lines.push(`    ${oneLine(match)}`);
    for (const detail of baselineDetails(d)) lines.push(`    ${oneLine(detail)}`);
  }
  for (const file of report.dropped) lines.push(`  ${oneLine(file)}: in the baseline, not checked now`);
  for (const note of report.notes) lines.push(`  Note: ${oneLine(note)}`);
  return lines;
}

/** The Markdown section: a table with a row per dataset, then the changed gaps and phrases as a list. */
export function baselineMarkdown(report: BaselineReport): string {
  // The gate's column only when there is a gate: an empty column reads as something missing.
  const gated = report.failOnRegression !== undefined;
  const gate = (cell: string) => (gated ? ` ${cell} |` : '');
  const rows = report.datasets.map((d) => {
    if (!d.then) return `| ${md(d.now.file)} | new | ${auc(d.now)} | | ${share(d.now)} |${gate('')}`;
    const regression = regressionText(report, d);
    return `| ${md(d.now.file)} | ${auc(d.then)} | ${auc(d.now)} | ${aucChangeText(d)} | ${share(d.then)} → ${share(d.now)} |${gate(regression ? `**${md(regression)}**` : 'passed')}`;
  });
  for (const file of report.dropped) rows.push(`| ${md(file)} | in the baseline, not checked now | | | |${gate('')}`);
  const blocks = [
    '## Since the baseline',
    md(`Compared with ${report.file} (synthgap ${report.version}).`),
    [`| Dataset | AUC then | AUC now | Change | Flagged |${gated ? ` Gate (+${String(report.failOnRegression)}) |` : ''}`, `| :-- | :-- | :-- | :-- | --: |${gate(':--')}`, ...rows].join('\n'),
  ];
  const items = report.datasets.flatMap((d) => [matchText(d), ...baselineDetails(d)].filter((t) => t !== undefined).map((t) => `- ${report.datasets.length > 1 ? `${md(d.now.file)}: ` : ''}${md(t)}`));
  items.push(...report.notes.map((note) => `- Note: ${md(note)}`));
  if (items.length > 0) blocks.push(items.join('\n'));
  return blocks.join('\n\n');
}
