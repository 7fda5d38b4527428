import { fieldGramText } from '../embed/hashedGrams';
import { FIELD_SEPARATOR, type DatasetRow, type FieldText, type ParsedDataset } from './types';

/**
 * A list of fields or roles as the user writes it (`--text-field instruction,output`, `--role user,assistant`):
 * split on commas, trimmed, empty entries and repeats dropped.
 *
 * @example splitFieldList('instruction, output,') // ['instruction', 'output']
 */
export function splitFieldList(list: string): string[] {
  return [...new Set(list.split(',').map((field) => field.trim()).filter((field) => field.length > 0))];
}

/**
 * Field and role names that hold a model's answer rather than a person's request: the fix for such a field keeps
 * the answer correct (stock openers, closers and boilerplate cut; never typos), and the report reads it as the response.
 */
export const RESPONSE_FIELDS: ReadonlySet<string> = new Set(['output', 'completion', 'response', 'answer', 'assistant', 'gpt', 'chosen']);

/**
 * Fields that set up a conversation rather than hold anyone's writing: a system prompt is the operator's
 * instruction to the model. Roughening leaves it alone and the noise profile does not learn from it.
 */
const SETUP_FIELDS: ReadonlySet<string> = new Set(['system']);

/** A field's last key as written: `output` for `output`, `question` for `input.question`. */
export function lastKey(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}

/** A field's last key in lower case: what the field-name sets here are matched against. */
export function fieldKey(field: string): string {
  return lastKey(field).toLowerCase();
}

/** Whether a field holds a person's request (an instruction, a user turn): not a response and not a system prompt. */
export function isRequestField(field: string): boolean {
  const key = fieldKey(field);
  return !RESPONSE_FIELDS.has(key) && !SETUP_FIELDS.has(key);
}

/**
 * The texts of a row people wrote as requests, which roughening copies the style of: the row's text, or for a record
 * read field by field its request fields (instruction and input, user turns). A record with none gives none.
 */
export function requestTexts(row: DatasetRow): string[] {
  return row.fields ? row.fields.filter((part) => isRequestField(part.field)).map((part) => part.text) : [row.text];
}

/** Every request text of the rows (see {@link requestTexts}), with its row's label: what a noise profile learns from. */
export function requestRows(rows: readonly DatasetRow[]): { texts: string[]; labels: (string | undefined)[] } {
  const texts: string[] = [];
  const labels: (string | undefined)[] = [];
  for (const row of rows) {
    for (const text of requestTexts(row)) {
      texts.push(text);
      labels.push(row.label);
    }
  }
  return { texts, labels };
}

/** Whether a field (a name, or a dotted path's last key) holds a response: see {@link RESPONSE_FIELDS}. */
export function isResponseField(field: string): boolean {
  return RESPONSE_FIELDS.has(fieldKey(field));
}

/**
 * Instruction-data schemas recognized from their field names, most specific first: the fields every record
 * of the schema has, and optional ones (Alpaca's `input` is empty for most tasks). The fields are analyzed
 * each on its own and together, in the order returned.
 */
const INSTRUCTION_SCHEMAS: readonly { readonly name: string; readonly required: readonly string[]; readonly optional?: readonly string[] }[] = [
  { name: 'Alpaca-style instruction data', required: ['instruction', 'output'], optional: ['input'] },
  { name: 'prompt/completion pairs', required: ['prompt', 'completion'] },
  { name: 'prompt/response pairs', required: ['prompt', 'response'] },
  { name: 'question/answer pairs', required: ['question', 'answer'] },
];

/**
 * The first schema whose required fields the file mostly has (`mostly`), with the optional fields it has at all
 * (`any`); fields in reading order (Alpaca: instruction, input, output).
 *
 * @example matchInstructionSchema((f) => f !== 'input', () => true) // { name: 'Alpaca-style instruction data', fields: ['instruction', 'input', 'output'] }
 */
export function matchInstructionSchema(mostly: (field: string) => boolean, any: (field: string) => boolean): { name: string; fields: string[] } | undefined {
  for (const schema of INSTRUCTION_SCHEMAS) {
    if (!schema.required.every(mostly)) continue;
    const optional = (schema.optional ?? []).filter(any);
    return { name: schema.name, fields: [schema.required[0], ...optional, ...schema.required.slice(1)] };
  }
  return undefined;
}

/** A record's row text: its fields' texts joined (see FIELD_SEPARATOR). */
export function joinFields(fields: readonly FieldText[]): string {
  return fields.map((field) => field.text).join(FIELD_SEPARATOR);
}

/**
 * The field of a record a result points at (its `field` and `turn`), or undefined for a row read for one text or a
 * result that names no field.
 */
export function placedField(row: DatasetRow, place: { readonly field?: string; readonly turn?: number }): FieldText | undefined {
  if (!row.fields || place.field === undefined) return undefined;
  return row.fields.find((part) => part.field === place.field && part.turn === place.turn) ?? row.fields.find((part) => part.field === place.field);
}

/** The text a result is about: its field's text for a record read field by field, else the row's text. */
export function placedText(row: DatasetRow, place: { readonly field?: string; readonly turn?: number }): string {
  return placedField(row, place)?.text ?? row.text;
}

/** The text the detector reads a row's word and character grams from: a record's fields kept apart (fieldGramText), else the row's text. */
export function gramText(row: DatasetRow): string {
  return row.fields ? fieldGramText(row.fields) : row.text;
}

/**
 * A file read field by field as its requests alone: each record's request fields (instruction and input, user turns)
 * as one row, records with none left out; a file read for one text as it is. Generation prompts are about the
 * requests real people make (what to generate, and how people write it), so `synthgap prompts` reads this view.
 */
export function requestView(data: ParsedDataset): ParsedDataset {
  if (!data.textFields) return data;
  const rows: DatasetRow[] = [];
  for (const row of data.rows) {
    const parts = (row.fields ?? []).filter((part) => isRequestField(part.field));
    if (parts.length === 0) continue;
    rows.push({
      line: row.line,
      text: joinFields(parts),
      textRange: parts[0].textRange,
      ...(row.label !== undefined ? { label: row.label } : {}),
      ...(parts[0].turn !== undefined ? { turn: parts[0].turn } : {}),
      ...(row.group !== undefined ? { group: row.group } : {}),
    });
  }
  return {
    format: data.format,
    textField: data.textFields.filter(isRequestField).join(','),
    ...(data.labelField !== undefined ? { labelField: data.labelField } : {}),
    rows,
    errors: data.errors,
  };
}

/** How a file is read again for its request alone: a chat file for one role, an instruction file for one field. */
export type NarrowedRead = { readonly role: string; readonly textField?: undefined } | { readonly textField: string; readonly role?: undefined };

/**
 * How to read a dataset again when its reference was read for one text and it was read field by field: for its
 * request alone (the user turns of a chat file; an instruction file's first request field), which is what a file of
 * real messages can be compared with. Undefined when no re-read is needed: the dataset has one text, or some
 * reference file has fields too.
 *
 * @example singleTextOptions([csvOfMessages], chatFile) // { role: 'user' }
 */
export function singleTextOptions(reference: readonly ParsedDataset[], dataset: ParsedDataset): NarrowedRead | undefined {
  if (!dataset.textFields || reference.length === 0 || reference.some((file) => file.textFields !== undefined)) return undefined;
  const request = dataset.textFields.find(isRequestField) ?? dataset.textFields[0];
  return dataset.role !== undefined ? { role: request } : { textField: request };
}

/** Plural nouns for the usual fields and roles, as a reason names them: "no real assistant turns do". */
const FIELD_NOUNS: ReadonlyMap<string, string> = new Map([
  ['user', 'user turns'], ['assistant', 'assistant turns'], ['system', 'system prompts'], ['instruction', 'instructions'],
  ['input', 'inputs'], ['output', 'outputs'], ['prompt', 'prompts'], ['completion', 'completions'], ['response', 'responses'],
  ['question', 'questions'], ['answer', 'answers'],
]);

/**
 * The texts of one field, as a reason counts them: `assistant turns`, `outputs`; another field by its name
 * (`"summary" texts`).
 *
 * @example fieldNoun('assistant') // 'assistant turns'
 */
export function fieldNoun(field: string): string {
  return FIELD_NOUNS.get(field.toLowerCase()) ?? `"${field}" texts`;
}
