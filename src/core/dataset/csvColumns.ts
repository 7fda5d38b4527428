import { findCandidate, LABEL_CANDIDATES, TEXT_CANDIDATES } from './fieldCandidates';
import { matchInstructionSchema, splitFieldList } from './schemas';
import type { ReadOptions } from './types';

/** The columns of a CSV header and which of them hold the text and the label (-1: none, or not yet known). */
export interface ColumnPlan {
  readonly columns: readonly string[];
  readonly textIndex: number;
  /** For a file read field by field (`--text-field a,b`, or an instruction schema's columns): every text column, in order. */
  readonly textIndexes?: readonly number[];
  /** The recognized schema with its fields, in words. */
  readonly schema?: string;
  readonly labelIndex: number;
  /** The group column (ReadOptions.groupField), -1 without one. */
  readonly groupIndex: number;
  /** Problems to report on the header line. */
  readonly problems: readonly string[];
  /** Warnings for the header line: the columns were read, but a name was changed to keep it apart. */
  readonly warnings: readonly string[];
}

/** Reads the header cells against the options; a text column left at -1 is then picked by length. */
export function planColumns(headerCells: readonly string[], options: ReadOptions): ColumnPlan {
  const columns = uniqueColumnNames(headerCells);
  const { textField, labelField } = options;
  const problems: string[] = [];
  const multi = multiFieldColumns(columns, textField);
  for (const missing of multi?.missing ?? []) problems.push(`no "${missing}" column in the header (columns: ${columns.join(', ')})`);
  const textIndex = multi ? multi.indexes[0] ?? -1 : textField === undefined ? textColumnByName(columns) : columnIndex(columns, textField);
  if (!multi && textField !== undefined && textIndex < 0) problems.push(`no "${textField}" column in the header (columns: ${columns.join(', ')})`);
  let labelIndex = -1;
  if (typeof labelField === 'string') {
    labelIndex = columnIndex(columns, labelField);
    if (labelIndex < 0) problems.push(`no "${labelField}" column in the header; labels are left out`);
  } else if (labelField === undefined) {
    labelIndex = labelColumnByName(columns, textIndex);
  }
  const groupIndex = options.groupField === undefined ? -1 : columnIndex(columns, options.groupField);
  if (options.groupField !== undefined && groupIndex < 0) problems.push(`no "${options.groupField}" column in the header; rows are not grouped`);
  return {
    columns,
    textIndex,
    ...(multi && multi.indexes.length > 1 ? { textIndexes: multi.indexes } : {}),
    ...(multi?.schema ? { schema: multi.schema } : {}),
    labelIndex,
    groupIndex,
    problems,
    warnings: duplicateNames(headerCells, columns),
  };
}

/** The text columns of a file read field by field: several given, or an instruction schema's; undefined otherwise. */
function multiFieldColumns(columns: readonly string[], textField: string | undefined): { indexes: number[]; missing: string[]; schema?: string } | undefined {
  if (textField !== undefined) {
    const fields = splitFieldList(textField);
    if (fields.length < 2) return undefined;
    const indexes = fields.map((field) => columnIndex(columns, field));
    return { indexes: indexes.filter((index) => index >= 0), missing: fields.filter((_field, k) => indexes[k] < 0) };
  }
  const has = (field: string) => columnIndex(columns, field) >= 0;
  const schema = matchInstructionSchema(has, has);
  if (!schema) return undefined;
  return { indexes: schema.fields.map((field) => columnIndex(columns, field)), missing: [], schema: `${schema.name}: ${schema.fields.join(', ')}` };
}

/** `column "text" appears twice in the header (columns 1 and 3); the later is read as "text_1"`, per repeated name. */
function duplicateNames(header: readonly string[], columns: readonly string[]): string[] {
  const positions = new Map<string, number[]>();
  header.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const list = positions.get(raw);
    if (list) list.push(index);
    else positions.set(raw, [index]);
  });
  const out: string[] = [];
  for (const [name, indexes] of positions) {
    if (indexes.length < 2) continue;
    const times = indexes.length === 2 ? 'twice' : `${indexes.length} times`;
    const renamed = indexes.slice(1).map((i) => `"${columns[i]}"`).join(', ');
    out.push(`column "${name}" appears ${times} in the header (columns ${indexes.map((i) => i + 1).join(', ')}); the first is read as "${name}", the ${indexes.length === 2 ? 'other as' : 'others as'} ${renamed}`);
  }
  return out;
}

/**
 * Why a row's cell count leaves its text unknown, or undefined. Too few cells is fine while the text cell
 * is there; extra cells only when they are empty (a trailing delimiter), because an unquoted delimiter
 * inside a cell would shift every cell after it.
 */
export function cellCountProblem(cells: readonly string[], columnCount: number, textIndex: number, delimiter: string): string | undefined {
  const shifted = cells.length > columnCount && cells.slice(columnCount).some((cell) => cell !== '');
  if (textIndex < cells.length && !shifted) return undefined;
  const hint = shifted ? `; is there an unquoted ${delimiter === '\t' ? 'tab' : `"${delimiter}"`} in a cell?` : '';
  return `found ${cells.length} cells where the header has ${columnCount}${hint}`;
}

/**
 * Header names made unique: the first of a name keeps it, later ones get `_1`, `_2`, … (as papaparse's
 * header mode does, without its console warning); empty names become `column<N>` (1-based).
 *
 * @example uniqueColumnNames(['text', 'text', '']) // ['text', 'text_1', 'column3']
 */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const taken = new Set<string>();
  return header.map((raw, index) => {
    const base = raw.trim() === '' ? `column${index + 1}` : raw;
    let name = base;
    for (let n = 1; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}

/** The column index of a field named in the options: exact name first, then case-insensitive; -1 if absent. */
export function columnIndex(columns: readonly string[], field: string): number {
  const exact = columns.indexOf(field);
  if (exact >= 0) return exact;
  const lower = field.trim().toLowerCase();
  return columns.findIndex((name) => name.trim().toLowerCase() === lower);
}

/** The usual text column by name, or -1. */
export function textColumnByName(columns: readonly string[]): number {
  const found = findCandidate(columns, TEXT_CANDIDATES);
  return found === undefined ? -1 : columns.indexOf(found);
}

/** The usual label column by name, other than `exclude`, or -1. */
export function labelColumnByName(columns: readonly string[], exclude: number): number {
  const found = findCandidate(columns, LABEL_CANDIDATES, (name) => columns.indexOf(name) !== exclude);
  return found === undefined ? -1 : columns.indexOf(found);
}

/**
 * The column with the most characters per sampled row, other than `exclude`; -1 without rows.
 * Ties go to the leftmost column.
 */
export function longestColumn(columnCount: number, rows: readonly (readonly string[])[], exclude: number): number {
  let best = -1;
  let bestChars = 0;
  for (let column = 0; column < columnCount; column++) {
    if (column === exclude) continue;
    let chars = 0;
    for (const row of rows) chars += row[column]?.length ?? 0;
    if (chars > bestChars) {
      best = column;
      bestChars = chars;
    }
  }
  return best;
}
