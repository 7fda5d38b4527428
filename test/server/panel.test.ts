// The report panel's requests against the built server (dist/server.js), over IPC as the extension sends them.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { RowsQuery } from '../../src/shared/panel';
import { panelMarkdownRequest, panelProbeRequest, panelRowsRequest, panelSnapshotRequest, reportRequest, type StatusParams } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');
const byLine = (offset: number, limit: number): RowsQuery => ({ offset, limit, sort: 'line', descending: false, flaggedOnly: false });

describe('report panel requests', () => {
  let folder: string;
  let client: LspClient;
  let syntheticUri: string;
  let plainUri: string;
  const settings: Record<string, unknown> = {};

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'synthgap-panel-'));
    copyFileSync(join(EXAMPLES, 'real.jsonl'), join(folder, 'real.jsonl'));
    copyFileSync(join(EXAMPLES, 'synthetic.jsonl'), join(folder, 'synthetic.jsonl'));
    // The same rows without labels: the probe has nothing to learn from.
    const plain = readFileSync(join(EXAMPLES, 'synthetic.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 600);
    writeFileSync(join(folder, 'plain.jsonl'), `${plain.map((line) => JSON.stringify({ text: (JSON.parse(line) as { text: string }).text })).join('\n')}\n`);
    writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
    syntheticUri = pathToFileURL(join(folder, 'synthetic.jsonl')).href;
    plainUri = pathToFileURL(join(folder, 'plain.jsonl')).href;
    client = await LspClient.start({ folder, settings });
    client.open(join(folder, 'synthetic.jsonl'));
    await client.waitForStatus((s: StatusParams) => s.state === 'ready' && [syntheticUri, plainUri].every((uri) => s.files.some((f) => f.uri === uri)), 120_000);
  });

  after(() => client.stop());

  const snapshotOf = (uri: string, rows?: RowsQuery) => client.send(panelSnapshotRequest, { uri, ...(rows ? { rows } : {}) });

  test('a snapshot carries the report\'s headline numbers, the map and the most synthetic-looking rows first', async () => {
    const { report } = await client.send(reportRequest, { uri: syntheticUri });
    const { snapshot } = await snapshotOf(syntheticUri);
    assert.ok(report && snapshot);
    assert.deepEqual(snapshot.summary, report.datasets[0].summary);
    assert.equal(snapshot.uri, syntheticUri);
    assert.equal(snapshot.file, 'synthetic.jsonl');
    assert.ok(snapshot.seq > 0);
    assert.equal(snapshot.hasLabels, true);
    assert.equal(snapshot.rows.total, 3000);
    assert.equal(snapshot.rows.rows.length, 50);
    const scores = snapshot.rows.rows.map((row) => row.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const map = snapshot.map;
    assert.ok(map);
    assert.equal(map.method, 'pca');
    assert.equal(map.realRows, 1000);
    assert.equal(map.syntheticRows, 1000);
    assert.ok(map.points.some((p) => p.side === 'real' && p.file.endsWith('real.jsonl')));
    assert.ok(map.points.some((p) => p.side === 'synthetic' && p.file === 'synthetic.jsonl' && p.flagged === true));
    const json = JSON.stringify(snapshot);
    console.error(`snapshot of a 3,000-row file: ${(json.length / 1024).toFixed(0)} KB of JSON`);
  });

  test('a rows page sorted by line gives consecutive lines with their texts', async () => {
    const page = await client.send(panelRowsRequest, { uri: syntheticUri, query: byLine(100, 20) });
    assert.ok(page);
    assert.equal(page.total, 3000);
    assert.deepEqual(page.rows.map((row) => row.line), Array.from({ length: 20 }, (_, i) => 101 + i));
    const lines = client.document(syntheticUri).getText().split('\n');
    for (const row of page.rows) assert.equal(row.text, (JSON.parse(lines[row.line - 1]) as { text: string }).text);
  });

  test('after an edit the next snapshot has a higher seq and the edited row\'s text', async () => {
    const { snapshot: first } = await snapshotOf(syntheticUri);
    assert.ok(first);
    const line = 7;
    const text = client.document(syntheticUri).getText().split('\n')[line - 1];
    const edited = JSON.stringify({ ...(JSON.parse(text) as object), text: 'hey so my card got eaten by the atm lol' });
    client.edit(syntheticUri, [{ range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: text.length } }, newText: edited }]);
    const { snapshot } = await snapshotOf(syntheticUri, byLine(line - 1, 1));
    assert.ok(snapshot);
    assert.ok(snapshot.seq > first.seq, `${snapshot.seq} after the edit, ${first.seq} before`);
    assert.equal(snapshot.rows.rows[0].line, line);
    assert.equal(snapshot.rows.rows[0].text, 'hey so my card got eaten by the atm lol');
  });

  test('Markdown of the report names the AUC', async () => {
    const { snapshot } = await snapshotOf(syntheticUri);
    const { markdown } = await client.send(panelMarkdownRequest, { uri: syntheticUri });
    assert.ok(snapshot && markdown);
    assert.match(markdown, /^# Synthgap report/);
    assert.ok(markdown.includes('AUC [95% CI]'));
    assert.ok(markdown.includes(snapshot.summary.auc.toFixed(2)), 'the AUC figure');
  });

  test('the probe on labelled rows gives three accuracies, and later snapshots carry them', async () => {
    const started = Date.now();
    const probe = await client.send(panelProbeRequest, { uri: syntheticUri });
    console.error(`probe: ${Date.now() - started} ms, ${JSON.stringify(probe)}`);
    assert.equal(probe.state, 'done', probe.message);
    for (const score of [probe.realOnly, probe.syntheticOnly, probe.blend]) {
      assert.ok(score !== undefined && score.accuracy > 0.2 && score.accuracy <= 1, JSON.stringify(score));
      assert.ok(score.low <= score.accuracy && score.accuracy <= score.high, 'the accuracy lies in its interval');
    }
    assert.ok((probe.labels ?? 0) > 1 && (probe.testRows ?? 0) > 0);
    assert.match(probe.sentences?.[0] ?? '', /^Adding the synthetic rows to the real ones: [+-]\d+\.\d points \(95% interval /, 'the CLI\'s wording');
    // The learning curve and what the synthetic rows are worth, for the panel's chart, worded as the CLI words it.
    const curve = probe.curve ?? [];
    assert.ok(curve.length >= 2 && curve[0].rows === 25 && curve.every((point, i) => i === 0 || point.rows > curve[i - 1].rows), JSON.stringify(curve));
    assert.ok(probe.worth && probe.worth.estimate > 0 && probe.worth.accuracy === probe.syntheticOnly?.accuracy, JSON.stringify(probe.worth));
    assert.match(probe.worthSentence ?? '', /^Your [\d,]+ synthetic rows train .* real rows .*; added to your real rows \([\d,]+ a fold\) they add /);
    assert.deepEqual((await snapshotOf(syntheticUri)).snapshot?.probe, probe);
  });

  test('the probe without labels is unavailable, and says why', async () => {
    const probe = await client.send(panelProbeRequest, { uri: plainUri });
    assert.equal(probe.state, 'unavailable');
    assert.match(probe.message ?? '', /labels/);
  });

  test('a file Synthgap does not check has no snapshot, rows or Markdown, with a reason', async () => {
    const uri = pathToFileURL(join(folder, 'notes.jsonl')).href;
    const result = await snapshotOf(uri);
    assert.equal(result.snapshot, null);
    assert.match(result.reason ?? '', /does not check/);
    assert.equal(await client.send(panelRowsRequest, { uri, query: byLine(0, 10) }), null);
    assert.deepEqual(await client.send(panelMarkdownRequest, { uri }), { markdown: null });
  });

  test('changing synthgap.mapProjection analyzes again with the new projection, under a higher seq', async () => {
    const before = (await snapshotOf(syntheticUri)).snapshot;
    settings.mapProjection = 'umap';
    const from = client.statuses.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const analyzing = await client.waitForStatus((s) => s.state === 'analyzing', 60_000, from);
    await client.waitForStatus((s) => s.state === 'ready', 120_000, client.statuses.indexOf(analyzing));
    const { snapshot } = await snapshotOf(syntheticUri);
    assert.ok(before && snapshot && snapshot.seq > before.seq);
    assert.equal(snapshot.map?.method, 'umap');
    assert.equal(snapshot.map?.points.length, 2000);
  });
});
