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
