/**
 * Test helpers: a copy of a report with every string replaced (file names, labels, messages, examples, enum
 * values too), to check that no field reaches an export unescaped.
 */
import type { GapReport } from '../../../src/core/report/types';

export function withEveryString(report: GapReport, text: string): GapReport {
  return replaceStrings(report, text) as GapReport;
}

function replaceStrings(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, text));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, text)]));
  }
  return value;
}

/** Cells of a GFM table row, honoring backslash escapes. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      current += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  cells.push(current);
  // The leading and trailing pipes leave an empty string at each end.
  return cells.slice(1, -1).map((cell) => cell.trim());
}

/** Every table in the document: its header cells and the cells of each body row. */
export function tables(markdown: string): { header: string[]; rows: string[][] }[] {
  const found: { header: string[]; rows: string[][] }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\| ---/.test(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(tableCells(lines[j]));
    found.push({ header: tableCells(lines[i]), rows });
    i = j;
  }
  return found;
}
