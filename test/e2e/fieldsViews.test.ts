// The report views of a file read field by field, on fine-tuning fixtures analyzed end to end (test/fixtures/finetune):
// the Markdown report, and the static page's paging against the server's. Moved out of the unit tier, whose tests
// run on small in-memory data, because each analysis takes seconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsPage } from '../../src/core/exporters/panel';
import { formatMarkdown } from '../../src/core/exporters/markdown';
import { aucInterval } from '../../src/core/exporters/sentences';
import type { RowsQuery } from '../../src/shared/panel';
import { DEFAULT_ROWS_QUERY, pageRows, withField } from '../../webview-ui/src/data/rowsPage';
import { analyzeFinetune } from '../support/fieldsAnalysis';
import { tables } from '../unit/report/hostile';


describe('formatMarkdown of a file read field by field', () => {
  it('says how the file was read, tabulates each field, lists the pairs and names each row\'s field', async () => {
    const { report } = await analyzeFinetune('alpaca');
    const [dataset] = report.datasets;
    const pairs = {
      request: 'instruction', response: 'output', records: 66, referenceRecords: 66, lengthRatio: { real: 1, synthetic: 3 }, restates: { real: 0, synthetic: 0 },
      sameRequest: 0, sameResponse: 2, copiedPairs: 0, refusals: 0, restatements: 0, noResponse: 0, examples: {}, sentences: ['2 responses | answer different instructions word for word.'],
    };
    const out = formatMarkdown({ ...report, datasets: [{ ...dataset, pairs }] });
    assert.ok(out.includes('\nRead as Alpaca-style instruction data: instruction, input, output; each field is compared with the same field of the reference'), 'the schema sentence');
    const byField = tables(out).find((t) => t.header[0] === 'Field');
    assert.ok(byField);
    assert.deepEqual(byField.header, ['Field', 'Verdict', 'AUC [95% CI]', 'Texts', 'Biggest gap', 'Over-used']);
    assert.deepEqual(byField.rows.map((row) => row[0]), ['**instruction**', '**input**', '**output**']);
    const fields = dataset.fields ?? [];
    byField.rows.forEach((row, i) => {
      assert.equal(row[2], aucInterval(fields[i].summary.auc, fields[i].summary.aucLow, fields[i].summary.aucHigh));
      assert.equal(row[3], String(fields[i].rows));
    });
    assert.equal(byField.rows[1][1], 'Insufficient data');
    assert.equal(byField.rows[1][4], '', 'no gap named for a field too small to judge');
    assert.match(byField.rows[2][5], /^“i hope this helps”, /);
    // The By field table comes before the record's own gaps; the pairs follow it, escaped.
    assert.ok(out.indexOf('### By field') < out.indexOf('### Gaps'));
    assert.ok(out.includes('### Pairs (instruction and output)\n\n- 2 responses \\| answer different instructions word for word.'));
    const rows = tables(out).find((t) => t.header[0] === 'Row' && t.header[3] === 'Reasons');
    assert.ok(rows && rows.rows.length > 0);
    for (const row of rows.rows) assert.match(row[0], /^line \d+, (instruction|input|output)$/);
  });
});

describe('the static host\'s paging', () => {
  it('agrees with the server on a chat file\'s rows filtered to one role, and sets or clears the field from page 1', async () => {
    const { rows: chat } = await analyzeFinetune('openai-chat');
    const everyRow = rowsPage(chat, { ...DEFAULT_ROWS_QUERY, limit: 1000 }).rows;
    for (const field of ['user', 'assistant', 'system', undefined]) {
      for (const flaggedOnly of [true, false]) {
        const query: RowsQuery = { ...DEFAULT_ROWS_QUERY, limit: 20, offset: 10, flaggedOnly, ...(field ? { field } : {}) };
        assert.deepEqual(pageRows(everyRow, query), rowsPage(chat, query), JSON.stringify(query));
      }
    }
    const onField = withField({ ...DEFAULT_ROWS_QUERY, offset: 100 }, 'user');
    assert.deepEqual(onField, { ...DEFAULT_ROWS_QUERY, field: 'user' });
    assert.deepEqual(withField(onField, undefined), DEFAULT_ROWS_QUERY);
    assert.ok(!('field' in withField(onField, undefined)), 'no field key left for the state to save');
  });
});
