import type { DatasetRow } from '../../../src/core/dataset/types';

/** What a row's textRange covers in the document text, counted from the start of the row's line. */
export function rangeText(document: string, row: DatasetRow): string {
  const text = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
  let lineStart = 0;
  for (let line = 1; line < row.line; line++) lineStart = text.indexOf('\n', lineStart) + 1;
  return text.slice(lineStart + row.textRange.start, lineStart + row.textRange.end);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The bytes cut into chunks at the given sorted offsets. */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.slice(start, cut));
    start = cut;
  }
  return chunks;
}

export async function* slowly(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}
