/**
 * Panel fixtures built from the report fixture: rows with texts (some hostile), a map with missing regions,
 * the snapshot of the gap dataset, the static page data, and a big variant for timing.
 */
import type { SnapshotRowInput } from '../../src/core/exporters/panel';
import { buildPanelSnapshot } from '../../src/core/exporters/panel';
import type { DatasetReport, GapReport, MapPoint, MapReport, NoiseProfileSummary } from '../../src/core/report/types';
import type { PanelProbe, PanelSnapshot, RowsQuery, StaticPanelData } from '../../src/shared/panel';
import { seededRandom } from '../../src/core/stats/random';
import { fixtureReport, HOSTILE_HTML, HOSTILE_SCRIPT, MARKDOWN_TRICKY, REFERENCE_FILE } from '../unit/report/fixtureReport';

const TEXTS = [
  'Hi there! I hope this message finds you well. I would like to delve into the status of my recent order.',
  'Rest assured, I understand your frustration and will help you resolve this seamlessly.',
  'Could you please help me update the billing address on my account?',
  'I am writing to inquire about the return policy for items purchased online.',
  'Thank you so much for your prompt assistance! Have a wonderful day!',
];

/** The text of dataset row `line`: hostile on the top-scoring row and on a few fixed lines. */
export function rowText(line: number): string {
  if (line === 118) return HOSTILE_HTML;
  if (line === 2) return `Paste this: ${HOSTILE_SCRIPT}`;
  if (line === 3) return `${MARKDOWN_TRICKY} & <b>bold</b>`;
  if (line === 4) return 'x'.repeat(900);
  return `${TEXTS[line % TEXTS.length]} (row ${line})`;
}

export function fixtureRows(dataset: DatasetReport): SnapshotRowInput[] {
  return dataset.rows.map((row) => ({ ...row, text: rowText(row.line) }));
}

/** A seeded map of `real` and `synthetic` points with the coverage fixture's missing clusters circled. */
export function fixtureMap(dataset: DatasetReport, real = 300, synthetic = 300): MapReport {
  const random = seededRandom(9);
  const points: MapPoint[] = [];
  for (let i = 0; i < real; i++) {
    points.push({ side: 'real', x: random() * 1.6 - 0.9, y: random() * 1.6 - 0.8, file: REFERENCE_FILE, line: i + 1, text: i === 0 ? HOSTILE_HTML : `real row ${i + 1}`, label: 'billing' });
  }
  const rows = dataset.rows;
  for (let i = 0; i < synthetic && i < rows.length; i++) {
    const row = rows[i];
    points.push({ side: 'synthetic', x: random() * 1.2 - 0.2, y: random() * 1.2 - 0.4, file: dataset.file, line: row.line, text: rowText(row.line).slice(0, 160), flagged: row.flagged, ...(row.turn !== undefined ? { turn: row.turn } : {}) });
  }
  const missing = dataset.coverage.missing.map((cluster, i) => ({ cluster: cluster.id, x: -0.7 + i * 0.3, y: 0.6 - i * 0.4, radius: 0.15 }));
  return { method: 'pca', points, missing, realRows: real, syntheticRows: Math.min(synthetic, rows.length), embedder: 'hashed-tfidf-512' };
}

export const FIXTURE_NOISE: NoiseProfileSummary = {
  rows: 1800,
  sentences: [
    '38% of real rows have a typo.',
    '23% of real rows start in lower case; 9% are all lower case.',
    '41% of real rows end without a full stop, question or exclamation mark.',
    `12% of real rows use slang such as "lol" or "tbh"; one quotes ${HOSTILE_HTML}.`,
  ],
  typoRowShare: 0.38,
  typosPerWord: 0.06,
  startsLowercaseShare: 0.23,
  allLowercaseShare: 0.09,
  noTerminalShare: 0.41,
  noPunctuationShare: 0.12,
  repeatedPunctuationShare: 0.07,
  contractionShare: 0.59,
  bareContractionShare: 0.18,
  slangRowShare: 0.12,
  slangWords: ['lol', 'tbh', 'pls', 'ur', 'idk'],
  stockPhraseShare: 0.04,
  politenessShare: 0.21,
  wordQuantiles: [4, 7, 12, 19, 28],
};

/** A probe as the server sends it: accuracies with Wilson intervals over 360 rows, the CLI's sentences, 19 labels. */
export const FIXTURE_PROBE: PanelProbe = {
  state: 'done',
  realOnly: { accuracy: 0.84, low: 0.799, high: 0.874, macroF1: 0.82, trainedRows: 1800 },
  syntheticOnly: { accuracy: 0.61, low: 0.559, high: 0.658, macroF1: 0.57, trainedRows: 2400 },
  blend: { accuracy: 0.86, low: 0.821, high: 0.892, macroF1: 0.85, trainedRows: 4200 },
  testRows: 360,
  labels: 19,
  folds: 3,
  sentences: ['Adding the synthetic rows to the real ones: +2.0 points (95% interval -0.4 to +4.4). No clear effect either way.', 'Synthetic rows instead of real ones: -23.0 points (95% interval -28.1 to -17.9).'],
  // The learning curve over a fold's 1,200 real rows; 61% is met between 200 and 400 rows.
  curve: [
    { rows: 25, accuracy: 0.12, low: 0.09, high: 0.15 },
    { rows: 50, accuracy: 0.2, low: 0.16, high: 0.24 },
    { rows: 100, accuracy: 0.32, low: 0.28, high: 0.37 },
    { rows: 200, accuracy: 0.48, low: 0.43, high: 0.53 },
    { rows: 400, accuracy: 0.66, low: 0.62, high: 0.7 },
    { rows: 1200, accuracy: 0.84, low: 0.8, high: 0.87 },
  ],
  worth: { relation: 'about', estimate: 331, low: 280, high: 390, accuracy: 0.61 },
  worthSentence: 'Your 2,400 synthetic rows train about as well as 330 real rows (95% interval 280 to 390); added to your real rows (1,200 a fold) they add +2.0 points (95% interval -0.4 to +4.4).',
};

export interface FixtureOptions {
  readonly seq?: number;
  readonly probe?: PanelProbe;
  readonly firstPage?: RowsQuery;
}

/** The gap dataset's report with a map, and its rows with texts. */
export function fixtureReportWithMap(): { report: GapReport; rows: SnapshotRowInput[] } {
  const base = fixtureReport();
  const dataset = { ...base.datasets[0], map: fixtureMap(base.datasets[0]) };
  const reference = { ...base.reference, noiseProfile: FIXTURE_NOISE };
  return { report: { ...base, reference, datasets: [dataset, ...base.datasets.slice(1)] }, rows: fixtureRows(dataset) };
}

export function fixtureSnapshot(options: FixtureOptions = {}): PanelSnapshot {
  const { report, rows } = fixtureReportWithMap();
  return buildPanelSnapshot(report, 0, { uri: 'file:///work/data/synthetic-v1.jsonl', seq: options.seq ?? 1, rows, ...(options.firstPage ? { firstPage: options.firstPage } : {}), ...(options.probe ? { probe: options.probe } : {}) });
}

export function fixtureStaticData(theme: StaticPanelData['theme'] = 'dark', options: FixtureOptions = {}): StaticPanelData {
  const { report, rows } = fixtureReportWithMap();
  const snapshot = buildPanelSnapshot(report, 0, { uri: 'file:///work/data/synthetic-v1.jsonl', seq: options.seq ?? 1, rows, ...(options.probe ? { probe: options.probe } : {}) });
  const all = buildPanelSnapshot(report, 0, { uri: snapshot.uri, seq: snapshot.seq, rows, firstPage: { offset: 0, limit: 1000, sort: 'score', descending: true, flaggedOnly: false } }).rows.rows;
  return { datasets: [{ snapshot, rows: all, totalRows: rows.length }], theme };
}

/** A dataset of `count` rows with a map capped at `mapPoints` per side, for timing the first render. */
export function bigStaticData(count: number, mapPoints = 2000): StaticPanelData {
  const base = fixtureReport();
  const random = seededRandom(11);
  const rows: SnapshotRowInput[] = Array.from({ length: count }, (_, i) => {
    const score = Math.round(random() * 1000) / 1000;
    return { line: i + 1, text: rowText(i + 1), score, percentile: score, flagged: score > 0.95, label: ['billing', 'shipping'][i % 2], reasons: [] };
  });
  const resultRows = rows.map((row) => ({ line: row.line, start: 0, end: 10, score: row.score, percentile: row.percentile, flagged: row.flagged, reasons: [], ...(row.label ? { label: row.label } : {}) }));
  const dataset: DatasetReport = { ...base.datasets[0], rows: resultRows, summary: { ...base.datasets[0].summary, rows: count, flagged: rows.filter((row) => row.flagged).length } };
  const withMap = { ...dataset, map: fixtureMap(dataset, mapPoints, mapPoints) };
  const report = { ...base, datasets: [withMap] };
  const snapshot = buildPanelSnapshot(report, 0, { uri: 'file:///big.jsonl', seq: 1, rows });
  const embedded = buildPanelSnapshot(report, 0, { uri: 'file:///big.jsonl', seq: 1, rows, firstPage: { offset: 0, limit: 1000, sort: 'score', descending: true, flaggedOnly: false } }).rows.rows;
  return { datasets: [{ snapshot, rows: embedded, totalRows: count, rowsNote: `This page holds ${embedded.length} of ${count} rows.` }], theme: 'dark' };
}
