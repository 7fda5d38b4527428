import { findCandidate, LABEL_CANDIDATES, TEXT_CANDIDATES } from './fieldCandidates';
import { isJsonObject, ownValue, type JsonObject } from './jsonValue';
import { matchInstructionSchema, splitFieldList } from './schemas';
import type { ReadOptions } from './types';

/** How a chat file's turns are laid out: OpenAI's `messages[{role, content}]` or ShareGPT's `conversations[{from, value}]`. */
export interface ChatLayout {
  readonly arrayKey: string;
  readonly roleKey: string;
  readonly contentKey: string;
  /** A turn's role as the file writes it, to the role it is analyzed as (ShareGPT's `human` is `user`). */
  readonly roleNames: ReadonlyMap<string, string>;
}

/** Which fields a JSONL reader reads: one or several text paths, or chat turns; and maybe a label path. */
export interface JsonFieldPlan {
  /** Chat turns: the layout, and the roles read (each its own field when there are several). */
  readonly chat?: { readonly layout: ChatLayout; readonly roles: readonly string[] };
  /** The text fields as key paths, in the order they are joined; one for a plain file. */
  readonly textPaths: readonly (readonly string[])[];
  /** The fields' names as the report shows them (dotted paths, or chat roles). */
  readonly fieldNames: readonly string[];
  readonly textField: string;
  /** The recognized schema, in words, when the fields came from one ("Alpaca-style instruction data"). */
  readonly schema?: string;
  readonly labelPath?: readonly string[];
  readonly labelField?: string;
  readonly groupPath?: readonly string[];
}

export const CHAT_TEXT_FIELD = 'messages.content';
const SHAREGPT_TEXT_FIELD = 'conversations.value';

const OPENAI_LAYOUT: ChatLayout = { arrayKey: 'messages', roleKey: 'role', contentKey: 'content', roleNames: new Map() };
/** ShareGPT names its speakers `human` and `gpt` (some exports `user`, `assistant`, `chatgpt`, `bing`). */
const SHAREGPT_LAYOUT: ChatLayout = {
  arrayKey: 'conversations',
  roleKey: 'from',
  contentKey: 'value',
  roleNames: new Map([['human', 'user'], ['gpt', 'assistant'], ['chatgpt', 'assistant'], ['bing', 'assistant'], ['bard', 'assistant']]),
};

/**
 * The roles a chat file is analyzed for when none is given: the three every chat format has. Tool and function
 * turns hold machine output (JSON, search results), not writing, so they are read only when asked for.
 */
export const DEFAULT_CHAT_ROLES: readonly string[] = ['system', 'user', 'assistant'];

/**
 * Decides the fields from the options and the first valid records. With no text field given: a chat file
 * (most records hold a `messages` or ShareGPT `conversations` array) is read for every role present; an
 * instruction schema (most records hold its required fields) for each of its fields; otherwise the usual names are
 * tried case-insensitively, then the string field (nested ones too) with the longest average length; with no
 * records at all, `text`. `--text-field a,b` reads several fields; `--role a,b` several roles.
 */
export function planJsonFields(samples: readonly JsonObject[], options: ReadOptions): JsonFieldPlan {
  const label = options.labelField === false ? undefined : options.labelField !== undefined
    ? resolvePath(samples, options.labelField)
    : detect(samples, LABEL_CANDIDATES, (v) => typeof v === 'string' || typeof v === 'number') ??
      // A label-named field that holds objects is still taken, so the reader can say it read no label from it.
      detect(samples, LABEL_CANDIDATES, (v) => typeof v === 'object' && v !== null);
  const optionalFields = {
    ...(label && { labelPath: label, labelField: label.join('.') }),
    ...(options.groupField !== undefined && { groupPath: resolvePath(samples, options.groupField) }),
  };
  const given = options.textField === undefined ? undefined : splitFieldList(options.textField);
  const layout = given === undefined ? chatLayoutOf(samples) : given.length === 1 ? chatLayoutNamed(given[0]) : undefined;
  if (layout) {
    const roles = options.role !== undefined ? splitFieldList(options.role) : rolesPresent(samples, layout);
    const textField = layout === OPENAI_LAYOUT ? CHAT_TEXT_FIELD : SHAREGPT_TEXT_FIELD;
    const schema = `${layout === OPENAI_LAYOUT ? 'OpenAI chat messages' : 'ShareGPT conversations'}: ${roles.join(', ')}`;
    return { chat: { layout, roles }, textPaths: [[layout.arrayKey, layout.contentKey]], fieldNames: roles, textField, schema, ...optionalFields };
  }
  if (given !== undefined) {
    const paths = given.map((field) => resolvePath(samples, field));
    const names = paths.map((path) => path.join('.'));
    return { textPaths: paths, fieldNames: names, textField: names.join(','), ...optionalFields };
  }
  const schema = instructionSchemaOf(samples);
  if (schema) return { textPaths: schema.fields.map((field) => [field]), fieldNames: schema.fields, textField: schema.fields.join(','), schema: `${schema.name}: ${schema.fields.join(', ')}`, ...optionalFields };
  const text = detect(samples, TEXT_CANDIDATES, (v) => typeof v === 'string') ?? longestStringField(samples, label) ?? ['text'];
  return { textPaths: [text], fieldNames: [text.join('.')], textField: text.join('.'), ...optionalFields };
}

/** Whether most records hold an array of turns, and in which layout. */
function chatLayoutOf(samples: readonly JsonObject[]): ChatLayout | undefined {
  for (const layout of [OPENAI_LAYOUT, SHAREGPT_LAYOUT]) {
    if (samples.filter((record) => Array.isArray(ownValue(record, layout.arrayKey))).length * 2 > samples.length) return layout;
  }
  return undefined;
}

/** The layout a given text field names (`messages`, `messages.content`, `conversations`, `conversations.value`). */
function chatLayoutNamed(field: string): ChatLayout | undefined {
  if (field === CHAT_TEXT_FIELD || field === 'messages') return OPENAI_LAYOUT;
  if (field === SHAREGPT_TEXT_FIELD || field === 'conversations') return SHAREGPT_LAYOUT;
  return undefined;
}

/** The default roles that occur in the sample, in {@link DEFAULT_CHAT_ROLES} order; `user` when none does. */
function rolesPresent(samples: readonly JsonObject[], layout: ChatLayout): string[] {
  const seen = new Set<string>();
  for (const record of samples) {
    const turns = ownValue(record, layout.arrayKey);
    if (!Array.isArray(turns)) continue;
    for (const turn of turns) {
      const role = isJsonObject(turn) ? ownValue(turn, layout.roleKey) : undefined;
      if (typeof role === 'string') seen.add(layout.roleNames.get(role) ?? role);
    }
  }
  const roles = DEFAULT_CHAT_ROLES.filter((role) => seen.has(role));
  return roles.length > 0 ? roles : ['user'];
}

/** The instruction schema most records follow (see schemas.ts), with the optional fields any record has. */
function instructionSchemaOf(samples: readonly JsonObject[]): { name: string; fields: string[] } | undefined {
  if (samples.length === 0) return undefined;
  return matchInstructionSchema(
    (field) => samples.filter((record) => Object.hasOwn(record, field)).length * 2 > samples.length,
    (field) => samples.some((record) => Object.hasOwn(record, field)),
  );
}

/** A dotted field as a key path; a key that itself contains dots wins when the records have it. */
function resolvePath(samples: readonly JsonObject[], field: string): string[] {
  return field.includes('.') && !samples.some((record) => Object.hasOwn(record, field)) ? field.split('.') : [field];
}
function detect(samples: readonly JsonObject[], candidates: readonly string[], valueFits: (value: unknown) => boolean): string[] | undefined {
  const keys = new Set(samples.flatMap((record) => Object.keys(record)));
  const found = findCandidate(keys, candidates, (key) => samples.some((record) => valueFits(ownValue(record, key))));
  return found === undefined ? undefined : [found];
}

/** The string field, nested up to three levels, with the most characters per record; ties go to the first seen. */
function longestStringField(samples: readonly JsonObject[], exclude: readonly string[] | undefined): string[] | undefined {
  const totals = new Map<string, { path: string[]; chars: number }>();
  const visit = (value: JsonObject, path: string[]): void => {
    for (const key of Object.keys(value)) {
      const child = value[key];
      const childPath = [...path, key];
      if (typeof child === 'string') {
        const id = JSON.stringify(childPath);
        const total = totals.get(id) ?? { path: childPath, chars: 0 };
        total.chars += child.length;
        totals.set(id, total);
      } else if (isJsonObject(child) && childPath.length < 3) {
        visit(child, childPath);
      }
    }
  };
  for (const record of samples) visit(record, []);
  const excluded = exclude && JSON.stringify(exclude);
  let best: { path: string[]; chars: number } | undefined;
  for (const [id, total] of totals) {
    if (id !== excluded && total.chars > (best?.chars ?? 0)) best = total;
  }
  return best?.path;
}
