/**
 * The rows worker: owns every analyzed file's rows, parses the editor's text after an edit and scores the rows
 * whose text changed, off the server's main thread and apart from the analysis worker (an analysis takes
 * seconds; a hover or a keystroke's re-score must not wait for it). The main thread holds positions and scores.
 */
import { parentPort } from 'node:worker_threads';
import { readDataset } from '../core';
import { loadDictionary } from '../node/dictionary';
import { FileRows } from './fileRows';
import { reparse } from './reparse';
import type { RowsMessage, RowsReply, RowsResults } from './rowsProtocol';

const port = parentPort;
if (!port) throw new Error('rowsWorker must run in a worker thread');

const files = new Map<string, FileRows>();

async function handle(message: RowsMessage): Promise<RowsResults[RowsMessage['type']]> {
  switch (message.type) {
    case 'load': {
      const file = new FileRows(message.output, loadDictionary, { ignore: new Set(message.ignore), ...(message.text !== undefined ? { text: message.text } : {}) });
      files.set(message.uri, file);
      return file.view(message.warningQuantile);
    }
    case 'update': {
      const file = files.get(message.uri);
      if (!file) return null;
      const { text } = message;
      // The text the worker analyzed is not parsed again; an edit re-reads only its lines (JSONL).
      const data = text === file.text ? file.data : file.text !== undefined ? await reparse(file.text, file.data, text, message.readOptions) : await readDataset(text, message.readOptions);
      file.update(data, text);
      return file.view(message.warningQuantile);
    }
    case 'ignore': {
      const file = files.get(message.uri);
      if (!file) return null;
      file.setIgnore(new Set(message.ignore));
      return file.view(message.warningQuantile);
    }
    case 'rowsAt':
      return files.get(message.uri)?.rowsAt(message.line, message.nearest) ?? [];
    case 'page':
      return files.get(message.uri)?.page(message.query) ?? null;
    case 'roughen':
      return files.get(message.uri)?.roughen(message.rows, message.seed) ?? [];
    case 'drop':
      files.delete(message.uri);
      return null;
  }
}

// One message at a time, in order: an update must not race the load or the update before it.
let chain: Promise<unknown> = Promise.resolve();
port.on('message', (message: RowsMessage) => {
  chain = chain.then(() => handle(message)).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies RowsReply),
    (error: unknown) => port.postMessage({ id: message.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RowsReply),
  );
});

