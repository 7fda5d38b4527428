import { findCandidate, LABEL_CANDIDATES, TEXT_CANDIDATES } from './fieldCandidates';
import { isJsonObject, ownValue, type JsonObject } from './jsonValue';
import type { ReadOptions } from './types';

/** Which fields a JSONL reader reads: a text path, or the chat messages; and maybe a label path. */
export interface JsonFieldPlan {
  readonly chat: boolean;
  readonly textPath: readonly string[];
  readonly textField: string;
  readonly labelPath?: readonly string[];
  readonly labelField?: string;
  readonly groupPath?: readonly string[];
}

export const CHAT_TEXT_FIELD = 'messages.content';

/**
 * Decides the fields from the options and the first valid records. Auto-detection tries the usual names
 * case-insensitively, then the string field (nested ones too) with the longest average length; with no
 * records at all it falls back to `text`. Chat files are those whose records mostly hold a `messages` array.
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
  const chat = options.textField === undefined
    ? samples.filter((record) => Array.isArray(ownValue(record, 'messages'))).length * 2 > samples.length
    : options.textField === CHAT_TEXT_FIELD || options.textField === 'messages';
  if (chat) return { chat, textPath: ['messages', 'content'], textField: CHAT_TEXT_FIELD, ...optionalFields };
  const text = options.textField !== undefined
    ? resolvePath(samples, options.textField)
    : detect(samples, TEXT_CANDIDATES, (v) => typeof v === 'string') ?? longestStringField(samples, label) ?? ['text'];
  return { chat, textPath: text, textField: text.join('.'), ...optionalFields };
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
