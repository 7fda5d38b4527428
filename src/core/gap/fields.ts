import { fieldNoun } from '../dataset/schemas';
import type { DatasetRow, ParsedDataset } from '../dataset/types';
import type { CancellationToken, WordDictionary } from '../host';
import { pairChecks } from './pairs';
import type { DatasetReport, FieldReport, GapReport, RowReason, RowResult } from '../report/types';
import type { AnalysisFile, AnalyzeInput } from './analysisFile';
import { featuresOf } from '../features/compute';
import type { ModelParts } from './model';
import { explainRow } from './reasons';

/**
 * The fields every file of the comparison was read by (ParsedDataset.textFields), in the datasets' order; undefined
 * when a file was read for one text (then there is nothing to analyze field by field).
 */
export function sharedTextFields(input: AnalyzeInput): string[] | undefined {
  const files = [...input.reference, ...input.datasets];
  if (files.length === 0 || files.some((file) => file.data.textFields === undefined)) return undefined;
  const inReference = new Set(input.reference.flatMap((file) => file.data.textFields ?? []));
  const order = input.datasets.flatMap((file) => file.data.textFields ?? []);
  const fields = [...new Set(order)].filter((field) => inReference.has(field));
  return fields.length > 0 ? fields : undefined;
}

/** One field's rows, as a plain file of its own, and for each of its rows the record (row index) it came from. */
export interface FieldSide {
  readonly file: AnalysisFile;
  readonly recordOf: Int32Array;
}

/**
 * A file's rows in one field: one row per text of the field (a chat role: one per turn), placed where the field's
 * value stands. Read errors stay with the combined analysis, which reports them once.
 */
export function fieldFile(file: AnalysisFile, field: string): FieldSide {
  const rows: DatasetRow[] = [];
  const records: number[] = [];
  file.data.rows.forEach((row, index) => {
    for (const part of row.fields ?? []) {
      if (part.field !== field) continue;
      rows.push({
        line: row.line,
        text: part.text,
        textRange: part.textRange,
        ...(row.label !== undefined ? { label: row.label } : {}),
        ...(part.turn !== undefined ? { turn: part.turn } : {}),
        ...(row.group !== undefined ? { group: row.group } : {}),
      });
      records.push(index);
    }
  });
  const data: ParsedDataset = { format: file.data.format, textField: field, ...(file.data.labelField ? { labelField: file.data.labelField } : {}), rows, errors: [] };
  return { file: { file: file.file, data }, recordOf: Int32Array.from(records) };
}

/** The comparison of one field: every reference file and dataset cut to the field. */
export function fieldInput(input: AnalyzeInput, field: string): { input: AnalyzeInput; datasets: FieldSide[] } {
  const datasets = input.datasets.map((file) => fieldFile(file, field));
  return { input: { reference: input.reference.map((file) => fieldFile(file, field).file), datasets: datasets.map((side) => side.file) }, datasets };
}

/** What one field's analysis left for the merge: its report, its sides, and the scoring parts of each dataset. */
export interface FieldAnalysis {
  readonly field: string;
  readonly report: GapReport;
  readonly datasets: readonly FieldSide[];
  readonly models: readonly (ModelParts | undefined)[];
}

/**
 * Adds the per-field results to the combined report: `fields[]` and the pair checks per dataset, and on each row its field scores and
 * the field it points at. A flagged record points at (and is explained by) the field that reads most unlike the
 * reference's same field, by percentile among that field's reference rows; its reasons name the field
 * (`output: opens with "Certainly!"…`). Unflagged records point at their first field, as read.
 */
export function mergeFieldAnalyses(combined: GapReport, analyses: readonly FieldAnalysis[], input: AnalyzeInput, dictionary: WordDictionary, token?: CancellationToken): GapReport {
  const referenceRows = input.reference.flatMap((file) => file.data.rows);
  const datasets = combined.datasets.map((report, d) => {
    const merged = mergeDataset(report, d, analyses, dictionary);
    // Requests and responses together: lengths, restatements, refusals, repeats and copied pairs (pairs.ts).
    const pairs = pairChecks(referenceRows, input.datasets[d].data.rows, input.datasets[d].data.textFields ?? [], token ? { token } : {});
    return pairs ? { ...merged, pairs } : merged;
  });
  const textFields = analyses.map((analysis) => analysis.field);
  const schema = input.datasets[0]?.data.schema;
  return { ...combined, settings: { ...combined.settings, textFields, ...(schema ? { schema } : {}) }, datasets };
}

interface FieldPlace {
  readonly field: string;
  readonly analysis: number;
  readonly row: number;
  readonly percentile: number;
  readonly score: number;
  readonly auc: number;
}

function mergeDataset(report: DatasetReport, d: number, analyses: readonly FieldAnalysis[], dictionary: WordDictionary): DatasetReport {
  const records = report.rows.length;
  const scores: Record<string, number>[] = Array.from({ length: records }, () => ({}));
  const best: (FieldPlace | undefined)[] = new Array(records);
  const fieldAuc = analyses.map((analysis) => {
    const auc = analysis.report.datasets[d].summary.auc;
    return Number.isFinite(auc) ? auc : 0;
  });
  analyses.forEach((analysis, a) => {
    const rows = analysis.report.datasets[d].rows;
    const recordOf = analysis.datasets[d].recordOf;
    for (let k = 0; k < rows.length; k++) {
      const record = recordOf[k];
      const row = rows[k];
      const previous = scores[record][analysis.field];
      if (previous === undefined || row.score > previous) scores[record][analysis.field] = row.score;
      const place = best[record];
      // Ties in percentile (rows beyond every reference row) go to the field that separates the sides best (its AUC),
      // then to the higher score: scores of two fields' detectors are not on one scale, their AUCs are.
      const auc = fieldAuc[a];
      if (!place || row.percentile > place.percentile || (row.percentile === place.percentile && (auc > place.auc || (auc === place.auc && row.score > place.score)))) {
        best[record] = { field: analysis.field, analysis: a, row: k, percentile: row.percentile, score: row.score, auc };
      }
    }
  });
  const rows: RowResult[] = report.rows.map((row, i) => {
    const place = best[i];
    const withScores = { ...row, fieldScores: scores[i] };
    if (!row.flagged || !place) return withScores;
    const fieldRow = analyses[place.analysis].report.datasets[d].rows[place.row];
    const reasons = fieldRow.flagged && fieldRow.reasons.length > 0 ? fieldRow.reasons : explainFieldRow(analyses[place.analysis], d, place.row, dictionary);
    const placed: RowResult = {
      ...withScores,
      start: fieldRow.start,
      end: fieldRow.end,
      field: place.field,
      reasons: reasons.length > 0 ? reasons.map((reason) => named(place.field, reason)) : row.reasons,
    };
    // The record's row carries no turn; the field it points at may be a chat turn.
    return fieldRow.turn !== undefined ? { ...placed, turn: fieldRow.turn } : placed;
  });
  const fields: FieldReport[] = analyses.map((analysis) => {
    const fieldReport = analysis.report.datasets[d];
    return {
      field: analysis.field,
      rows: fieldReport.summary.rows,
      summary: fieldReport.summary,
      gaps: fieldReport.gaps.map((gap) => ({ ...gap, sentence: countedAs(gap.sentence, analysis.field) })),
      phrases: fieldReport.phrases,
      diversity: fieldReport.diversity,
      leakage: fieldReport.leakage,
      ...(fieldReport.wording ? { wording: fieldReport.wording } : {}),
    };
  });
  return { ...report, rows, fields };
}

/** A field row the field's own analysis did not flag, explained by that analysis's reasons. */
function explainFieldRow(analysis: FieldAnalysis, d: number, row: number, dictionary: WordDictionary): RowReason[] {
  const parts = analysis.models[d];
  if (!parts) return [];
  const text = analysis.datasets[d].file.data.rows[row].text;
  return explainRow(parts.reasons, featuresOf(text, dictionary), 0, text);
}

/**
 * A reason about one field, saying which, and counting that field's texts: `output: opens with "Certainly", found in 0
 * of 66 real outputs` (the field's analysis says "real rows" for what are the reference's outputs).
 */
function named(field: string, reason: RowReason): RowReason {
  return { code: reason.code, message: `${field}: ${countedAs(reason.message, field)}` };
}

/** A field analysis's sentence with its rows called what they are: "Synthetic outputs are longer …", "real assistant turns". */
function countedAs(sentence: string, field: string): string {
  const noun = fieldNoun(field);
  return sentence.replace(/\b(real|synthetic|Real|Synthetic) rows\b/g, `$1 ${noun}`);
}
