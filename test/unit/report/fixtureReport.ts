/**
 * A realistic GapReport for exporter and webview tests: a customer-support intent dataset compared with two
 * synthetic versions. `data/synthetic-v1.jsonl` has a clear gap, skipped lines, labels on one side only,
 * near-duplicate groups, missing coverage clusters and leaked rows; `data/synthetic-v2.jsonl` has no gap.
 * Some dataset text is hostile on purpose (HTML, a closing script tag, Markdown pipes and backticks), as real
 * scraped data often is. Row scores come from a seeded generator, so every call returns the same report;
 * each call returns a fresh object that a test may change.
 */
import { decideGapKind } from '../../../src/core/gap/gapKind';
import type { DatasetReport, Distribution, FeatureGap, FileError, GapReport, ReferenceRow, RowReason, RowResult } from '../../../src/core/report/types';
import { SCHEMA_VERSION } from '../../../src/core/report/types';
import { seededRandom, type Random } from '../../../src/core/stats/random';

export const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
/** Text that breaks a Markdown table or opens a code span unless escaped. */
export const MARKDOWN_TRICKY = 'Run `ls | wc -l` first';

export const REFERENCE_FILE = 'data/real.jsonl';
export const GAP_FILE = 'data/synthetic-v1.jsonl';
export const NO_GAP_FILE = 'data/synthetic-v2.jsonl';

const REAL_LABELS = ['billing', 'shipping', 'returns', 'account'];
const SYNTHETIC_LABELS = ['billing', 'shipping', 'returns', 'warranty'];

export function fixtureReport(): GapReport {
  const gap = gapDataset();
  const noGap = noGapDataset();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'synthgap', version: '0.1.0' },
    settings: { seed: 42, folds: 5, flagQuantile: 0.95, embedder: 'hashed-tfidf-512', textField: 'text', labelField: 'intent' },
    reference: {
      files: [REFERENCE_FILE],
      skipped: 2,
      errors: [
        { file: REFERENCE_FILE, line: 311, message: 'invalid JSON (Unexpected end of JSON input)' },
        { file: REFERENCE_FILE, line: 1207, message: 'no "text" field' },
      ],
      rows: referenceRows(1800, seededRandom(1)),
    },
    datasets: [gap, noGap],
    warnings: [
      'Phrase counts rest on a seeded sample of 2,000 rows per side.',
      'data/synthetic-v2.jsonl: 4 rows are longer than 10,000 characters; only their first 10,000 were analyzed.',
    ],
  };
}

function gapDataset(): DatasetReport {
  const random = seededRandom(2);
  const rows = datasetRows(2400, random, (r) => Math.pow(r, 0.55) * 0.99, 0.73, SYNTHETIC_LABELS);
  // The top row carries text that must stay inert in every export.
  rows[117] = { ...rows[117], score: 0.998, percentile: 1, flagged: true, reasons: [
    { code: 'stock-phrase', message: `Opens with a stock phrase: "${MARKDOWN_TRICKY}"` },
    { code: 'phrase:delve into', message: `Uses "delve into", which synthetic rows use 137× as often as real ones; quotes ${HOSTILE_HTML}` },
  ] };
  const flagged = rows.filter((row) => row.flagged).length;
  return {
    file: GAP_FILE,
    skipped: 7,
    errors: [17, 240, 241, 988, 1503, 2050, 2391].map((line, i) => fileError(GAP_FILE, line, i)),
    summary: {
      rows: rows.length,
      referenceRows: 1800,
      auc: 0.912,
      aucLow: 0.901,
      aucHigh: 0.923,
      verdict: 'large-gap',
      headline: 'A large gap: shown one real and one synthetic row, a classifier picks the synthetic one 91% of the time (50% is chance); a model trained on this data will meet text unlike it.',
      flagged,
      flagThreshold: 0.73,
      referenceFlaggedShare: 0.05,
      gapKind: 'wording',
      gapKindEvidence: decideGapKind({ verdict: 'large-gap', auc: 0.91, styleAuc: 0.7, uncovered: { share: 0.14, expected: 0.1 }, registerReal: 0.002, registerSynthetic: 0.21 }),
    },
    gaps: [
      numericGap('words', 'Words per row', 1.31, 0.48, 'Synthetic rows are longer: 26 words on average against 14 in real rows.',
        [0, 5, 10, 15, 20, 25, 30, 40, 60], [12, 30, 24, 14, 8, 6, 4, 2], [1, 3, 8, 14, 22, 26, 20, 6]),
      binaryGap('stock-phrase', 'Uses a stock phrase', 0.31, 0.74, '35% of synthetic rows use a stock phrase, against 4% of real rows.', 0.04, 0.35),
      numericGap('typos', 'Typos per 100 words', -0.92, 0.41, 'Synthetic rows have fewer typos: 0.7 per 100 words against 2.9 in real rows.',
        [0, 1, 2, 3, 4, 6, 8, 12], [28, 20, 16, 12, 12, 7, 5], [86, 9, 3, 1, 1, 0, 0]),
      binaryGap('contractions', 'Uses contractions', -0.28, 0.58, '31% of synthetic rows use contractions such as "don\'t", against 59% of real rows.', 0.59, 0.31),
      binaryGap('lowercase-start', 'Starts in lower case', -0.21, 0.55, '2% of synthetic rows start in lower case, against 23% of real rows.', 0.23, 0.02),
      numericGap('exclamations', 'Exclamation marks per row', 0.44, 0.19, 'Synthetic rows use more exclamation marks: 1.4 per row against 0.9.',
        [0, 1, 2, 3, 5], [72, 18, 6, 4], [45, 30, 17, 8]),
      numericGap('type-token', 'Distinct words / words', -0.35, 0.16, 'Synthetic rows repeat their own words a little more.',
        [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], [3, 8, 17, 27, 28, 17], [6, 14, 24, 27, 20, 9]),
      numericGap('sentence-length', 'Words per sentence', 0.22, 0.11, 'Sentences are slightly longer in synthetic rows: 12 words against 10.',
        [0, 5, 10, 15, 20, 30], [18, 34, 28, 14, 6], [10, 30, 33, 19, 8]),
    ],
    phrases: {
      overSynthetic: [
        phrase('delve into', 3, 412, 18.2),
        phrase('i hope this message finds you well', 1, 288, 15.9),
        phrase('rest assured', 4, 201, 12.7),
        phrase('seamless', 2, 154, 11.3),
        phrase('i understand your frustration', 6, 140, 10.1),
        phrase('please do not hesitate', 3, 97, 8.8),
      ],
      overReal: [
        phrase('lol', 250, 2, -14.6),
        phrase('tbh', 131, 0, -10.8),
        phrase('pls', 118, 5, -9.4),
        phrase('wtf is', 64, 0, -7.7),
        phrase('ur', 90, 11, -7.1),
        phrase('idk', 58, 3, -6.6),
      ],
      realRows: 1800,
      syntheticRows: 2000,
    },
    diversity: {
      real: { distinct1: 0.41, distinct2: 0.83, compressionRatio: 0.38, meanNearestSimilarity: 0.42, rows: 1800 },
      synthetic: { distinct1: 0.18, distinct2: 0.47, compressionRatio: 0.21, meanNearestSimilarity: 0.71, rows: 2400 },
      nearDuplicateGroups: [
        { size: 14, lines: [33, 91, 412, 870, 1201], examples: ['Hi, I would like to request a refund for my recent order.', 'Hi, I would like to request a refund for my latest order.'] },
        { size: 6, lines: [55, 56, 1404, 1777, 2002], examples: [`Paste this into the chat: ${HOSTILE_SCRIPT}`] },
        { size: 3, lines: [640, 1990, 2310], examples: [`${MARKDOWN_TRICKY}\nthen send me the number.`] },
      ],
      nearDuplicateRows: 20,
      similarityThreshold: 0.92,
      sentence: '20 synthetic rows repeat another synthetic row almost word for word (3 groups); real rows rarely do.',
    },
    coverage: {
      clusters: 24,
      missing: [
        cluster(7, 0.061, 0.002, ['where is my package?? tracking says delivered but nothing here', 'order #4417 still not here after 3 weeks'], [88, 1290], 'shipping'),
        cluster(15, 0.034, 0, [`${HOSTILE_HTML} why does your site show this instead of my invoice`, 'charged twice AGAIN. fix it'], [402, 977], 'billing'),
        cluster(19, 0.022, 0.001, ['ok so i changed my email and now i cant log in & the reset link is dead'], [1555]),
      ],
      syntheticOnly: [
        cluster(31, 0, 0.048, ['I hope this message finds you well. I am writing to inquire about the warranty on my recently purchased blender.'], [12], 'warranty'),
      ],
      sentence: '3 of 24 kinds of real rows have almost no synthetic counterpart; together they hold 12% of real rows.',
    },
    byLabel: {
      labels: [
        { label: 'billing', realRows: 520, syntheticRows: 640, auc: 0.89, topGap: 'words' },
        { label: 'shipping', realRows: 610, syntheticRows: 700, auc: 0.93, topGap: 'stock-phrase' },
        { label: 'returns', realRows: 290, syntheticRows: 560, auc: 0.9, topGap: 'typos' },
      ],
      onlyReal: ['account'],
      onlySynthetic: ['warranty'],
    },
    leakage: {
      exact: 2,
      near: 5,
      rows: [
        { line: 402, referenceFile: REFERENCE_FILE, referenceLine: 77, similarity: 1, exact: true },
        { line: 1650, referenceFile: REFERENCE_FILE, referenceLine: 1502, similarity: 1, exact: true },
        { line: 19, referenceFile: REFERENCE_FILE, referenceLine: 903, similarity: 0.98, exact: false },
        { line: 344, referenceFile: REFERENCE_FILE, referenceLine: 12, similarity: 0.97, exact: false },
        { line: 1021, referenceFile: REFERENCE_FILE, referenceLine: 1333, similarity: 0.97, exact: false },
        { line: 1888, referenceFile: REFERENCE_FILE, referenceLine: 640, similarity: 0.96, exact: false },
        { line: 2299, referenceFile: REFERENCE_FILE, referenceLine: 45, similarity: 0.95, exact: false },
      ],
      similarityThreshold: 0.95,
    },
    rows,
  };
}

function noGapDataset(): DatasetReport {
  const random = seededRandom(3);
  // With no gap a row above the threshold by its score alone is chance and is not flagged (gap/verdict.ts).
  const rows = datasetRows(1500, random, (r) => 0.15 + r * 0.5, 0.61, REAL_LABELS).map((row) => ({ ...row, flagged: false, reasons: [] }));
  return {
    file: NO_GAP_FILE,
    skipped: 0,
    errors: [],
    summary: {
      rows: rows.length,
      referenceRows: 1800,
      auc: 0.523,
      aucLow: 0.497,
      aucHigh: 0.549,
      verdict: 'no-gap',
      headline: 'No measurable gap: shown one real and one synthetic row, a classifier picks the synthetic one 52% of the time, no better than chance.',
      flagged: rows.filter((row) => row.flagged).length,
      flagThreshold: 0.61,
      referenceFlaggedShare: 0.05,
    },
    gaps: [
      numericGap('words', 'Words per row', 0.06, 0.04, 'Row length is about the same: 15 words on average against 14.',
        [0, 5, 10, 15, 20, 25, 30, 40, 60], [12, 30, 24, 14, 8, 6, 4, 2], [11, 29, 25, 15, 8, 6, 4, 2]),
      binaryGap('contractions', 'Uses contractions', -0.02, 0.04, '57% of synthetic rows use contractions, against 59% of real rows.', 0.59, 0.57),
    ],
    phrases: { overSynthetic: [phrase('thank you so much', 40, 52, 2.1)], overReal: [], realRows: 1800, syntheticRows: 1500 },
    diversity: {
      real: { distinct1: 0.41, distinct2: 0.83, compressionRatio: 0.38, meanNearestSimilarity: 0.42, rows: 1800 },
      synthetic: { distinct1: 0.4, distinct2: 0.81, compressionRatio: 0.37, meanNearestSimilarity: 0.44, rows: 1500 },
      nearDuplicateGroups: [],
      nearDuplicateRows: 0,
      similarityThreshold: 0.92,
      sentence: 'No synthetic row repeats another almost word for word.',
    },
    coverage: { clusters: 24, missing: [], syntheticOnly: [], sentence: 'Every kind of real row has synthetic rows near it.' },
    byLabel: {
      labels: REAL_LABELS.map((label, i) => ({ label, realRows: [520, 610, 290, 380][i], syntheticRows: [430, 500, 260, 310][i], auc: [0.51, 0.54, 0.5, 0.53][i] })),
      onlyReal: [],
      onlySynthetic: [],
    },
    leakage: { exact: 0, near: 0, rows: [], similarityThreshold: 0.95 },
    rows,
  };
}

const REASONS: readonly RowReason[] = [
  { code: 'words', message: '27 words, longer than 96% of real rows' },
  { code: 'typos', message: 'No typos, like only 31% of real rows' },
  { code: 'phrase:rest assured', message: 'Uses "rest assured", which synthetic rows use 50× as often as real ones' },
  { code: 'exclamations', message: '3 exclamation marks, more than 96% of real rows' },
  { code: 'wording', message: 'Worded like synthetic rows: its nearest real row is less similar than for 94% of real rows' },
];

/** Rows with scores `shape(uniform)`, flagged above `threshold`, with one to three reasons when flagged. */
function datasetRows(count: number, random: Random, shape: (r: number) => number, threshold: number, labels: readonly string[]): RowResult[] {
  let start = 10;
  const rows: RowResult[] = [];
  for (let i = 0; i < count; i++) {
    const score = Math.round(shape(random()) * 1000) / 1000;
    const flagged = score > threshold;
    const length = 40 + Math.floor(random() * 200);
    const reasons = flagged ? REASONS.slice(i % 3, (i % 3) + 1 + (i % 3)) : [];
    // Every 50th line is a chat line whose second message is the analyzed row.
    const chat = i % 50 === 49;
    rows.push({
      line: i + 1,
      start,
      end: start + length,
      score,
      percentile: Math.min(1, Math.round(score * 1.1 * 1000) / 1000),
      flagged,
      reasons,
      label: labels[i % labels.length],
      ...(chat ? { turn: 1 } : {}),
    });
    start = chat ? 10 : 10 + (i % 7);
  }
  return rows;
}

function referenceRows(count: number, random: Random): ReferenceRow[] {
  return Array.from({ length: count }, (_, i) => ({
    file: REFERENCE_FILE,
    line: i + 1 + (i >= 310 ? 1 : 0) + (i >= 1205 ? 1 : 0),
    score: Math.round(random() * (i % 20 === 0 ? 0.9 : 0.7) * 1000) / 1000,
    label: REAL_LABELS[i % REAL_LABELS.length],
  }));
}

const ERROR_MESSAGES = [
  'invalid JSON (Unexpected token } in JSON at position 42)',
  'no "text" field',
  'the "text" field is a number, not a string',
  'invalid JSON (Unterminated string in JSON at position 88)',
  'empty line',
  'the "text" field is empty',
  'invalid JSON (Bad control character in string literal in JSON at position 17)',
];

function fileError(file: string, line: number, i: number): FileError {
  return { file, line, message: ERROR_MESSAGES[i % ERROR_MESSAGES.length] };
}

/** A numeric gap whose distributions are built from bin weights; mean and median from the bins' midpoints. */
function numericGap(feature: string, name: string, effect: number, ks: number, sentence: string, edges: number[], real: number[], synthetic: number[]): FeatureGap {
  return { feature, name, kind: 'numeric', effect, size: Math.abs(effect), ks, pValue: 1e-12, sentence, real: histogram(edges, real), synthetic: histogram(edges, synthetic) };
}

function histogram(edges: number[], weights: number[]): Distribution {
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => w / total);
  const mids = shares.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  const mean = shares.reduce((sum, share, i) => sum + share * mids[i], 0);
  let cumulative = 0;
  const medianBin = shares.findIndex((share) => (cumulative += share) >= 0.5);
  return { edges, shares, mean, median: mids[medianBin] };
}

function binaryGap(feature: string, name: string, effect: number, size: number, sentence: string, real: number, synthetic: number): FeatureGap {
  const side = (p: number): Distribution => ({ edges: [], shares: [1 - p, p], mean: p, median: p >= 0.5 ? 1 : 0 });
  return { feature, name, kind: 'binary', effect, size, ks: Math.abs(effect), pValue: 1e-9, sentence, real: side(real), synthetic: side(synthetic) };
}

function phrase(text: string, realCount: number, syntheticCount: number, z: number) {
  return { phrase: text, realCount, syntheticCount, z };
}

function cluster(id: number, realShare: number, syntheticShare: number, examples: string[], exampleLines: number[], label?: string) {
  return { id, realShare, syntheticShare, examples, exampleLines, ...(label === undefined ? {} : { label }) };
}
