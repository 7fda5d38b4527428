import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Files VS Code syncs to extensions; larger ones stay on disk (it does not sync files over 50 MB). */
export const EDITOR_SYNC_LIMIT = 50 * 1024 * 1024;

/**
 * The open documents, with the disk as fallback: a dataset that is not open (or too large for the editor to
 * sync) is read from its file when an edit or a position needs its text.
 */
export class DocumentStore {
  readonly open = new TextDocuments(TextDocument);

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  /** The open document, else the file read from disk when it is at most `maxBytes`; undefined otherwise. */
  getOrRead(uri: string, maxBytes = EDITOR_SYNC_LIMIT): TextDocument | undefined {
    const open = this.open.get(uri);
    if (open) return open;
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      if (statSync(path).size > maxBytes) return undefined;
      return TextDocument.create(uri, languageOf(path), 0, readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  }
}

/** One spelling per file URI, as node writes it, so the client's and the scan's spellings meet. */
export function normalize(uri: string): string {
  const path = pathOf(uri);
  return path ? pathToFileURL(path).href : uri;
}

export function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Size on disk in bytes, or undefined when the file cannot be read. */
export function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function languageOf(path: string): string {
  return path.endsWith('.csv') ? 'csv' : path.endsWith('.tsv') ? 'tsv' : 'jsonl';
}

/** Size and modification time of a file, as a cache key part; undefined when it cannot be read. */
export function fileStamp(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}
