import type { DatasetFormat } from './types';

const BY_EXTENSION: ReadonlyMap<string, DatasetFormat> = new Map([
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['json', 'jsonl'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['tab', 'tsv'],
]);

/**
 * The format a file name's extension stands for, case-insensitively; undefined for other or no extensions.
 * Accepts paths and URIs (`file:///a/b.jsonl`).
 *
 * @example formatFromFileName('data/train.NDJSON') // 'jsonl'
 */
export function formatFromFileName(fileName: string | undefined): DatasetFormat | undefined {
  if (!fileName) return undefined;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION.get(base.slice(dot + 1).toLowerCase());
}

/**
 * The format a file's first non-blank line suggests: JSON (`{`, or `[` so that the user is told why an
 * array is not JSONL) → jsonl; a tab in the header → tsv; anything else → csv.
 *
 * @example sniffFormat('text\tlabel') // 'tsv'
 */
export function sniffFormat(firstLine: string): DatasetFormat {
  const first = firstLine.trimStart().charAt(0);
  if (first === '{' || first === '[') return 'jsonl';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}
