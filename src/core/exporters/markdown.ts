/**
 * The report as GitHub-flavored Markdown, for pull requests, wikis and CI logs. Every piece of dataset or
 * report text goes through `escapeMarkdown` (via `md`), so a row cannot break a table, open a code span or
 * smuggle in HTML.
 */
import { NEGLIGIBLE_EFFECT } from '../gap/effects';
import type { CoverageCluster, DatasetReport, GapReport, PhraseReport, PhraseStat } from '../report/types';
import { baselineMarkdown } from './baselineText';
import { escapeMarkdown as md, excerpt, formatAuc, formatCount, formatDecimal, formatScore, formatShare, plural } from './format';
import {
  aucInterval,
  aucText,
  effectText,
  errorDigest,
  FIELD_PHRASES,
  fieldGaps,
  featureName,
  flaggedText,
  gapKindText,
  gapValue,
  leakageText,
  mostSyntheticRows,
  noGapFeaturesText,
  noiseProfileText,
  noPhraseText,
  oneSidedLabelsText,
  pairSentences,
  pairsTitle,
  perThousand,
  referenceErrorDigest,
  referenceText,
  rowLocation,
  schemaText,
  settingsText,
  type ErrorDigest,
  verdictLabel,
} from './sentences';

const FLAGGED_ROWS = 20;
const PHRASES = 15;
const GROUPS = 10;
const LEAKED_ROWS = 20;
const ERROR_LINES = 20;

export function formatMarkdown(report: GapReport): string {
  const blocks: string[] = [
    '# Synthgap report',
    md(settingsText(report)),
    `**Reference:** ${md(referenceText(report))}`,
  ];
  const profile = noiseProfileText(report);
  if (profile) blocks.push(md(profile));
  const schema = schemaText(report.settings);
  if (schema) blocks.push(`${md(schema)}.`);
  const referenceErrors = errors(referenceErrorDigest(report, ERROR_LINES));
  if (referenceErrors) blocks.push(referenceErrors);
  if (report.datasets.length > 0) {
    blocks.push(
      table(
        ['Dataset', 'Verdict', 'AUC [95% CI]', 'Rows', 'Flagged'],
        report.datasets.map((d) => [
          md(d.file),
          `**${md(verdictLabel(d.summary.verdict))}**`,
          aucInterval(d.summary.auc, d.summary.aucLow, d.summary.aucHigh),
          formatCount(d.summary.rows),
          `${formatCount(d.summary.flagged)} (${formatShare(d.summary.rows > 0 ? d.summary.flagged / d.summary.rows : 0)})`,
        ]),
        'lllrr',
      ),
    );
  } else {
    blocks.push('No synthetic dataset was compared.');
  }
  // Right under the datasets' table: what a pull-request comment is read for.
  if (report.baseline) blocks.push(baselineMarkdown(report.baseline));
  for (const dataset of report.datasets) blocks.push(...datasetBlocks(dataset));
  if (report.warnings.length > 0) blocks.push('## Warnings', report.warnings.map((w) => `- ${md(w)}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function datasetBlocks(dataset: DatasetReport): string[] {
  const { summary, diversity, coverage, byLabel, leakage } = dataset;
  const blocks = [
    `## ${md(dataset.file)}`,
    `**${md(verdictLabel(summary.verdict))}** · ${aucText(summary)} — ${md(summary.headline)}\n\n${flaggedText(summary)}.`,
  ];
  const kind = gapKindText(summary);
  if (kind) blocks.push(`${md(kind)}.`);
  blocks.push(...fieldBlocks(dataset));
  const noGap = noGapFeaturesText(dataset, NEGLIGIBLE_EFFECT);
  if (dataset.gaps.length > 0) {
    // With no gap the table still shows how the sides measure, under a heading that does not call them gaps.
    blocks.push(
      ...(noGap ? ['### Style features', md(noGap)] : ['### Gaps']),
      table(
        ['Feature', 'Real', 'Synthetic', 'Effect', 'What it means'],
        dataset.gaps.map((g) => [md(g.name), gapValue(g, 'real'), gapValue(g, 'synthetic'), effectText(g), md(g.sentence)]),
        'lrrrl',
      ),
    );
  }
  const { phrases } = dataset;
  if (phrases.overSynthetic.length + phrases.overReal.length > 0) {
    blocks.push(
      '### Phrases',
      `Counts over ${plural(phrases.syntheticRows, 'synthetic row')} and ${plural(phrases.realRows, 'real row')}` +
        (phrases.tested === undefined ? '.' : `; of ${plural(phrases.tested, 'phrase')} tested, those listed differ in rate beyond chance (5% family-wise).`),
    );
    if (phrases.overSynthetic.length > 0) blocks.push('Over-used in synthetic text:', phraseTable(phrases.overSynthetic, phrases));
    if (phrases.overReal.length > 0) blocks.push('Over-used in real text:', phraseTable(phrases.overReal, phrases));
  } else {
    blocks.push('### Phrases', md(noPhraseText(phrases)));
  }
  blocks.push(
    '### Diversity',
    md(diversity.method ? `${diversity.sentence} ${diversity.method}` : diversity.sentence),
    table(
      ['Measure', 'Real', 'Synthetic'],
      [
        ['Distinct words (distinct-1)', formatDecimal(diversity.real.distinct1, 2), formatDecimal(diversity.synthetic.distinct1, 2)],
        ['Distinct word pairs (distinct-2)', formatDecimal(diversity.real.distinct2, 2), formatDecimal(diversity.synthetic.distinct2, 2)],
        ['Compression ratio (lower repeats more)', formatDecimal(diversity.real.compressionRatio, 2), formatDecimal(diversity.synthetic.compressionRatio, 2)],
        ['Similarity to nearest row', formatDecimal(diversity.real.meanNearestSimilarity, 2), formatDecimal(diversity.synthetic.meanNearestSimilarity, 2)],
        ['Rows', formatCount(diversity.real.rows), formatCount(diversity.synthetic.rows)],
      ],
      'lrr',
    ),
  );
  if (diversity.nearDuplicateGroups.length > 0) {
    blocks.push(
      `Near-duplicate groups (similarity ≥ ${formatDecimal(diversity.similarityThreshold, 2)}; ${plural(diversity.nearDuplicateRows, 'row')} beyond the first of each group):`,
      table(
        ['Rows', 'Lines', 'Example'],
        diversity.nearDuplicateGroups.slice(0, GROUPS).map((g) => [formatCount(g.size), lineList(g.lines, g.size), md(excerpt(g.examples[0] ?? ''))]),
        'rll',
      ),
    );
  }
  blocks.push('### Coverage', md(coverage.sentence));
  if (coverage.missing.length > 0) blocks.push('Real clusters with few synthetic rows near:', clusterTable(coverage.missing));
  if (coverage.syntheticOnly.length > 0) blocks.push('Synthetic clusters with no real rows near:', clusterTable(coverage.syntheticOnly));
  if (byLabel.labels.length + byLabel.onlyReal.length + byLabel.onlySynthetic.length > 0) {
    blocks.push('### By label');
    if (byLabel.labels.length > 0) {
      blocks.push(
        table(
          ['Label', 'Real rows', 'Synthetic rows', 'AUC', 'Biggest gap'],
          byLabel.labels.map((l) => [
            md(l.label),
            formatCount(l.realRows),
            formatCount(l.syntheticRows),
            formatAuc(l.auc),
            l.topGap === undefined ? '' : md(featureName(dataset, l.topGap)),
          ]),
          'lrrrl',
        ),
      );
    }
    if (byLabel.onlyReal.length > 0) blocks.push(`Only in real rows: ${byLabel.onlyReal.map(md).join(', ')}.`);
    if (byLabel.onlySynthetic.length > 0) blocks.push(`Only in synthetic rows: ${byLabel.onlySynthetic.map(md).join(', ')}.`);
    const oneSided = oneSidedLabelsText(byLabel);
    if (oneSided) blocks.push(md(oneSided));
  }
  blocks.push('### Leakage', md(leakageText(leakage)));
  if (leakage.rows.length > 0) {
    blocks.push(
      table(
        ['Line', 'Reference', 'Similarity', 'Kind'],
        leakage.rows.slice(0, LEAKED_ROWS).map((r) => [
          formatCount(r.line),
          md(`${r.referenceFile}:${r.referenceLine}`),
          formatDecimal(r.similarity, 2),
          r.exact ? 'exact' : 'near',
        ]),
        'rlrl',
      ),
    );
    if (leakage.rows.length > LEAKED_ROWS) blocks.push(`… and ${formatCount(leakage.rows.length - LEAKED_ROWS)} more.`);
  }
  const flagged = mostSyntheticRows(dataset, FLAGGED_ROWS);
  if (flagged.length > 0) {
    blocks.push(
      `### Most synthetic-looking rows (top ${formatCount(flagged.length)} of ${formatCount(summary.flagged)} flagged)`,
      table(
        ['Row', 'Score', 'Label', 'Reasons'],
        flagged.map((r) => [
          rowLocation(r),
          formatScore(r.score),
          r.label === undefined ? '' : md(r.label),
          r.reasons.map((reason) => md(excerpt(reason.message))).join('; '),
        ]),
        'lrll',
      ),
    );
  }
  const skipped = errors(errorDigest(dataset.skipped, dataset.errors, ERROR_LINES, dataset.file));
  if (skipped) blocks.push('### Skipped lines', skipped);
  return blocks;
}

/**
 * A file read field by field: each field against the reference's same field (the terminal's "By field" lines as a
 * table), then the pair checks; nothing for a file read for one text.
 */
function fieldBlocks(dataset: DatasetReport): string[] {
  const blocks: string[] = [];
  const fields = dataset.fields ?? [];
  if (fields.length > 0) {
    blocks.push(
      '### By field',
      table(
        ['Field', 'Verdict', 'AUC [95% CI]', 'Texts', 'Biggest gap', 'Over-used'],
        fields.map((field) => [
          `**${md(field.field)}**`,
          md(verdictLabel(field.summary.verdict)),
          aucInterval(field.summary.auc, field.summary.aucLow, field.summary.aucHigh),
          formatCount(field.rows),
          md(fieldGaps(field, NEGLIGIBLE_EFFECT, 1)[0]?.sentence ?? ''),
          field.phrases.overSynthetic.slice(0, FIELD_PHRASES).map((p) => `“${md(p.phrase)}”`).join(', '),
        ]),
        'llrrll',
      ),
    );
  }
  if (dataset.pairs) blocks.push(`### ${md(pairsTitle(dataset.pairs))}`, pairSentences(dataset.pairs).map((sentence) => `- ${md(sentence)}`).join('\n'));
  return blocks;
}

/** Both sides' counts and their rates per 1,000 rows, since the sides differ in size. */
function phraseTable(stats: readonly PhraseStat[], phrases: PhraseReport): string {
  return table(
    ['Phrase', 'Synthetic rows', 'Per 1,000', 'Real rows', 'Per 1,000', 'z'],
    stats
      .slice(0, PHRASES)
      .map((p) => [
        md(excerpt(p.phrase, 60)),
        formatCount(p.syntheticCount),
        perThousand(p.syntheticCount, phrases.syntheticRows),
        formatCount(p.realCount),
        perThousand(p.realCount, phrases.realRows),
        formatDecimal(p.z, 1),
      ]),
    'lrrrrr',
  );
}

function clusterTable(clusters: readonly CoverageCluster[]): string {
  return table(
    ['Cluster', 'Real', 'Synthetic', 'Label', 'Examples'],
    clusters.map((c) => [
      String(c.id),
      formatShare(c.realShare),
      formatShare(c.syntheticShare),
      c.label === undefined ? '' : md(c.label),
      c.examples
        .slice(0, 2)
        .map((example, i) => (c.exampleLines[i] === undefined ? '' : `line ${formatCount(c.exampleLines[i])}: `) + md(excerpt(example)))
        .join(' · '),
    ]),
    'rrrll',
  );
}

/** `12, 40, 41, …` when the group has more members than lines listed. */
function lineList(lines: readonly number[], size: number): string {
  return lines.map(formatCount).join(', ') + (size > lines.length ? ', …' : '');
}

function errors(digest: ErrorDigest | undefined): string | undefined {
  if (!digest) return undefined;
  const items = digest.lines.map((line) => `- ${md(excerpt(line, 200))}`);
  if (digest.more) items.push(`- ${md(digest.more)}`);
  return `${digest.heading}:\n\n${items.join('\n')}`;
}

/** A GFM table; cells arrive escaped. `align` has one `l` or `r` per column. */
function table(header: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
