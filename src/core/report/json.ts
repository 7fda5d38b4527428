/**
 * The report as JSON: the one place that serializes it. Keys keep the order the analysis built them in,
 * two-space indent, newline at the end. Non-finite numbers (an AUC on too little data) become `null`, as
 * JSON.stringify writes them; readers treat `null` there as "not available".
 */
import type { GapReport } from './types';

/** The whole report as one string: for reports that fit one (see {@link formatJsonChunks} for any size). */
export function formatJson(report: GapReport): string {
  return Array.from(formatJsonChunks(report)).join('');
}

/** Rows per chunk of {@link formatJsonChunks}: a few megabytes of text. */
const ROWS_PER_CHUNK = 4096;

/**
 * The same text as {@link formatJson}, in pieces: the report without its row lists, cut where each list goes, and
 * each list a few thousand rows at a time. A million rows' JSON is longer than the longest string JavaScript can
 * hold (about 512 MB), so a caller that writes a file or a pipe takes the pieces one by one.
 *
 * @example for (const piece of formatJsonChunks(report)) process.stdout.write(piece)
 */
export function* formatJsonChunks(report: GapReport): Generator<string> {
  const lists: (readonly unknown[])[] = [report.reference.rows, ...report.datasets.map((dataset) => dataset.rows)];
  const marker = (k: number) => `\u0000synthgap-rows-${k}\u0000`;
  const skeleton = {
    ...report,
    reference: { ...report.reference, rows: marker(0) },
    datasets: report.datasets.map((dataset, i) => ({ ...dataset, rows: marker(i + 1) })),
  };
  const text = JSON.stringify(skeleton, null, 2);
  const quoted = (k: number) => JSON.stringify(marker(k));
  let at = 0;
  for (let k = 0; k < lists.length; k++) {
    const found = text.indexOf(quoted(k), at);
    const lineStart = text.lastIndexOf('\n', found) + 1;
    const indent = /^ */.exec(text.slice(lineStart, found))?.[0] ?? '';
    yield text.slice(at, found);
    yield* listChunks(lists[k], indent);
    at = found + quoted(k).length;
  }
  yield `${text.slice(at)}\n`;
}

/** An array as JSON.stringify(…, null, 2) writes it on a line indented by `indent`, in pieces. */
function* listChunks(items: readonly unknown[], indent: string): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  let piece = '[';
  for (let i = 0; i < items.length; i++) {
    piece += `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(items[i], null, 2).replaceAll('\n', `\n${inner}`)}`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n${indent}]`;
}
