/**
 * The summary `synthgap check` prints: what a person takes in within ten seconds. Sections with nothing to say
 * are left out. Dataset text passes through `oneLine`, so a row cannot move the cursor or recolor the
 * terminal.
 */
import { NEGLIGIBLE_EFFECT } from '../gap/effects';
import type { DatasetReport, GapReport, PhraseReport, PhraseStat, Verdict } from '../report/types';
import { baselineLines } from './baselineText';
import { excerpt, formatScore, oneLine } from './format';
import {
  aucText,
  errorDigest,
  flaggedText,
  gapKindText,
  leakageText,
  mostSyntheticRows,
  noGapFeaturesText,
  fieldSummaryText,
  pairSentences,
  pairsTitle,
  schemaText,
  noiseProfileText,
  noPhraseText,
  oneSidedLabelsText,
  phraseCountsText,
  referenceErrorDigest,
  type ErrorDigest,
  referenceText,
  rowLocation,
  verdictLabel,
} from './sentences';

export interface TerminalOptions {
  /** Use ANSI colors (the CLI decides from isTTY, NO_COLOR and --color). */
  readonly color: boolean;
  /** Wrap lines longer than this many columns, with a hanging indent; no wrapping when left out. */
  readonly width?: number;
  /** How many of the most synthetic-looking rows to list per dataset; 5 when left out. */
  readonly maxRows?: number;
  /**
   * Each dataset's row texts, in the order of its report rows (the report holds positions and scores, not
   * text): the listed rows show their text above their reasons.
   */
  readonly texts?: readonly (readonly string[])[];
}

/** How much of a listed row's text the summary shows: one terminal line beside the line number and score. */
const ROW_TEXT_CHARS = 90;

const TOP = 5;
const ERROR_LINES = 3;

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m' };

const VERDICT_COLORS: Record<Verdict, string> = {
  'no-gap': ANSI.green,
  'small-gap': ANSI.yellow,
  gap: ANSI.yellow,
  'large-gap': ANSI.red,
  'insufficient-data': ANSI.dim,
};

type Paint = (text: string, code: string) => string;

export function formatTerminalSummary(report: GapReport, options: TerminalOptions): string {
  const paint: Paint = options.color ? (text, code) => `${code}${text}${ANSI.reset}` : (text) => text;
  const lines: string[] = [`${paint('Reference:', ANSI.bold)} ${oneLine(referenceText(report))}`];
  const referenceErrors = referenceErrorDigest(report, ERROR_LINES);
  if (referenceErrors) lines.push(...digestLines(referenceErrors, '  ', paint));
  const profile = noiseProfileText(report);
  if (profile) lines.push(`  ${oneLine(profile)}`);
  const schema = schemaText(report.settings);
  if (schema) lines.push(`  ${oneLine(schema)}.`);
  for (const dataset of report.datasets) {
    lines.push('', ...datasetLines(dataset, options.maxRows ?? TOP, paint, options.texts?.[report.datasets.indexOf(dataset)]));
  }
  if (report.datasets.length === 0) lines.push('', 'No synthetic dataset was compared.');
  if (report.baseline) {
    const [heading, ...rest] = baselineLines(report.baseline);
    lines.push('', paint(heading, ANSI.bold), ...rest);
  }
  if (report.warnings.length > 0) {
    lines.push('', paint('Warnings', ANSI.bold), ...report.warnings.map((w) => `  ${paint('!', ANSI.yellow)} ${oneLine(w)}`));
  }
  const width = options.width;
  const wrapped = width !== undefined && Number.isFinite(width) && width > 0 ? lines.flatMap((l) => wrap(l, width)) : lines;
  return `${wrapped.join('\n')}\n`;
}

function datasetLines(dataset: DatasetReport, maxRows: number, paint: Paint, texts: readonly string[] | undefined): string[] {
  const { summary } = dataset;
  const verdict = paint(oneLine(verdictLabel(summary.verdict)).toUpperCase(), VERDICT_COLORS[summary.verdict] ?? ANSI.bold);
  const lines = [
    `${paint(oneLine(dataset.file), ANSI.bold)}  ${verdict}  ${aucText(summary)}`,
    `  ${oneLine(summary.headline)}`,
  ];
  const kind = gapKindText(summary);
  if (kind) lines.push(`  ${oneLine(kind)}.`);
  lines.push(`  ${flaggedText(summary)}`);
  const section = (title: string, items: string[]): void => {
    if (items.length > 0) lines.push('', `  ${paint(title, ANSI.bold)}`, ...items.map((item) => `    ${item}`));
  };
  // A file read field by field: each field against the reference's same field, then its pairs, before the record's details.
  const fields = dataset.fields ?? [];
  const fieldWidth = Math.max(0, ...fields.map((field) => field.field.length));
  section('By field', fields.map((field) => `${paint(oneLine(field.field).padEnd(fieldWidth), ANSI.bold)}  ${oneLine(fieldSummaryText(field, NEGLIGIBLE_EFFECT))}`));
  if (dataset.pairs) section(pairsTitle(dataset.pairs), dataset.pairs.sentences.length > 0 ? dataset.pairs.sentences.map((s) => `• ${oneLine(s)}`) : pairSentences(dataset.pairs));
  // With no gap (or too few rows) a feature difference is not a gap: the summary says so instead of listing it.
  const noGap = noGapFeaturesText(dataset, NEGLIGIBLE_EFFECT);
  const gaps = noGap ? [] : dataset.gaps.filter((gap) => gap.size >= NEGLIGIBLE_EFFECT).slice(0, TOP);
  section('Biggest gaps', gaps.map((gap) => `• ${oneLine(gap.sentence)}`));
  if (noGap) lines.push('', `  ${noGap}`);
  else if (gaps.length === 0 && dataset.gaps.length > 0) lines.push('', `  No style feature differs by an effect of ${NEGLIGIBLE_EFFECT} or more.`);
  const { phrases } = dataset;
  section('Over-used in synthetic text', phraseLines(phrases.overSynthetic, phrases, 'synthetic'));
  section('Over-used in real text', phraseLines(phrases.overReal, phrases, 'real'));
  if (phrases.overSynthetic.length + phrases.overReal.length === 0) lines.push('', `  ${paint('Phrases:', ANSI.bold)} ${noPhraseText(phrases)}`);
  const labels = oneSidedLabelsText(dataset.byLabel);
  if (labels) lines.push('', `  ${oneLine(labels)}`);
  lines.push(
    '',
    `  ${paint('Near-duplicates:', ANSI.bold)} ${oneLine(dataset.diversity.sentence)}`,
    // Which embedding and cosine the groups rest on, and whether paraphrases count (hashed: they do not).
    ...(dataset.diversity.method ? [`    ${oneLine(dataset.diversity.method)}`] : []),
    `  ${paint('Coverage:', ANSI.bold)} ${oneLine(dataset.coverage.sentence)}`,
    `  ${paint('Leakage:', ANSI.bold)} ${oneLine(leakageText(dataset.leakage))}`,
  );
  // With no gap only rows with register phrases are flagged (gap/verdict.ts flagRuleFor): they are listed too.
  const rows = mostSyntheticRows(dataset, maxRows);
  const locationWidth = Math.max(0, ...rows.map((row) => rowLocation(row).length));
  const scoreWidth = Math.max(0, ...rows.map((row) => formatScore(row.score).length));
  const indexOf = new Map(dataset.rows.map((row, i) => [row, i]));
  section(
    'Most synthetic-looking rows',
    rows.flatMap((row) => {
      const head = `${rowLocation(row).padEnd(locationWidth)}  ${formatScore(row.score).padEnd(scoreWidth)}`;
      const text = texts?.[indexOf.get(row) ?? -1];
      const reason = row.reasons[0] ? excerpt(row.reasons[0].message) : '';
      // With the text: the row as written on the first line, why it was flagged under it.
      if (text === undefined) return [reason ? `${head}  ${reason}` : head];
      const under = ' '.repeat(head.length + 2);
      return [`${head}  "${excerpt(text, ROW_TEXT_CHARS)}"`, ...(reason ? [`${under}${reason}`] : [])];
    }),
  );
  const errors = errorDigest(dataset.skipped, dataset.errors, ERROR_LINES, dataset.file);
  if (errors) lines.push('', ...digestLines(errors, '  ', paint));
  return lines;
}

function phraseLines(stats: readonly PhraseStat[], phrases: PhraseReport, side: 'synthetic' | 'real'): string[] {
  return stats.slice(0, TOP).map((p) => `"${oneLine(excerpt(p.phrase, 60))}"  ${phraseCountsText(p, phrases, side)}`);
}

function digestLines(digest: ErrorDigest, indent: string, paint: Paint): string[] {
  const body = digest.lines.map((line) => `${indent}  ${excerpt(line, 160)}`);
  if (digest.more) body.push(`${indent}  ${digest.more}`);
  return [`${indent}${paint(`${digest.heading}:`, ANSI.yellow)}`, ...body];
}

const ANSI_PATTERN = /\x1b\[[0-9;]*m/g;

/** Visible columns of a line: color codes take none; each code point takes one (wide CJK is not measured). */
function visibleLength(line: string): number {
  return Array.from(line.replace(ANSI_PATTERN, '')).length;
}

/** Greedy word wrap with a hanging indent; a word longer than the width stays whole on its own line. */
function wrap(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const hanging = `${indent}  `;
  const out: string[] = [];
  let current = indent;
  let currentLength = indent.length;
  let empty = true;
  for (const word of line.slice(indent.length).split(' ')) {
    const length = visibleLength(word);
    if (!empty && currentLength + 1 + length > width) {
      out.push(current);
      current = hanging;
      currentLength = hanging.length;
      empty = true;
    }
    current += empty ? word : ` ${word}`;
    currentLength += empty ? length : length + 1;
    empty = false;
  }
  out.push(current);
  return out;
}
