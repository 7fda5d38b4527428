// A sketch report as text, Markdown or JSON (synthgap merge --format).
import { escapeMarkdown, formatAuc, formatAucRange, formatCount, formatShare, oneLine, plural } from '../exporters/format';
import type { SketchPhrase, SketchReport } from './report';

/** Gaps printed in text and Markdown: those a reader can act on first. */
const PRINTED_GAPS = 8;

/** Labels printed in text and Markdown; a 150-intent dataset would otherwise bury the rest of the report. */
const PRINTED_LABELS = 20;

/** How a text from the data (a file name, a phrase, a label) is made safe: one line for a terminal, escaped for Markdown. */
type Escape = (text: string) => string;

function phraseLine(p: SketchPhrase, rows: number, esc: Escape): string {
  const share = `${formatShare(rows > 0 ? p.rows / rows : 0)} of rows${p.exact ? '' : ' (estimate)'}`;
  const against = p.referenceCount !== undefined && p.referenceRows ? `, against ${formatShare(p.referenceCount / p.referenceRows)} of reference rows` : '';
  return `"${esc(p.phrase)}": ${share}${against}`;
}

function lines(report: SketchReport, bullet: string, esc: Escape): string[] {
  const ref = (r: { file: string; line: number }): string => `${esc(r.file)}:${r.line}`;
  const out = [
    report.headline,
    `AUC ${formatAuc(report.auc)} (95% ${formatAucRange(report.aucLow, report.aucHigh)}), ${report.verdict}; ${plural(report.rows, 'row')} against ${formatCount(report.referenceRows)} reference rows`,
    `Flagged: ${formatCount(report.flagged)} of ${formatCount(report.rows)} (${formatShare(report.rows > 0 ? report.flagged / report.rows : 0)})`,
  ];
  for (const warning of report.warnings) out.push(`Warning: ${warning}`);
  if (report.errors > 0) out.push(`Unreadable lines: ${formatCount(report.errors)} (first: ${report.errorLines.map(ref).join(', ')})`);
  out.push('', 'Gaps:');
  for (const gap of report.gaps.slice(0, PRINTED_GAPS)) out.push(`${bullet}${gap.sentence}`);
  if (report.modelPhrases.length > 0) {
    out.push('', "The model's over-used phrases:");
    for (const p of report.modelPhrases) out.push(`${bullet}${phraseLine(p, report.rows, esc)}`);
  }
  if (report.commonPhrases.length > 0) {
    out.push('', 'Common phrases:');
    for (const p of report.commonPhrases) out.push(`${bullet}${phraseLine(p, report.rows, esc)}`);
  }
  if (report.newPhrasesTested > 0) {
    out.push('', `Over-used phrases the model does not hold (${plural(report.newPhrasesTested, 'candidate')} tested against the reference):`);
    if (report.newPhrases.length === 0) out.push(`${bullet}none beyond chance`);
    for (const p of report.newPhrases) out.push(`${bullet}${phraseLine(p, report.rows, esc)}`);
  }
  if (report.labels.length > 0) {
    out.push('', 'Per label:');
    // The labels with the most flagged rows first; the JSON has every label.
    const labels = [...report.labels].sort((a, b) => b.flagged - a.flagged || b.rows - a.rows || (a.label < b.label ? -1 : 1));
    for (const l of labels.slice(0, PRINTED_LABELS)) out.push(`${bullet}${esc(l.label)}: ${plural(l.rows, 'row')}, ${formatCount(l.flagged)} flagged`);
    if (labels.length > PRINTED_LABELS) out.push(`${bullet}… ${plural(labels.length - PRINTED_LABELS, 'more label')} (--format json lists them all)`);
  }
  out.push('', `Near-duplicates: ${nearDuplicateText(report)}`);
  const about = report.nearDuplicateExact ? '' : 'about ';
  for (const g of report.nearDuplicateGroups) out.push(`${bullet}${about}${formatCount(g.size)} rows: ${g.rows.map(ref).join(', ')}${g.size > g.rows.length ? ', …' : ''}`);
  out.push('', `A few words apart: ${similarText(report)}`);
  const least = report.similarExact ? '' : 'at least ';
  for (const g of report.similarGroups) out.push(`${bullet}${least}${formatCount(g.size)} rows: ${g.rows.map(ref).join(', ')}${g.size > g.rows.length ? ', …' : ''}`);
  return out;
}

/** `12 rows (1.5%) repeat another row's text`, with "about" when the count is the distinct-count sketch's estimate. */
export function nearDuplicateText(report: SketchReport): string {
  const share = formatShare(report.rows > 0 ? report.nearDuplicateRows / report.rows : 0);
  return `${report.nearDuplicateExact ? '' : 'about '}${plural(report.nearDuplicateRows, 'row')} (${share}) ${report.nearDuplicateRows === 1 ? 'repeats' : 'repeat'} another row's text`;
}

/** `40 rows (4.4%) are a few words from another row's text (same texts included)`; "at least" for a lower bound. */
export function similarText(report: SketchReport): string {
  const share = formatShare(report.rows > 0 ? report.similarRows / report.rows : 0);
  return `${report.similarExact ? '' : 'at least '}${plural(report.similarRows, 'row')} (${share}) ${report.similarRows === 1 ? 'is' : 'are'} a few words from another row's text (same texts included)`;
}

export function sketchReportText(report: SketchReport): string {
  return `${lines(report, '  ', oneLine).join('\n')}\n`;
}

export function sketchReportMarkdown(report: SketchReport): string {
  const [headline, ...rest] = lines(report, '- ', escapeMarkdown);
  return `# Synthgap report (merged sketches)\n\n${headline}\n\n${rest.map((l) => (l.endsWith(':') && !l.startsWith('- ') ? `## ${l.slice(0, -1)}\n` : l)).join('\n')}\n`;
}

export function sketchReportJson(report: SketchReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
