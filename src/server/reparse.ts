import { readDataset, type DatasetRow, type ParsedDataset, type ReadOptions, type RowError } from '../core';

/**
 * The dataset after an edit, parsing only the lines that changed: the unchanged prefix and suffix of the text
 * keep their rows (those after the edit move by the lines it added or removed). JSONL lines stand alone, so
 * this gives what a full parse gives; CSV and TSV records can span lines and depend on the header, so they
 * are parsed whole. The text and label fields of the first parse are kept, so a small edit cannot re-detect
 * other ones.
 *
 * @example await reparse(before, parsed, after, { fileName: 'data.jsonl' }) // rows of `after`
 */
export async function reparse(before: string, parsed: ParsedDataset, after: string, options: ReadOptions): Promise<ParsedDataset> {
  if (parsed.format !== 'jsonl') return readDataset(after, options);
  const limit = Math.min(before.length, after.length);
  // Equal blocks first (string equality is a memory compare), then character by character.
  let prefix = 0;
  while (prefix + BLOCK <= limit && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix === before.length && prefix === after.length) return parsed;
  let suffix = 0;
  while (suffix + BLOCK <= limit - prefix && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;

  // Whole lines around the change: from the start of the first changed line to the end of the last.
  const start = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1;
  const endOf = (text: string) => {
    const newline = text.indexOf('\n', text.length - suffix);
    return newline < 0 ? text.length : newline + 1;
  };
  const beforeEnd = endOf(before);
  const afterEnd = endOf(after);
  const firstLine = countLines(before, 0, start) + 1;
  const beforeSpan = spannedLines(before, start, beforeEnd);
  const shift = spannedLines(after, start, afterEnd) - beforeSpan;

  const chunk = await readDataset(after.slice(start, afterEnd), {
    ...options,
    format: 'jsonl',
    textField: parsed.textField,
    labelField: parsed.labelField ?? false,
    // The roles the whole file was read for, not those of the changed lines (one role reads a row per turn).
    ...(parsed.role !== undefined ? { role: parsed.role } : {}),
  });
  const offset = firstLine - 1;
  const rows: DatasetRow[] = [];
  const errors: RowError[] = [];
  const keep = <T extends { line: number }>(items: readonly T[], out: T[], fresh: readonly T[]) => {
    let i = 0;
    for (; i < items.length && items[i].line < firstLine; i++) out.push(items[i]);
    for (const item of fresh) out.push({ ...item, line: item.line + offset });
    for (; i < items.length; i++) {
      const item = items[i];
      if (item.line >= firstLine + beforeSpan) out.push(shift === 0 ? item : { ...item, line: item.line + shift });
    }
  };
  keep(parsed.rows, rows, chunk.rows);
  keep(parsed.errors, errors, chunk.errors);
  return { ...parsed, rows, errors };
}

const BLOCK = 4096;

/** Lines that `text[from, to)` touches: its line breaks, plus one for a last line without a break. */
function spannedLines(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return countLines(text, from, to) + (text.charCodeAt(to - 1) === 10 ? 0 : 1);
}

/** Line breaks in `text[from, to)`. */
function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
