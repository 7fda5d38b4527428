/**
 * The text edit behind "Use as Real Reference": sets `reference` in synthgap.json and keeps every other key.
 * Pure, so the rules (relative POSIX paths, one file as a string, key order, indentation) are unit-tested.
 */
import * as path from 'node:path';

/** Dataset files the extension checks and can use as a reference. */
export const DATASET_EXTENSIONS = ['.jsonl', '.csv', '.tsv'] as const;

export function isDatasetPath(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return (DATASET_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * A reference path as synthgap.json stores it: relative to the folder holding synthgap.json, with `/`.
 * @example relativeReference('/w', '/w/data/real.jsonl') // 'data/real.jsonl'
 */
export function relativeReference(configDir: string, filePath: string, pathApi: path.PlatformPath = path): string {
  return pathApi.relative(configDir, filePath).split(pathApi.sep).join('/');
}

export class ConfigEditError extends Error {}

function indentOf(text: string): string | number {
  const match = /\n([ \t]+)"/.exec(text);
  return match ? match[1] : 2;
}

/**
 * The new text of synthgap.json with `reference` set to the given paths (a string for one, a list for more).
 * `current` undefined means the file does not exist yet. Throws ConfigEditError, with a sentence a user
 * understands, when the current text is not a JSON object: the user's file is never overwritten blindly.
 * @example withReference(undefined, ['data/real.jsonl']) // '{\n  "reference": "data/real.jsonl"\n}\n'
 */
export function withReference(current: string | undefined, references: readonly string[]): string {
  if (references.length === 0) throw new ConfigEditError('No reference file was given.');
  const value = references.length === 1 ? references[0] : [...references];
  if (current === undefined || current.trim() === '') return `${JSON.stringify({ reference: value }, null, 2)}\n`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(current.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigEditError(`synthgap.json is not valid JSON (${(error as Error).message}); fix it first.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigEditError('synthgap.json does not hold a JSON object; fix it first.');
  }
  // An existing key keeps its place; a new one goes first (after $schema) because it is what a reader looks for.
  const entries = Object.entries(parsed);
  const next: [string, unknown][] = entries.some(([key]) => key === 'reference')
    ? entries.map(([key, v]) => [key, key === 'reference' ? value : v])
    : [...entries.filter(([key]) => key === '$schema'), ['reference', value], ...entries.filter(([key]) => key !== '$schema')];
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(Object.fromEntries(next), null, indentOf(current)).replace(/\n/g, eol);
  return /\r?\n\s*$/.test(current) ? body + eol : body;
}

/**
 * The `reference` a synthgap.json text names (a string or a list of strings), as written; an empty list when the
 * text is missing, not JSON, or names none. The change confirmation says what it replaces with it.
 * @example referencesIn('{"reference": "real.jsonl"}') // ['real.jsonl']
 */
export function referencesIn(text: string | undefined): string[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const value = typeof parsed === 'object' && parsed !== null ? (parsed as { reference?: unknown }).reference : undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}
