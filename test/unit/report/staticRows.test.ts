import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPanelSnapshot, rowsPage, type SnapshotRowInput } from '../../../src/core/exporters/panel';
import { savedReportPage } from '../../../src/core/exporters/staticPage';
import { INLINE_FLAGGED_ROWS, INLINE_UNFLAGGED_ROWS, staticDataset } from '../../../src/core/exporters/staticRows';
import type { RowsQuery } from '../../../src/shared/panel';
import { fixtureReport } from './fixtureReport';

/** `count` rows with scores falling by line; `isFlagged` decides which are flagged (not always the top scores). */
function rows(count: number, isFlagged: (line: number) => boolean): SnapshotRowInput[] {
  return Array.from({ length: count }, (_, i) => ({ line: i + 1, text: `row ${i + 1}`, score: 1 - i / count, percentile: 0.5, flagged: isFlagged(i + 1), reasons: [] }));
}

function saved(input: SnapshotRowInput[], flagged = input.filter((row) => row.flagged).length) {
  const base = fixtureReport();
  const report = { ...base, datasets: [{ ...base.datasets[0], summary: { ...base.datasets[0].summary, rows: input.length, flagged } }] };
  const snapshot = buildPanelSnapshot(report, 0, { uri: 'file:///d.jsonl', seq: 1, rows: input });
  const queries: RowsQuery[] = [];
  return { queries, data: staticDataset(snapshot, (query) => (queries.push(query), rowsPage(input, query))) };
}

describe('staticDataset: the rows a saved page carries', () => {
  it('keeps every row of a small file, most synthetic-looking first, and says nothing about leaving rows out', async () => {
    const { data } = saved(rows(300, (line) => line % 3 === 0));
    const dataset = await data;
    assert.equal(dataset.rows.length, 300);
    assert.equal(dataset.totalRows, 300);
    assert.equal(dataset.rowsNote, undefined);
    assert.deepEqual(dataset.rows.map((row) => row.line), Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('keeps every flagged row, even far below the top scores, and the most synthetic-looking others', async () => {
    // 50,000 rows; 3,000 flagged rows spread over the whole file (as with the no-gap rule, or ignored rows).
    const { data } = saved(rows(50_000, (line) => line % 16 === 0 || line <= 1000));
    const dataset = await data;
    const flagged = dataset.rows.filter((row) => row.flagged);
    assert.equal(flagged.length, 1000 + 3125 - 62);
    assert.ok(flagged.some((row) => row.line === 49_984), 'the lowest-scoring flagged row');
    assert.equal(dataset.rows.length - flagged.length, INLINE_UNFLAGGED_ROWS);
    assert.equal(dataset.totalRows, 50_000);
    assert.equal(dataset.rowsNote, 'This page holds 5,063 of the 50,000 rows: every flagged row (4,063) and the 1,000 most synthetic-looking rows that are not flagged. The figures above count every row; synthgap check --format json lists them all.');
    assert.ok(dataset.rows.every((row, i) => i === 0 || dataset.rows[i - 1].score >= row.score), 'most synthetic-looking first');
  });

  it('caps the flagged rows on a file that flags nearly everything, and bounds the paging', async () => {
    const { data, queries } = saved(rows(100_000, (line) => line <= 99_000));
    const dataset = await data;
    assert.equal(dataset.rows.filter((row) => row.flagged).length, INLINE_FLAGGED_ROWS);
    assert.deepEqual(dataset.rows.slice(0, 3).map((row) => row.line), [1, 2, 3]);
    assert.match(dataset.rowsNote ?? '', /^This page holds 10,000 of the 100,000 rows: the 10,000 most synthetic-looking of the 99,000 flagged rows\. /);
    assert.ok(queries.length <= 21, `${queries.length} pages asked for`);
    // The page opens on the rows it holds: its first page counts them, not the file's.
    assert.equal(dataset.snapshot.rows.total, 10_000);
    assert.deepEqual(dataset.snapshot.rows.rows.map((row) => row.line), dataset.rows.slice(0, 50).map((row) => row.line));
    assert.ok(queries.every((query) => query.limit <= 1000 && query.sort === 'score' && query.descending));
  });

  it('says when no row is flagged', async () => {
    const { data } = saved(rows(5000, () => false));
    assert.match((await data).rowsNote ?? '', /^This page holds 1,000 of the 5,000 rows: the 1,000 most synthetic-looking rows \(none is flagged\)\. /);
  });

  it('pages through an asynchronous source (the language server) the same way', async () => {
    const input = rows(12_000, (line) => line % 5 === 0);
    const sync = await saved(input).data;
    const base = fixtureReport();
    const snapshot = buildPanelSnapshot({ ...base, datasets: [{ ...base.datasets[0], summary: { ...base.datasets[0].summary, rows: input.length } }] }, 0, { uri: 'file:///d.jsonl', seq: 1, rows: input });
    const async = await staticDataset(snapshot, async (query) => {
      await new Promise((resolve) => setImmediate(resolve));
      return JSON.parse(JSON.stringify(rowsPage(input, query)));
    });
    assert.deepEqual(async.rows, sync.rows);
    assert.equal(async.rowsNote, sync.rowsNote);
  });
});

describe('savedReportPage: the page both writers write', () => {
  const NONCE = 'abcdef0123456789abcdef0123456789';
  const source = (file: string, count: number) => {
    const input = rows(count, (line) => line <= 10);
    const base = fixtureReport();
    const report = { ...base, datasets: [{ ...base.datasets[0], file, summary: { ...base.datasets[0].summary, rows: count, flagged: 10 } }] };
    return { snapshot: buildPanelSnapshot(report, 0, { uri: `file:///w/${file}`, seq: 1, rows: input }), fetchRows: (query: RowsQuery) => rowsPage(input, query) };
  };

  it('names one file in its title and carries one dataset', async () => {
    const { html, datasets } = await savedReportPage([source('data/a.jsonl', 40)], { script: '', style: '', theme: 'dark', nonce: NONCE });
    assert.match(html, /<title>Gap Report: a\.jsonl<\/title>/);
    assert.equal(datasets.length, 1);
    assert.equal(datasets[0].rows.length, 40);
  });

  it('carries several files in the order given, each with its own rows', async () => {
    const { html, datasets } = await savedReportPage([source('a.jsonl', 40), source('b.csv', 25)], { script: '', style: '', theme: 'auto', nonce: NONCE });
    assert.match(html, /<title>Gap Report: 2 files<\/title>/);
    assert.deepEqual(datasets.map((d) => [d.snapshot.file, d.rows.length]), [['a.jsonl', 40], ['b.csv', 25]]);
    assert.match(html, /data-synthgap-theme="auto"/);
  });
});
