import { isRequestField, isResponseField, placedField } from '../dataset/schemas';
import type { DatasetRow, TextRange } from '../dataset/types';
import type { RoughenResult } from './types';

/** Where a roughened text goes: a row's text value, or one field of a record. */
export interface RoughenedText extends RoughenResult {
  readonly line: number;
  readonly textRange: TextRange;
  /** The text before roughening. */
  readonly before: string;
  readonly field?: string;
  readonly turn?: number;
}

/**
 * Roughens one text: `response` is true for a field that holds a model's answer (`output`, an assistant turn), whose
 * fix must keep the answer correct (stock openers, closers and boilerplate cut; never typos).
 */
export type TextRoughener = (text: string, response: boolean) => RoughenResult;

/**
 * The roughened texts of a row, each placed where its value stands: the row's text; for a record read field by field
 * each request and response field on its own (or only the field `only` names: the one a diagnostic is on), never a
 * system prompt. Texts roughening leaves as they are are left out.
 *
 * @example roughenRow(row, (text, response) => response ? roughenResponse(text) : roughenText(text, profile, options))
 */
export function roughenRow(row: DatasetRow, roughen: TextRoughener, only?: { readonly field?: string; readonly turn?: number }): RoughenedText[] {
  if (!row.fields) return placed(row.line, row.text, row.textRange, roughen(row.text, false));
  const target = only?.field !== undefined ? placedField(row, only) : undefined;
  // A system prompt is the operator's instruction to the model, not writing to match: it is left as it is.
  const parts = (target ? [target] : row.fields).filter((part) => isRequestField(part.field) || isResponseField(part.field));
  return parts.flatMap((part) => placed(row.line, part.text, part.textRange, roughen(part.text, isResponseField(part.field)), part.field, part.turn));
}

function placed(line: number, before: string, textRange: TextRange, result: RoughenResult, field?: string, turn?: number): RoughenedText[] {
  if (result.text === before) return [];
  return [{ ...result, line, textRange, before, ...(field !== undefined ? { field } : {}), ...(turn !== undefined ? { turn } : {}) }];
}
