/**
 * The report as JSON: the one place that serializes it. Keys keep the order the analysis built them in,
 * two-space indent, newline at the end. Non-finite numbers (an AUC on too little data) become `null`, as
 * JSON.stringify writes them; readers treat `null` there as "not available".
 */
import type { GapReport } from '../report/types';

/** The whole report as one string: for reports that fit one (see {@link formatJsonChunks} for any size). */
export function formatJson(report: GapReport): string {
  return Array.from(formatJsonChunks(report)).join('');
}

/** Items per chunk of {@link formatJsonChunks}: a row is under a kilobyte of JSON, so a chunk is a few megabytes. */
const ITEMS_PER_CHUNK = 4096;

/**
 * The same text as {@link formatJson}, in pieces: the report without its per-row lists (rows and skipped lines of
 * the reference and of each dataset), cut where each list goes, and each list a few thousand items at a time. A
 * million rows' JSON is longer than the longest string JavaScript can hold (about 512 MB), so a caller that writes
 * a file or a pipe takes the pieces one by one.
 *
 * @example for (const piece of formatJsonChunks(report)) process.stdout.write(piece)
 */
export function* formatJsonChunks(report: GapReport): Generator<string> {
  const lists: (readonly unknown[])[] = [];
  const marker = (list: readonly unknown[]) => `\u0000synthgap-list-${lists.push(list) - 1}\u0000`;
  const skeleton = {
    ...report,
    reference: { ...report.reference, errors: marker(report.reference.errors), rows: marker(report.reference.rows) },
    datasets: report.datasets.map((dataset) => ({ ...dataset, errors: marker(dataset.errors), rows: marker(dataset.rows) })),
  };
  const text = JSON.stringify(skeleton, null, 2);
  // Each list where its marker landed, in the order of the text (whatever order the report's keys come in).
  const places = lists.map((list, k) => ({ list, quoted: JSON.stringify(`\u0000synthgap-list-${k}\u0000`) })).map((place) => ({ ...place, found: text.indexOf(place.quoted) }));
  places.sort((a, b) => a.found - b.found);
  let at = 0;
  for (const { list, quoted, found } of places) {
    const lineStart = text.lastIndexOf('\n', found) + 1;
    const indent = /^ */.exec(text.slice(lineStart, found))?.[0] ?? '';
    yield text.slice(at, found);
    yield* listChunks(list, indent);
    at = found + quoted.length;
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
    if ((i + 1) % ITEMS_PER_CHUNK === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n${indent}]`;
}
