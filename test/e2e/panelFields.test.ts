// The panel's data for files read field by field, from real analyses of the fine-tuning fixtures: each field's
// comparison in the snapshot, each row shown in the field its flag is about, and the rows filtered to one field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPanelSnapshot, DEFAULT_ROWS_QUERY, rowsPage, snapshotRowInput } from '../../src/core/exporters/panel';
import { fieldSummaryText } from '../../src/core/exporters/sentences';
import { NEGLIGIBLE_EFFECT } from '../../src/core/gap/effects';
import { truncate } from '../../src/core/exporters/format';
import { analyzeFinetune } from '../support/fieldsAnalysis';
import { fixtureReport } from '../unit/report/fixtureReport';

describe('the panel snapshot of a file read field by field', () => {
  it('carries the schema sentence and each field\'s AUC, verdict, biggest gaps and over-used phrases', async () => {
    const { report, rows } = await analyzeFinetune('openai-chat');
    const snapshot = buildPanelSnapshot(report, 0, { uri: 'u', seq: 1, rows });
    assert.equal(snapshot.schema, 'Read as OpenAI chat messages: system, user, assistant; each field is compared with the same field of the reference, and a row\'s score is its whole record\'s.');
    const fields = report.datasets[0].fields ?? [];
    assert.deepEqual(snapshot.fields?.map((f) => f.field), ['system', 'user', 'assistant']);
    snapshot.fields?.forEach((shown, i) => {
      const field = fields[i];
      assert.deepEqual(shown.summary, {
        rows: field.summary.rows,
        referenceRows: field.summary.referenceRows,
        auc: field.summary.auc,
        aucLow: field.summary.aucLow,
        aucHigh: field.summary.aucHigh,
        verdict: field.summary.verdict,
        flagged: field.summary.flagged,
      });
      assert.equal(shown.rows, field.rows);
      assert.deepEqual(shown.overSynthetic.map((p) => p.phrase), field.phrases.overSynthetic.slice(0, 3).map((p) => p.phrase));
      // The panel's biggest gap is the one the terminal's line names.
      const line = fieldSummaryText(field, NEGLIGIBLE_EFFECT);
      if (shown.gaps[0]) assert.ok(line.includes(`biggest gap: ${shown.gaps[0].sentence.replace(/\.$/, '')}`), line);
      else assert.ok(!line.includes('biggest gap'), line);
    });
    // The assistant turns differ most, and the system prompts are too few to judge: no gap is named for them.
    const [system, , assistant] = snapshot.fields ?? [];
    assert.equal(assistant.summary.verdict, 'large-gap');
    assert.ok(assistant.gaps.length > 0 && assistant.gaps.every((g) => g.size >= NEGLIGIBLE_EFFECT));
    assert.equal(system.summary.verdict, 'insufficient-data');
    assert.deepEqual(system.gaps, []);
  });

  it('passes the pair checks on as their heading and sentences', async () => {
    const { report, rows } = await analyzeFinetune('alpaca');
    const [dataset] = report.datasets;
    const pairs = {
      request: 'instruction', response: 'output', records: 66, referenceRecords: 66, lengthRatio: { real: 1, synthetic: 3 }, restates: { real: 0, synthetic: 0 },
      sameRequest: 0, sameResponse: 2, copiedPairs: 0, refusals: 0, restatements: 0, noResponse: 0, examples: {}, sentences: ['2 responses answer different instructions word for word.'],
    };
    const withPairs = { ...report, datasets: [{ ...dataset, pairs }] };
    assert.deepEqual(buildPanelSnapshot(withPairs, 0, { uri: 'u', seq: 1, rows }).pairs, { request: 'instruction', response: 'output', title: 'Pairs (instruction and output)', sentences: pairs.sentences });
    const quiet = { ...report, datasets: [{ ...dataset, pairs: { ...pairs, sentences: [] } }] };
    assert.deepEqual(buildPanelSnapshot(quiet, 0, { uri: 'u', seq: 1, rows }).pairs?.sentences, ['The pairs look like the reference\'s.']);
  });

  it('has no schema, fields or pairs for a file read for one text', () => {
    const snapshot = buildPanelSnapshot(fixtureReport(), 0, { uri: 'u', seq: 1, rows: [] });
    assert.equal(snapshot.schema, undefined);
    assert.equal(snapshot.fields, undefined);
    assert.equal(snapshot.pairs, undefined);
  });
});

describe('panel rows of a file read field by field', () => {
  it('show the text of the field the flag is about, with its field, chat message and every field\'s score', async () => {
    const { report, data, rows } = await analyzeFinetune('openai-chat');
    const results = report.datasets[0].rows;
    const flagged = results.findIndex((r) => r.flagged && r.field === 'assistant');
    assert.ok(flagged >= 0);
    const row = rows[flagged];
    const place = data.rows[flagged].fields?.find((f) => f.field === 'assistant' && f.turn === results[flagged].turn);
    assert.ok(place, 'the record has the turn the result points at');
    assert.equal(row.field, 'assistant');
    assert.equal(row.turn, results[flagged].turn);
    assert.equal(row.text, place.text);
    assert.notEqual(row.text, data.rows[flagged].text, 'not the whole conversation');
    assert.deepEqual(row.fieldScores, results[flagged].fieldScores);
    const [shown] = rowsPage([row], DEFAULT_ROWS_QUERY).rows;
    assert.equal(shown.field, 'assistant');
    assert.equal(shown.text, truncate(place.text, 500));
    assert.deepEqual(shown.fieldScores, results[flagged].fieldScores);
  });

  it('show the whole record, with no field, when the flag names none', async () => {
    const { data } = await analyzeFinetune('alpaca');
    const record = data.rows[0];
    const input = snapshotRowInput(record, { score: 0.2, percentile: 0.3, flagged: false, reasons: [] });
    assert.equal(input.field, undefined);
    assert.equal(input.text, record.text);
    // A result that names a field the record lacks (an edited record) falls back the same way.
    assert.equal(snapshotRowInput(record, { score: 0.9, percentile: 1, flagged: true, reasons: [], field: 'nope' }).text, record.text);
  });

  it('filter to one field: only rows whose flag is about it, every page, with the flagged-only filter too', async () => {
    const { rows } = await analyzeFinetune('openai-chat');
    const about = (field: string) => rows.filter((r) => r.field === field);
    for (const field of ['user', 'assistant', 'system']) {
      const page = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 1000, field });
      assert.equal(page.total, about(field).length, field);
      assert.ok(page.rows.every((r) => r.field === field));
      assert.equal(page.query.field, field);
    }
    assert.ok(about('assistant').length > 0, 'the assistant turns carry flags in this fixture');
    // Every row that names a field is under exactly one field's filter.
    assert.equal(['user', 'assistant', 'system'].reduce((sum, field) => sum + about(field).length, 0), rows.filter((r) => r.field !== undefined).length);
    assert.equal(rowsPage(rows, { ...DEFAULT_ROWS_QUERY, field: 'output' }).total, 0, 'a field the file lacks matches nothing');
    const both = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 1000, field: 'assistant', flaggedOnly: true });
    assert.ok(both.rows.every((r) => r.flagged && r.field === 'assistant'));
    // Pages of one field continue where the last ended, highest score first.
    const first = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 10, field: 'assistant' });
    const second = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 10, offset: 10, field: 'assistant' });
    const all = rowsPage(rows, { ...DEFAULT_ROWS_QUERY, limit: 1000, field: 'assistant' }).rows;
    assert.deepEqual([...first.rows, ...second.rows], all.slice(0, 20));
  });
});
