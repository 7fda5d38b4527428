import type { DatasetRow } from '../dataset/types';
import { fieldKey, isResponseField } from '../dataset/schemas';

/** Which fields the pair checks read: the request, Alpaca's `input` (part of the request), and the response. */
export interface PairFields {
  readonly request: string;
  readonly input?: string;
  readonly response: string;
}

/** One request of a record and its response (absent when nothing answers it), in the record's words. */
export interface Pair {
  readonly line: number;
  /** The request as asked: the instruction and its input, or a user turn (consecutive user turns joined). */
  readonly request: string;
  /** The task alone (the instruction without Alpaca's input): what a restating response repeats. */
  readonly task: string;
  readonly response?: string;
}

/** Field names that hold a person's request; a dotted path is named by its last key. */
const REQUEST_FIELDS: ReadonlySet<string> = new Set(['instruction', 'prompt', 'question', 'user', 'query']);
/** Not a request: a system prompt sets the scene for every turn, and `input` is the material an instruction works on. */
const NEVER_REQUEST: ReadonlySet<string> = new Set(['system', 'input']);

/**
 * The request field (a known request name, else the first field that is neither a response, a system prompt nor
 * an input), Alpaca's `input` when the file has one beside the request, and the response field (the last response
 * field). Undefined when either the request or the response is missing.
 *
 * @example pickPairFields(['instruction', 'input', 'output']) // { request: 'instruction', input: 'input', response: 'output' }
 * @example pickPairFields(['system', 'user', 'assistant']) // { request: 'user', response: 'assistant' }
 */
export function pickPairFields(fields: readonly string[]): PairFields | undefined {
  const request =
    fields.find((field) => REQUEST_FIELDS.has(fieldKey(field))) ??
    fields.find((field) => !isResponseField(field) && !NEVER_REQUEST.has(fieldKey(field)));
  const response = [...fields].reverse().find((field) => isResponseField(field));
  if (request === undefined || response === undefined) return undefined;
  const input = fields.find((field) => field !== request && fieldKey(field) === 'input');
  return input === undefined ? { request, response } : { request, input, response };
}

/**
 * A record's requests and their responses, in order. The record's fields are walked as they stand (a chat's turns
 * in conversation order): a request field opens a request (a request right after another joins it: one message
 * sent in two), the input field adds to it, and the response field answers it. A response with nothing to answer
 * (an assistant's greeting, a second reply in a row) is left out; a request still open at the end gets no
 * response. Rows read one field only (no `fields`) give none.
 */
export function recordPairs(row: DatasetRow, pick: PairFields, emit: (pair: Pair) => void): void {
  if (row.fields === undefined) return;
  let task: string | undefined;
  let input: string | undefined;
  for (const { field, text } of row.fields) {
    if (field === pick.request) {
      if (input !== undefined) {
        emit(pairOf(row.line, task ?? '', input));
        task = undefined;
        input = undefined;
      }
      task = task === undefined ? text : `${task}\n${text}`;
    } else if (field === pick.input) {
      input = input === undefined ? text : `${input}\n${text}`;
    } else if (field === pick.response && (task !== undefined || input !== undefined)) {
      emit(pairOf(row.line, task ?? '', input, text));
      task = undefined;
      input = undefined;
    }
  }
  if (task !== undefined || input !== undefined) emit(pairOf(row.line, task ?? '', input));
}

function pairOf(line: number, task: string, input: string | undefined, response?: string): Pair {
  const request = input === undefined ? task : task === '' ? input : `${task}\n${input}`;
  return response === undefined ? { line, request, task } : { line, request, task, response };
}
