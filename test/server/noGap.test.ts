// A file the detector cannot tell from the reference (held-out real rows against real rows): chance puts about 5%
// of its rows above the threshold, and none of them is flagged or underlined; only a row with LLM stock phrasing
// could be, and every view says the same count. The CodeLens says there is no gap. Bad lines still get their error.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DIAGNOSTIC_CODES, reportRequest } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');
let folder = '';
let client: LspClient;
let uri = '';

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'synthgap-nogap-'));
  writeFileSync(join(folder, 'real.jsonl'), readFileSync(join(EXAMPLES, 'real.jsonl')));
  const holdout = readFileSync(join(EXAMPLES, 'real_holdout.jsonl'), 'utf8').split('\n').filter(Boolean);
  holdout.splice(9, 0, '{"text": "cut off');
  writeFileSync(join(folder, 'holdout.jsonl'), `${holdout.join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
  uri = pathToFileURL(join(folder, 'holdout.jsonl')).href;
  client = await LspClient.start({ folder, settings: { 'embedding.model': 'hashed' } });
  client.open(join(folder, 'holdout.jsonl'));
  await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000);
});

after(async () => {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('real rows against real rows: a no-gap verdict, rows above the threshold by chance, and not one underlined', async () => {
  const { report } = await client.send(reportRequest, { uri });
  const dataset = report?.datasets[0];
  const summary = dataset?.summary;
  assert.equal(summary?.verdict, 'no-gap', `AUC ${summary?.auc}`);
  const above = dataset?.rows.filter((row) => row.score > (summary?.flagThreshold ?? 1)).length ?? 0;
  assert.ok(above > 0, 'chance put no row above the threshold: the test proves nothing');
  const phraseRows = dataset?.rows.filter((row) => row.flagged && row.reasons[0]?.code === 'stock-phrase').length;
  assert.equal(summary?.flagged, phraseRows, 'with no gap only rows with stock LLM phrasing are flagged');
  const diagnostics = await client.diagnostics(uri);
  assert.equal(diagnostics.filter((d) => d.code === DIAGNOSTIC_CODES.tooClean).length, summary?.flagged);
  assert.deepEqual(diagnostics.filter((d) => d.code === DIAGNOSTIC_CODES.badInput).map((d) => d.range.start.line), [9], 'the bad line keeps its error');
  const lenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.match(lenses[0].command.title, /^Synthgap: no gap from the reference, no row stands out · AUC 0\.\d\d \[0\.\d\d–0\.\d\d\] · Open report$/);
});
