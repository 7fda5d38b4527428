import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowsPage } from '../../../src/core/exporters/panel';
import type { RowsQuery } from '../../../src/shared/panel';
import { DEFAULT_ROWS_QUERY, pageRows, sameQuery } from '../../../webview-ui/src/data/rowsPage';
import { sortLabels } from '../../../webview-ui/src/data/sortLabels';
import { restoreUiState } from '../../../webview-ui/src/state';
import { fixtureReportWithMap } from '../../webview/fixtureSnapshot';

describe('the static host\'s paging', () => {
  const { rows } = fixtureReportWithMap();
  const all = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 1000 }).rows.concat(rowsPage(rows, { ...DEFAULT_ROWS_QUERY, offset: 1000, limit: 1000 }).rows, rowsPage(rows, { ...DEFAULT_ROWS_QUERY, offset: 2000, limit: 1000 }).rows);

  it('agrees with the server\'s rowsPage for every sort, direction, filter and a few pages', () => {
    for (const sort of ['score', 'line', 'label'] as const) {
      for (const descending of [true, false]) {
        for (const flaggedOnly of [true, false]) {
          for (const offset of [0, 50, 2390]) {
            const query: RowsQuery = { offset, limit: 25, sort, descending, flaggedOnly };
            assert.deepEqual(pageRows(all, query), rowsPage(rows, query), JSON.stringify(query));
          }
        }
      }
    }
  });

  it('shares the server\'s default query and compares queries field by field', () => {
    assert.deepEqual(DEFAULT_ROWS_QUERY, { offset: 0, limit: 50, sort: 'score', descending: true, flaggedOnly: false });
    assert.ok(sameQuery(DEFAULT_ROWS_QUERY, { ...DEFAULT_ROWS_QUERY }));
    assert.ok(!sameQuery(DEFAULT_ROWS_QUERY, { ...DEFAULT_ROWS_QUERY, offset: 50 }));
    assert.ok(!sameQuery(DEFAULT_ROWS_QUERY, { ...DEFAULT_ROWS_QUERY, field: 'output' }));
  });
});

describe('per-label sorting', () => {
  const labels = [
    { label: 'b', realRows: 10, syntheticRows: 5, auc: 0.9 },
    { label: 'a', realRows: 20, syntheticRows: 5, auc: 0.9 },
    { label: 'c', realRows: 5, syntheticRows: 50, auc: 0.6 },
  ];
  it('sorts by any column, ties by label', () => {
    assert.deepEqual(sortLabels(labels, { key: 'auc', descending: true }).map((l) => l.label), ['a', 'b', 'c']);
    assert.deepEqual(sortLabels(labels, { key: 'realRows', descending: false }).map((l) => l.label), ['c', 'b', 'a']);
    assert.deepEqual(sortLabels(labels, { key: 'label', descending: true }).map((l) => l.label), ['c', 'b', 'a']);
    assert.deepEqual(labels.map((l) => l.label), ['b', 'a', 'c'], 'the input is left as it was');
  });
});

describe('restoreUiState', () => {
  it('falls back to defaults for missing or broken fields', () => {
    assert.deepEqual(restoreUiState(undefined), { scrollY: 0, rowsQuery: DEFAULT_ROWS_QUERY, labelSort: { key: 'auc', descending: true }, projection: 'pca' });
    const restored = restoreUiState({ scrollY: -5, rowsQuery: { ...DEFAULT_ROWS_QUERY, sort: 'line' }, projection: 'umap', selectedGap: 'words' });
    assert.equal(restored.scrollY, 0);
    assert.equal(restored.rowsQuery.sort, 'line');
    assert.equal(restored.projection, 'umap');
    assert.equal(restored.selectedGap, 'words');
  });
});
