import type { ParsedDataset } from '../dataset/types';

const LF = 10;

/**
 * Byte offset of the start of each line, 1-based: line L spans `[starts[L - 1], starts[L])`, the last entry
 * is the length. Lines end at `\n` (a `\r` before it stays part of the line), as the dataset reader counts
 * them. Empty input has no lines.
 *
 * @example lineStarts(new TextEncoder().encode('a\nbc\n')) // [0, 2, 5]
 */
export function lineStarts(bytes: Uint8Array): Float64Array {
  let count = 0;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) count++;
  const trailing = bytes.length > 0 && bytes[bytes.length - 1] !== LF ? 1 : 0;
  const starts = new Float64Array(count + trailing + 1);
  let line = 1;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) starts[line++] = at + 1;
  starts[starts.length - 1] = bytes.length;
  return starts;
}

/**
 * Which lines to leave out, as a 0/1 flag per line (index 0 unused), given which rows are kept. A JSONL line
 * goes when every row read from it goes (a chat line yields one row per turn). A CSV or TSV record goes
 * whole: from its first line up to the line before the next record or skipped line, not counting blank lines
 * at its end. Lines with read errors, headers and blank lines always stay.
 *
 * @example droppedLines(data, Uint8Array.of(1, 0, 1), starts, bytes) // line of the second row flagged 1
 */
export function droppedLines(data: Pick<ParsedDataset, 'format' | 'rows' | 'errors'>, keep: Uint8Array, starts: Float64Array, bytes: Uint8Array): Uint8Array {
  const lines = starts.length - 1;
  const flags = new Uint8Array(lines + 1);
  const kept = new Uint8Array(lines + 1);
  data.rows.forEach((row, i) => {
    if (row.line > lines) return;
    if (keep[i]) kept[row.line] = 1;
    else flags[row.line] = 1;
  });
  for (let line = 1; line <= lines; line++) if (kept[line]) flags[line] = 0;
  if (data.format === 'jsonl') return flags;
  // A record runs until the next line where something starts: a row, a kept row or a reported error.
  const startsHere = new Uint8Array(lines + 2);
  for (const row of data.rows) if (row.line <= lines) startsHere[row.line] = 1;
  for (const error of data.errors) if (error.line <= lines) startsHere[error.line] = 1;
  startsHere[lines + 1] = 1;
  for (let line = 1; line <= lines; line++) {
    if (!flags[line]) continue;
    let end = line + 1;
    while (!startsHere[end]) end++;
    while (end - 1 > line && isBlankLine(bytes, starts, end - 1)) end--;
    for (let l = line + 1; l < end; l++) flags[l] = 1;
    line = end - 1;
  }
  return flags;
}

/**
 * The bytes of every line not flagged, unchanged and in order. A byte-order mark at the start survives the
 * first line's removal, so the encoding a reader sees does not change.
 *
 * @example new TextDecoder().decode(keptBytes(bytes, lineStarts(bytes), flags))
 */
export function keptBytes(bytes: Uint8Array, starts: Float64Array, flags: Uint8Array): Uint8Array {
  const lines = starts.length - 1;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && lines > 0 && flags[1] ? 3 : 0;
  let size = bom;
  for (let line = 1; line <= lines; line++) if (!flags[line]) size += starts[line] - starts[line - 1];
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, bom), 0);
  let at = bom;
  let line = 1;
  while (line <= lines) {
    if (flags[line]) {
      line++;
      continue;
    }
    // Copy each run of kept lines in one call.
    let end = line;
    while (end + 1 <= lines && !flags[end + 1]) end++;
    out.set(bytes.subarray(starts[line - 1], starts[end]), at);
    at += starts[end] - starts[line - 1];
    line = end + 1;
  }
  return out;
}

function isBlankLine(bytes: Uint8Array, starts: Float64Array, line: number): boolean {
  for (let at = starts[line - 1]; at < starts[line]; at++) {
    const b = bytes[at];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== LF) return false;
  }
  return true;
}
