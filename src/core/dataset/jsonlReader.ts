import { isBlank } from './blank';
import { planJsonFields, type JsonFieldPlan } from './jsonFields';
import { findItemLiterals, findStringLiteral } from './jsonScanner';
import { describeJsonType, isJsonObject, labelText, ownValue, valueAtPath, type JsonObject } from './jsonValue';
import type { DatasetOutput, FormatReader, ReaderFields } from './lineSink';
import { joinFields } from './schemas';
import type { FieldText, ReadOptions } from './types';

/** Records looked at before the fields are decided; they are kept (with their lines) until then. */
const SAMPLE_RECORDS = 100;
const SAMPLE_CHARS = 1 << 20;

interface Held {
  readonly text: string;
  readonly line: number;
  readonly value: JsonObject;
}

/** Reads JSON Lines: one object per line, plain or chat (`{"messages": [...]}`). */
export class JsonlReader implements FormatReader {
  private plan: JsonFieldPlan | undefined;
  private held: Held[] = [];
  private heldChars = 0;
  /** Lines whose label is an object or an array, and the first of them: reported once, at the end. */
  private badLabels = 0;
  private firstBadLabel = 0;

  /** `plan`: read every line with these fields at once (score's model says which), not decided from the first records. */
  constructor(
    private readonly out: DatasetOutput,
    private readonly options: ReadOptions,
    plan?: JsonFieldPlan,
  ) {
    this.plan = plan;
  }

  line(text: string, line: number): void {
    if (isBlank(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.out.error(line, `invalid JSON: ${briefJsonError(error)}`);
      return;
    }
    if (!isJsonObject(value)) {
      this.out.error(line, `expected a JSON object, found ${describeJsonType(value)}`);
      return;
    }
    if (this.plan) return this.read(this.plan, text, line, value);
    this.held.push({ text, line, value });
    this.heldChars += text.length;
    if (this.held.length >= SAMPLE_RECORDS || this.heldChars >= SAMPLE_CHARS) this.decide();
  }

  badLine(line: number, message: string): void {
    this.out.error(line, message);
  }

  finish(): ReaderFields {
    const plan = this.plan ?? this.decide();
    const { textField, labelField } = plan;
    if (this.badLabels > 0) {
      const more = this.badLabels > 1 ? ` (and on ${this.badLabels - 1} more line${this.badLabels === 2 ? '' : 's'})` : '';
      this.out.warn(this.firstBadLabel, `the label "${labelField}" is an object or a list here${more}, not text; those rows are read without a label`);
    }
    const multi = plan.fieldNames.length > 1;
    return {
      textField,
      ...(labelField !== undefined ? { labelField } : {}),
      ...(multi ? { textFields: plan.fieldNames } : {}),
      ...(plan.schema !== undefined && (multi || plan.chat) ? { schema: plan.schema } : {}),
      ...(plan.chat ? { role: plan.chat.roles.join(',') } : {}),
    };
  }

  private decide(): JsonFieldPlan {
    const plan = planJsonFields(this.held.map((held) => held.value), this.options);
    this.plan = plan;
    for (const held of this.held) this.read(plan, held.text, held.line, held.value);
    this.held = [];
    return plan;
  }

  private read(plan: JsonFieldPlan, text: string, line: number, value: JsonObject): void {
    const rawLabel = plan.labelPath && valueAtPath(value, plan.labelPath);
    const label = labelText(rawLabel);
    if (typeof rawLabel === 'object' && rawLabel !== null && this.badLabels++ === 0) this.firstBadLabel = line;
    const group = plan.groupPath && labelText(valueAtPath(value, plan.groupPath));
    if (plan.chat) return this.readChat(plan.chat, text, line, value, label, group);
    if (plan.textPaths.length > 1) return this.readFields(plan, text, line, value, label, group);
    const field = plan.textField;
    const path = plan.textPaths[0];
    const content = valueAtPath(value, path);
    const problem = textProblem(field, content);
    if (problem !== undefined) return this.out.error(line, problem);
    const range = findStringLiteral(text, path);
    if (range === undefined) return this.out.error(line, `could not locate "${field}" in the line`);
    this.out.row(line, content as string, range, label, undefined, group);
  }

  /**
   * A record read field by field: one row holding every field with text. A field that is missing, null or
   * blank is absent from the row (Alpaca's `input` is empty for most tasks), not an error; a field that holds
   * something other than text is, and the record is skipped whole, so every analyzed record has all its text.
   */
  private readFields(plan: JsonFieldPlan, text: string, line: number, value: JsonObject, label: string | undefined, group: string | undefined): void {
    const fields: FieldText[] = [];
    for (let k = 0; k < plan.textPaths.length; k++) {
      const field = plan.fieldNames[k];
      const content = valueAtPath(value, plan.textPaths[k]);
      if (content === undefined || content === null) continue;
      if (typeof content !== 'string') return this.out.error(line, `"${field}" is ${describeJsonType(content)}, expected a string`);
      if (isBlank(content)) continue;
      const range = findStringLiteral(text, plan.textPaths[k]);
      if (range === undefined) return this.out.error(line, `could not locate "${field}" in the line`);
      fields.push({ field, text: content, textRange: range });
    }
    if (fields.length === 0) return this.out.error(line, `no text in ${plan.fieldNames.map((field) => `"${field}"`).join(', ')}`);
    this.out.row(line, joinFields(fields), fields[0].textRange, label, undefined, group, fields);
  }

  /**
   * A conversation. Read for one role, each of its turns is a row (as before multi-field reading); read for
   * several, the conversation is one row whose fields are its turns, each named by its role. A turn with no
   * text (null content: an OpenAI tool call) is left out; a turn whose content is not text is an error.
   */
  private readChat(chat: NonNullable<JsonFieldPlan['chat']>, text: string, line: number, value: JsonObject, label: string | undefined, group: string | undefined): void {
    const { layout, roles } = chat;
    const turns = ownValue(value, layout.arrayKey);
    if (!Array.isArray(turns)) {
      const problem = turns === undefined ? `no "${layout.arrayKey}" field` : `"${layout.arrayKey}" is ${describeJsonType(turns)}, expected an array`;
      return this.out.error(line, problem);
    }
    const single = roles.length === 1;
    const fields: FieldText[] = [];
    let matched = 0;
    let ranges: ReturnType<typeof findItemLiterals> | undefined;
    for (let turn = 0; turn < turns.length; turn++) {
      const message: unknown = turns[turn];
      if (!isJsonObject(message)) continue;
      const written = ownValue(message, layout.roleKey);
      const role = typeof written === 'string' ? layout.roleNames.get(written) ?? written : undefined;
      if (role === undefined || !roles.includes(role)) continue;
      matched++;
      const content = ownValue(message, layout.contentKey);
      if (!single && (content === null || (typeof content === 'string' && isBlank(content)))) continue;
      const problem = textProblem(layout.contentKey, content);
      if (problem !== undefined) {
        this.out.error(line, `message ${turn + 1}: ${problem}`);
        if (single) continue;
        return;
      }
      ranges ??= findItemLiterals(text, layout.arrayKey, layout.contentKey);
      const range = ranges[turn];
      if (range === undefined) {
        this.out.error(line, `message ${turn + 1}: could not locate "${layout.contentKey}" in the line`);
        if (single) continue;
        return;
      }
      if (single) this.out.row(line, content as string, range, label, turn, group);
      else fields.push({ field: role, text: content as string, textRange: range, turn });
    }
    if (matched === 0) return this.out.error(line, `no ${roles.join(' or ')} turn`);
    if (!single) {
      if (fields.length === 0) return this.out.error(line, `no text in any ${roles.join(' or ')} turn`);
      this.out.row(line, joinFields(fields), fields[0].textRange, label, undefined, group, fields);
    }
  }
}

/** Why a field's value cannot be analyzed, or undefined when it is a non-blank string. */
function textProblem(field: string, value: unknown): string | undefined {
  if (value === undefined) return `no "${field}" field`;
  if (typeof value !== 'string') return `"${field}" is ${describeJsonType(value)}, expected a string`;
  return isBlank(value) ? 'empty text' : undefined;
}

/** JSON.parse's message, short and in columns: the line is the user's unit, not the whole file. */
function briefJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const brief = message
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/ in JSON at position (\d+)/, (_match, position: string) => ` at column ${Number(position) + 1}`);
  return brief.length > 120 ? `${brief.slice(0, 117)}...` : brief;
}
