import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SnapshotRowInput } from '../../../src/core/exporters/panel';
import { buildPanelSnapshot, DEFAULT_ROWS_QUERY, rowsPage } from '../../../src/core/exporters/panel';
import type { RowsQuery } from '../../../src/shared/panel';
import { fixtureReport, GAP_FILE, REFERENCE_FILE } from './fixtureReport';

function row(line: number, score: number, extra: Partial<SnapshotRowInput> = {}): SnapshotRowInput {
  return { line, text: `row ${line}`, score, percentile: score, flagged: score > 0.7, reasons: [], ...extra };
}

function rowsOf(report = fixtureReport()): SnapshotRowInput[] {
  return report.datasets[0].rows.map((result) => ({ ...result, text: `text of line ${result.line}` }));
}

const query = (changes: Partial<RowsQuery>): RowsQuery => ({ ...DEFAULT_ROWS_QUERY, ...changes });

describe('buildPanelSnapshot', () => {
  it('carries the dataset, the reference and the first page of the most synthetic-looking rows', () => {
    const report = fixtureReport();
    const snapshot = buildPanelSnapshot(report, 0, { uri: 'file:///w/a.jsonl', seq: 7, rows: rowsOf(report) });
    assert.equal(snapshot.seq, 7);
    assert.equal(snapshot.uri, 'file:///w/a.jsonl');
    assert.equal(snapshot.file, GAP_FILE);
    assert.deepEqual(snapshot.referenceFiles, [REFERENCE_FILE]);
    assert.equal(snapshot.toolVersion, '0.1.0');
    assert.equal(snapshot.summary.auc, 0.912);
    assert.equal(snapshot.skipped, 7);
    assert.equal(snapshot.referenceSkipped, 2);
    assert.equal(snapshot.gaps.length, report.datasets[0].gaps.length);
    assert.deepEqual(snapshot.leakage, { exact: 2, near: 5, similarityThreshold: 0.95 });
    assert.equal(snapshot.hasLabels, true);
    assert.equal(snapshot.rows.total, 2400);
    assert.equal(snapshot.rows.rows.length, 50);
    assert.deepEqual(snapshot.rows.query, DEFAULT_ROWS_QUERY);
    assert.equal(snapshot.rows.rows[0].line, 118, 'the top-scoring row comes first');
    assert.equal(snapshot.probe, undefined);
    assert.equal(snapshot.map, undefined);
  });

  it('passes the probe, the map and the noise profile through when present', () => {
    const report = fixtureReport();
    const map = { method: 'pca' as const, points: [], missing: [], realRows: 0, syntheticRows: 0, embedder: 'e' };
    const withMap = { ...report, datasets: [{ ...report.datasets[0], map }] };
    const score = (accuracy: number) => ({ accuracy, low: accuracy - 0.02, high: accuracy + 0.02, macroF1: accuracy, trainedRows: 100 });
    const probe = { state: 'done' as const, realOnly: score(0.8), syntheticOnly: score(0.6), blend: score(0.82) };
    const snapshot = buildPanelSnapshot(withMap, 0, { uri: 'u', seq: 1, rows: [], probe });
    assert.deepEqual(snapshot.map, map);
    assert.deepEqual(snapshot.probe, probe);
    assert.deepEqual(snapshot.noiseProfile, report.reference.noiseProfile);
    assert.equal(snapshot.hasLabels, false, 'no rows means no labels on the synthetic side');
  });

  it('caps the errors at 50 and throws on a missing dataset', () => {
    const report = fixtureReport();
    const errors = Array.from({ length: 80 }, (_, i) => ({ file: GAP_FILE, line: i + 1, message: 'bad' }));
    const many = { ...report, datasets: [{ ...report.datasets[0], errors }] };
    assert.equal(buildPanelSnapshot(many, 0, { uri: 'u', seq: 1, rows: [] }).errors.length, 50);
    assert.throws(() => buildPanelSnapshot(report, 5, { uri: 'u', seq: 1, rows: [] }), RangeError);
  });

  it('uses the first page query it is given', () => {
    const snapshot = buildPanelSnapshot(fixtureReport(), 0, { uri: 'u', seq: 1, rows: rowsOf(), firstPage: query({ sort: 'line', descending: false, limit: 10 }) });
    assert.deepEqual(snapshot.rows.rows.map((r) => r.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('rowsPage', () => {
  const rows = [row(5, 0.5), row(2, 0.9), row(9, 0.5), row(1, 0.1), row(3, 0.9, { label: 'b' }), row(4, 0.2, { label: 'a' })];

  it('sorts by score, breaking ties by line whatever the direction', () => {
    assert.deepEqual(rowsPage(rows, query({})).rows.map((r) => r.line), [2, 3, 5, 9, 4, 1]);
    assert.deepEqual(rowsPage(rows, query({ descending: false })).rows.map((r) => r.line), [1, 4, 5, 9, 2, 3]);
  });

  it('sorts by line and by label (rows without a label first)', () => {
    assert.deepEqual(rowsPage(rows, query({ sort: 'line', descending: true })).rows.map((r) => r.line), [9, 5, 4, 3, 2, 1]);
    assert.deepEqual(rowsPage(rows, query({ sort: 'label', descending: false })).rows.map((r) => r.line), [1, 2, 5, 9, 4, 3]);
  });

  it('orders chat turns of one line by turn', () => {
    const chat = [row(7, 0.5, { turn: 2 }), row(7, 0.5, { turn: 0 }), row(7, 0.5)];
    const turns = rowsPage(chat, query({ sort: 'line', descending: false })).rows.map((r) => r.turn ?? 0);
    assert.deepEqual(turns, [0, 0, 2]);
  });

  it('pages with offset and limit, and reports the total that matches the filter', () => {
    const page = rowsPage(rows, query({ offset: 2, limit: 2 }));
    assert.deepEqual(page.rows.map((r) => r.line), [5, 9]);
    assert.equal(page.total, 6);
    const flagged = rowsPage(rows, query({ flaggedOnly: true }));
    assert.deepEqual(flagged.rows.map((r) => r.line), [2, 3]);
    assert.equal(flagged.total, 2);
    assert.deepEqual(rowsPage(rows, query({ offset: 100 })).rows, []);
  });

  it('caps the limit at 1,000 and clamps broken queries', () => {
    const many = Array.from({ length: 1500 }, (_, i) => row(i + 1, 0.5));
    assert.equal(rowsPage(many, query({ limit: 5000 })).rows.length, 1000);
    assert.equal(rowsPage(many, query({ limit: 5000 })).query.limit, 1000);
    const broken = rowsPage(many, query({ limit: NaN, offset: -4 }));
    assert.equal(broken.query.offset, 0);
    assert.equal(broken.rows.length, 50);
    assert.equal(rowsPage(many, query({ limit: 0 })).rows.length, 1);
  });

  it('cuts texts at 500 characters with an ellipsis and keeps them as given otherwise', () => {
    const page = rowsPage([row(1, 0.5, { text: 'y'.repeat(900) }), row(2, 0.4, { text: '<img src=x onerror=alert(1)>' })], DEFAULT_ROWS_QUERY);
    assert.equal(Array.from(page.rows[0].text).length, 500);
    assert.ok(page.rows[0].text.endsWith('…'));
    assert.equal(page.rows[1].text, '<img src=x onerror=alert(1)>');
  });

  it('sorts NaN scores last when descending and never changes its input', () => {
    const input = [row(1, NaN), row(2, 0.3)];
    assert.deepEqual(rowsPage(input, DEFAULT_ROWS_QUERY).rows.map((r) => r.line), [2, 1]);
    assert.deepEqual(input.map((r) => r.line), [1, 2]);
  });

  it('gives early pages of a big file in the same order as a full sort, ties and all', () => {
    const many = Array.from({ length: 4000 }, (_, i) => row(4000 - i, Math.round(((i * 7919) % 1000) / 10) / 100, { flagged: i % 3 === 0, ...(i % 5 ? { label: `l${i % 4}` } : {}) }));
    for (const sort of ['score', 'line', 'label'] as const) {
      for (const descending of [true, false]) {
        const full = rowsPage(many, query({ sort, descending, limit: 1000, offset: 0 })).rows.concat(rowsPage(many, query({ sort, descending, limit: 1000, offset: 1000 })).rows);
        for (const [offset, limit] of [[0, 50], [50, 50], [120, 7], [400, 99]]) {
          assert.deepEqual(rowsPage(many, query({ sort, descending, offset, limit })).rows, full.slice(offset, offset + limit), `${sort} ${descending} ${offset}`);
        }
      }
    }
  });

  it('gives an empty page for no rows', () => {
    assert.deepEqual(rowsPage([], DEFAULT_ROWS_QUERY), { query: DEFAULT_ROWS_QUERY, total: 0, rows: [] });
  });
});
