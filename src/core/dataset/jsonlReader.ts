import { isBlank } from './blank';
import { planJsonFields, type JsonFieldPlan } from './jsonFields';
import { findItemLiterals, findStringLiteral } from './jsonScanner';
import { describeJsonType, isJsonObject, labelText, ownValue, valueAtPath, type JsonObject } from './jsonValue';
import type { DatasetOutput, FormatReader } from './lineSink';
import type { ReadOptions } from './types';

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
  private readonly role: string;
  /** Lines whose label is an object or an array, and the first of them: reported once, at the end. */
  private badLabels = 0;
  private firstBadLabel = 0;

  constructor(
    private readonly out: DatasetOutput,
    private readonly options: ReadOptions,
  ) {
    this.role = options.role ?? 'user';
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

  finish(): { textField: string; labelField?: string } {
    const { textField, labelField } = this.plan ?? this.decide();
    if (this.badLabels > 0) {
      const more = this.badLabels > 1 ? ` (and on ${this.badLabels - 1} more line${this.badLabels === 2 ? '' : 's'})` : '';
      this.out.warn(this.firstBadLabel, `the label "${labelField}" is an object or a list here${more}, not text; those rows are read without a label`);
    }
    return labelField === undefined ? { textField } : { textField, labelField };
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
    if (plan.chat) return this.readChat(text, line, value, label, group);
    const field = plan.textField;
    const content = valueAtPath(value, plan.textPath);
    const problem = textProblem(field, content);
    if (problem !== undefined) return this.out.error(line, problem);
    const range = findStringLiteral(text, plan.textPath);
    if (range === undefined) return this.out.error(line, `could not locate "${field}" in the line`);
    this.out.row(line, content as string, range, label, undefined, group);
  }

  private readChat(text: string, line: number, value: JsonObject, label: string | undefined, group: string | undefined): void {
    const messages = ownValue(value, 'messages');
    if (!Array.isArray(messages)) {
      const problem = messages === undefined ? 'no "messages" field' : `"messages" is ${describeJsonType(messages)}, expected an array`;
      return this.out.error(line, problem);
    }
    let turns = 0;
    let ranges: ReturnType<typeof findItemLiterals> | undefined;
    for (let turn = 0; turn < messages.length; turn++) {
      const message: unknown = messages[turn];
      if (!isJsonObject(message) || ownValue(message, 'role') !== this.role) continue;
      turns++;
      const content = ownValue(message, 'content');
      const problem = textProblem('content', content);
      if (problem !== undefined) {
        this.out.error(line, `message ${turn}: ${problem}`);
        continue;
      }
      ranges ??= findItemLiterals(text, 'messages', 'content');
      const range = ranges[turn];
      if (range === undefined) this.out.error(line, `message ${turn}: could not locate "content" in the line`);
      else this.out.row(line, content as string, range, label, turn, group);
    }
    if (turns === 0) this.out.error(line, `no ${this.role} turn`);
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
