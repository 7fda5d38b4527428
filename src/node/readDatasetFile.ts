import { createReadStream } from 'node:fs';
import { readDataset, type ParsedDataset, type ReadOptions } from '../core';

/** A file the user named that cannot be read at all (missing, a folder, no permission). */
export class UnreadableFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** Streams a dataset file from disk through the core reader; the file is never held twice in memory. */
export async function readDatasetFile(file: string, options: Omit<ReadOptions, 'fileName'> = {}): Promise<ParsedDataset> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    return await readDataset(stream as AsyncIterable<Uint8Array>, { ...options, fileName: file });
  } catch (error) {
    throw unreadable(error, file);
  } finally {
    stream.destroy();
  }
}

/** A failed read as the user should see it: an UnreadableFileError when they can fix it, else the error itself. */
export function unreadable(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnreadableFileError(file, 'no such file');
  if (code === 'EISDIR') return new UnreadableFileError(file, 'it is a folder, not a file');
  if (code === 'EACCES') return new UnreadableFileError(file, 'permission denied');
  return error;
}
