import type { ParsedDataset } from '../../src/core/dataset/types';

/**
 * The document with every row's text value cut out (a byte-order mark counts as no column): what an edit of
 * the texts must leave unchanged, compared before and after.
 */
export function withoutTexts(document: string, data: ParsedDataset): string {
  const starts = [document.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = document.indexOf('\n'); i >= 0; i = document.indexOf('\n', i + 1)) starts.push(i + 1);
  const parts: string[] = [];
  let at = 0;
  for (const row of data.rows) {
    parts.push(document.slice(at, starts[row.line - 1] + row.textRange.start));
    at = starts[row.line - 1] + row.textRange.end;
  }
  return parts.join('|') + document.slice(at);
}
