import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatCount, oneLine, truncate, type WordDictionary } from '../core';
import { SERVER_COMMANDS } from '../shared/protocol';
import { describeChanges, roughenRowEdit } from './roughenEdits';
import { CONFIG_FILE } from './settings';
import type { SynthgapService } from './service';

export interface CommandContext {
  readonly connection: Connection;
  readonly service: SynthgapService;
  readonly dictionary: () => WordDictionary;
  readonly trusted: boolean;
}

/** What a command did, for the client to show; `applied` is false when nothing was written. */
export interface CommandResult {
  readonly applied: boolean;
  readonly message: string;
}

/** Runs a SERVER_COMMANDS command: each applies one undoable workspace edit through the client. */
export async function executeCommand(context: CommandContext, command: string, args: readonly unknown[]): Promise<CommandResult> {
  if (!context.trusted) return { applied: false, message: 'Synthgap does not change files in restricted mode.' };
  const uri = typeof args[0] === 'string' ? args[0] : '';
  await context.service.settled(uri);
  const entry = context.service.entry(uri);
  const file = entry?.analysis;
  if (!entry || !file) return { applied: false, message: 'This file has not been analyzed yet.' };
  const { seed } = await context.service.optionsFor(entry);
  const document = context.service.documents.getOrRead(entry.uri);
  if (!document) return { applied: false, message: `${basename(entry.path)} is too large to edit in the editor.` };
  const line = typeof args[1] === 'number' ? args[1] : 0;
  const turn = typeof args[2] === 'number' ? args[2] : undefined;
  switch (command) {
    case SERVER_COMMANDS.roughenRow: {
      const [roughened] = await context.service.rows.ask({ type: 'roughen', uri: entry.uri, rows: [{ line, ...(turn !== undefined ? { turn } : {}) }], seed });
      const edit = roughened && roughenRowEdit(file, roughened, document);
      if (!roughened || !edit) return { applied: false, message: `Roughening changes nothing on line ${line}: it differs from the real rows in wording or content, not in casing, punctuation or typos.` };
      const message = `Roughened line ${line}: ${describeChanges(roughened.changes)}`;
      return apply(context.connection, message, { changes: { [uri]: [edit] } });
    }
    case SERVER_COMMANDS.roughenAll: {
      const roughened = await context.service.rows.ask({ type: 'roughen', uri: entry.uri, rows: 'flagged', seed });
      const edits = roughened.flatMap((row) => roughenRowEdit(file, row, document) ?? []);
      const message = `Roughened ${formatCount(edits.length)} of ${formatCount(file.flaggedCount)} flagged row${file.flaggedCount === 1 ? '' : 's'} in ${basename(entry.path)}: ${describeChanges(roughened.flatMap((row) => row.changes))}`;
      return edits.length === 0 ? { applied: false, message: 'No flagged row to roughen.' } : apply(context.connection, message, { changes: { [uri]: edits } });
    }
    case SERVER_COMMANDS.ignoreRow: {
      // The hash and the text; the nearest real row is the hover's business.
      const onLine = await context.service.rows.ask({ type: 'rowsAt', uri: entry.uri, line, nearest: false });
      const row = onLine.find((r) => turn === undefined || r.turn === turn);
      if (!row) return { applied: false, message: `No row on line ${line}.` };
      const edit = ignoreEdit(entry.folder, { hash: row.hash, text: ignoreSnippet(row.text) }, context.service.documents.get(pathToFileURL(join(entry.folder, CONFIG_FILE)).href));
      if (typeof edit === 'string') return { applied: false, message: edit };
      const result = await apply(context.connection, `Ignore line ${line} in ${CONFIG_FILE}`, edit);
      context.service.changed();
      return result;
    }
    default:
      return { applied: false, message: `Unknown command ${command}` };
  }
}

/** How much of a row's text an `ignore` entry keeps beside its hash: enough to recognise the row in a list. */
const IGNORE_SNIPPET_CHARS = 80;

/** The start of a row's text on one line, for synthgap.json's `ignore` list. */
export function ignoreSnippet(text: string): string {
  return truncate(oneLine(text), IGNORE_SNIPPET_CHARS);
}

/**
 * The edit that adds a row (`{ hash, text }`) to synthgap.json's `ignore` (creating the file when there is
 * none); a message in words when the file is not a JSON object and so cannot be edited safely.
 */
export function ignoreEdit(folder: string, row: { readonly hash: string; readonly text: string }, open: TextDocument | undefined): WorkspaceEdit | string {
  const path = join(folder, CONFIG_FILE);
  const uri = pathToFileURL(path).href;
  const text = open?.getText() ?? (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  if (text === undefined) {
    const newText = `${JSON.stringify({ ignore: [row] }, null, 2)}\n`;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] },
      ],
    };
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return `${CONFIG_FILE} is not valid JSON; fix it first.`;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return `${CONFIG_FILE} is not a JSON object; fix it first.`;
  const object = config as Record<string, unknown>;
  const ignore: unknown[] = Array.isArray(object.ignore) ? object.ignore : [];
  const hashOf = (item: unknown) => (typeof item === 'string' ? item : typeof item === 'object' && item !== null ? (item as { hash?: unknown }).hash : undefined);
  if (ignore.some((item) => hashOf(item) === row.hash)) return 'This row is already ignored.';
  const newText = `${JSON.stringify({ ...object, ignore: [...ignore, row] }, null, 2)}\n`;
  const whole = TextDocument.create(uri, 'json', 0, text);
  return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: whole.positionAt(text.length) }, newText }] } };
}

async function apply(connection: Connection, label: string, edit: WorkspaceEdit): Promise<CommandResult> {
  const result = await connection.workspace.applyEdit({ label, edit });
  return result.applied ? { applied: true, message: label } : { applied: false, message: result.failureReason ?? 'The editor did not apply the edit.' };
}
