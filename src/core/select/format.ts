import { excerpt, formatCount, formatDecimal, formatShare, plural } from '../exporters/format';
import type { SelectReport } from './selectDataset';
import type { DropReason } from './selectRows';
import { DROP_REASONS } from './selectRows';

const WHY: Record<DropReason, string> = {
  leaked: 'copy a real row (exactly or nearly)',
  'near-duplicate': 'repeat another kept row (near-duplicate groups cut down)',
  'synthetic-looking': 'look the most synthetic to the detector',
};

/**
 * The select summary for a terminal: rows kept, then per reason how many rows were dropped and a few
 * examples, the kept unreadable lines, and the detector's AUC. `out` names the file written, if any.
 */
export function formatSelectText(report: SelectReport, out: string | undefined, examples = 3): string {
  const lines: string[] = [];
  const dropped = report.rows - report.kept;
  lines.push(`${report.file}: kept ${formatCount(report.kept)} of ${plural(report.rows, 'row')}, dropped ${formatCount(dropped)} (${formatShare(dropped / Math.max(1, report.rows))}).`);
  for (const reason of DROP_REASONS) {
    const count = report.counts[reason];
    if (!enabled(report, reason)) continue;
    lines.push('', `${formatCount(count)} ${count === 1 ? 'row' : 'rows'} ${WHY[reason]}${detail(report, reason)}`);
    for (const row of report.dropped.filter((d) => d.reason === reason).slice(0, examples)) {
      lines.push(`  line ${row.line}: ${JSON.stringify(excerpt(row.text, 80))}${cause(row)}`);
    }
  }
  if (report.errors.length > 0) {
    lines.push('', `${plural(report.errors.length, 'line')} could not be read; kept as they are (first: line ${report.errors[0].line}, ${report.errors[0].message}).`);
  }
  lines.push('', similarityLine(report));
  const auc = report.auc.after === undefined ? formatAuc(report.auc.before) : `${formatAuc(report.auc.before)} before, ${formatAuc(report.auc.after)} after`;
  lines.push('', `Detector AUC (real vs synthetic): ${auc}.`);
  lines.push(out ? `Wrote the kept lines to ${out}.` : 'Nothing written: pass --out FILE to write the kept lines.');
  return `${lines.join('\n')}\n`;
}

/** Three decimals, four near 1 where three hide a change, and never a rounded-up 1 that was not measured. */
function formatAuc(auc: number): string {
  if (auc < 1 && auc > 0.99995) return '>0.9999';
  return formatDecimal(auc, auc > 0.999 && auc < 1 ? 4 : 3);
}

/** Which embedding the similarity searches used and at which cosines, since both decide what counts as a copy. */
function similarityLine(report: SelectReport): string {
  const { embedder, duplicateThreshold, leakThreshold, embeddedRows } = report.settings;
  const sample = embeddedRows === undefined ? '' : ` Near copies were searched among a seeded sample of ${formatCount(embeddedRows)} rows per side.`;
  return `Similarity on ${embedder}: near-duplicates at cosine ≥ ${duplicateThreshold}, copies of real rows at ≥ ${leakThreshold}.${sample}`;
}

function enabled(report: SelectReport, reason: DropReason): boolean {
  if (reason === 'leaked') return report.settings.dropLeaked;
  if (reason === 'near-duplicate') return report.settings.dropDuplicates;
  return report.settings.dropTop > 0;
}

function detail(report: SelectReport, reason: DropReason): string {
  if (reason === 'near-duplicate') return `; ${plural(report.groups, 'group')}, ${report.settings.keepPerGroup} kept per group, the least synthetic-looking:`;
  if (reason === 'synthetic-looking') {
    const cutoff = report.scoreCutoff === undefined ? '' : ` (score ≥ ${formatDecimal(report.scoreCutoff, 3)})`;
    return `; the top ${formatShare(report.settings.dropTop)} of rows by detector score${cutoff}, less those dropped above:`;
  }
  return ':';
}

function cause(row: SelectReport['dropped'][number]): string {
  const like = row.like;
  if (!like) return row.score === undefined ? '' : ` (score ${formatDecimal(row.score, 3)})`;
  if (row.reason === 'leaked') return ` copies ${like.file ? `${like.file}:` : 'real line '}${like.line}${like.exact ? '' : ` (cosine ${formatDecimal(like.similarity ?? NaN, 2)})`}`;
  return ` repeats line ${like.line}`;
}
