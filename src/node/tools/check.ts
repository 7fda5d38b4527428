/** The `check` tool: the comparison `synthgap check` runs, as a compact result an agent reads in one go. */
import { placedText, type DatasetReport, type GapReport, type PhraseStat, type RowResult } from '../../core';
import { analysisFor } from './analysisCache';
import { capped, clip } from './bounds';
import { capturedIo } from './capturedIo';
import { prepareCommand, type CommonInput, type ToolContext } from './context';

export interface CheckInput extends CommonInput {
  readonly dataset?: string;
}

// The caps below keep a result a few thousand tokens long however large the files are.
/** Datasets reported in full: synthgap.json may list many; the rest are named with their verdict only. */
const DATASETS_SHOWN = 10;
/** Style gaps: the report ranks them, and past five they are small. */
const GAPS_SHOWN = 5;
/** Phrases and words per side: enough to see the pattern, few enough to read. */
const PHRASES_SHOWN = 10;
/** Most synthetic-looking rows with their reasons: examples of the pattern, not a listing (explain_row gives any row). */
const ROWS_SHOWN = 5;
/** Reasons per row: the strongest; a row rarely has more than three that matter. */
const REASONS_SHOWN = 3;
/** Unreadable lines named as file:line; the rest are counted. */
const ERRORS_SHOWN = 5;
/** Per-field summaries of records read field by field (instruction and chat data have a handful of fields). */
const FIELDS_SHOWN = 10;

/** AUCs, scores and shares to three decimals: finer digits are noise at any sample size the tools see. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export async function checkTool(input: CheckInput, context: ToolContext) {
  const command = prepareCommand(context, input, input.dataset, true);
  const io = capturedIo(command.cwd, context.token);
  context.onProgress?.(0, 1, 'Comparing the synthetic rows with the real rows');
  const { analysis, reused } = await analysisFor(command, io, context.analyses);
  const { report, datasets, notes } = analysis;
  context.onProgress?.(1, 1, 'Done');
  const texts = datasets.map((loaded) => loaded.data.rows);
  const shown = capped(report.datasets, DATASETS_SHOWN);
  return {
    analysis: reused ? 'reused' : 'new',
    reference: { files: report.reference.files, rows: report.reference.rows.length, skippedLines: report.reference.skipped, unreadable: unreadable(report.reference.errors) },
    datasets: shown.items.map((dataset, d) => datasetResult(dataset, (row, i) => placedText(texts[d][i], row))),
    ...(shown.more > 0 ? { moreDatasets: report.datasets.slice(DATASETS_SHOWN).map((d) => ({ file: d.file, verdict: d.summary.verdict, auc: round(d.summary.auc) })) } : {}),
    ...warnings(report),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function datasetResult(dataset: DatasetReport, textOf: (row: RowResult, index: number) => string) {
  const { summary } = dataset;
  const ranked = dataset.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.flagged).sort((a, b) => b.row.score - a.row.score);
  const fields = dataset.fields ? capped(dataset.fields, FIELDS_SHOWN).items : undefined;
  return {
    file: dataset.file,
    verdict: summary.verdict,
    headline: summary.headline,
    auc: { value: round(summary.auc), low: round(summary.aucLow), high: round(summary.aucHigh), meaning: '0.5: a detector cannot tell the sides apart; 1: it always can' },
    rows: summary.rows,
    referenceRows: summary.referenceRows,
    flaggedRows: summary.flagged,
    flagThreshold: round(summary.flagThreshold),
    skippedLines: dataset.skipped,
    ...(summary.gapKindEvidence ? { kindOfGap: { kind: summary.gapKindEvidence.kind ?? summary.gapKind, sentence: summary.gapKindEvidence.sentence, lever: summary.gapKindEvidence.lever } } : {}),
    gaps: dataset.gaps.slice(0, GAPS_SHOWN).map((gap) => ({ feature: gap.feature, sentence: gap.sentence, effect: round(gap.effect) })),
    phrases: {
      overusedInSynthetic: dataset.phrases.overSynthetic.slice(0, PHRASES_SHOWN).map(phrase),
      overusedInReal: dataset.phrases.overReal.slice(0, PHRASES_SHOWN).map(phrase),
    },
    ...(dataset.wording
      ? {
          words: {
            ...(dataset.wording.sentence ? { sentence: dataset.wording.sentence } : {}),
            leaningSynthetic: dataset.wording.datasetWords.slice(0, PHRASES_SHOWN).map((w) => ({ word: w.word, realRows: w.realRows, syntheticRows: w.syntheticRows })),
            leaningReal: dataset.wording.referenceWords.slice(0, PHRASES_SHOWN).map((w) => ({ word: w.word, realRows: w.realRows, syntheticRows: w.syntheticRows })),
          },
        }
      : {}),
    nearDuplicates: { rows: dataset.diversity.nearDuplicateRows, groups: dataset.diversity.nearDuplicateGroups.length, sentence: dataset.diversity.sentence },
    coverage: { sentence: dataset.coverage.sentence, missingRealClusters: dataset.coverage.missing.length },
    copiesOfRealRows: { exact: dataset.leakage.exact, near: dataset.leakage.near },
    ...(dataset.byLabel.onlyReal.length + dataset.byLabel.onlySynthetic.length > 0
      ? { labels: { onlyInReal: capped(dataset.byLabel.onlyReal, PHRASES_SHOWN).items, onlyInSynthetic: capped(dataset.byLabel.onlySynthetic, PHRASES_SHOWN).items } }
      : {}),
    mostSyntheticRows: ranked.slice(0, ROWS_SHOWN).map(({ row, index }) => ({
      line: row.line,
      ...(row.field ? { field: row.field } : {}),
      score: round(row.score),
      reasons: row.reasons.slice(0, REASONS_SHOWN).map((reason) => reason.message),
      text: clip(textOf(row, index)),
    })),
    ...(fields ? { fields: fields.map((field) => ({ field: field.field, verdict: field.summary.verdict, auc: round(field.summary.auc), headline: field.summary.headline })) } : {}),
    unreadable: unreadable(dataset.errors),
  };
}

function phrase(stat: PhraseStat) {
  return { phrase: stat.phrase, realCount: stat.realCount, syntheticCount: stat.syntheticCount };
}

/** Unreadable lines as `file:line: why`, the first few, and how many in all. */
function unreadable(errors: readonly { file: string; line: number; message: string }[]) {
  const real = capped(errors, ERRORS_SHOWN);
  return { count: errors.length, first: real.items.map((error) => `${error.file}:${error.line}: ${error.message}`) };
}

function warnings(report: GapReport) {
  return report.warnings.length > 0 ? { warnings: capped(report.warnings, ERRORS_SHOWN).items } : {};
}
