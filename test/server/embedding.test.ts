// The server's embedding choice, against the built server (dist/server.js) over IPC: a local Model2Vec model from
// the setting, synthgap.json's `embedder` over the setting (trusted only), and the default model offline: the
// analysis goes on with the built-in embedding and the user is told once, with the cause.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver/node';
import { ensureTestEncoder } from '../../scripts/makeTestEncoder';

import { panelSnapshotRequest, reportRequest, type ReportResult, type StatusParams } from '../../src/shared/protocol';
import { POTION } from '../support/repoData';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');
const ROWS = 400;

interface Workspace {
  readonly folder: string;
  readonly storage: string;
  readonly uris: string[];
}

/** Two small synthetic files and a reference, cut from the bundled examples. */
function workspace(config: Record<string, unknown> = {}): Workspace {
  const folder = mkdtempSync(join(tmpdir(), 'synthgap-embedding-'));
  const storage = join(folder, '.storage');
  const lines = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean);
  writeFileSync(join(folder, 'real.jsonl'), `${lines('real.jsonl').slice(0, ROWS).join('\n')}\n`);
  const synthetic = lines('synthetic.jsonl');
  writeFileSync(join(folder, 'a.jsonl'), `${synthetic.slice(0, ROWS).join('\n')}\n`);
  writeFileSync(join(folder, 'b.jsonl'), `${synthetic.slice(ROWS, 2 * ROWS).join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl', ...config }));
  return { folder, storage, uris: ['a.jsonl', 'b.jsonl'].map((file) => pathToFileURL(join(folder, file)).href) };
}

async function analyzed(client: LspClient, uris: readonly string[]): Promise<ReportResult[]> {
  await client.waitForStatus((s: StatusParams) => s.state === 'ready' && uris.every((uri) => s.files.some((f) => f.uri === uri)), 120_000);
  return Promise.all(uris.map((uri) => client.send(reportRequest, { uri })));
}

describe('the embedding the server analyzes with', () => {
  let client: LspClient | undefined;
  let folder: string | undefined;
  const previousEndpoint = process.env.SYNTHGAP_HF_ENDPOINT;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    if (previousEndpoint === undefined) delete process.env.SYNTHGAP_HF_ENDPOINT;
    else process.env.SYNTHGAP_HF_ENDPOINT = previousEndpoint;
  });

  test('a local Model2Vec folder named in synthgap.embedding.model is used, and its embeddings are cached in the storage folder', async () => {
    const ws = workspace();
    folder = ws.folder;
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, settings: { 'embedding.model': POTION } });
    const reports = await analyzed(client, ws.uris);
    for (const { report } of reports) assert.equal(report?.settings.embedder, 'model2vec:potion-base-4m-int8');
    const { snapshot } = await client.send(panelSnapshotRequest, { uri: ws.uris[0] });
    assert.equal(snapshot?.map?.embedder, 'model2vec:potion-base-4m-int8');
    assert.deepEqual(client.shown, [], 'nothing to tell the user');
    assert.ok(readdirSync(join(ws.storage, 'embeddings')).length > 0, 'no embedding cache in the storage folder');
  });

  test('synthgap.json\'s embedder wins over the setting in a trusted workspace, and is ignored in Restricted Mode', async () => {
    const ws = workspace({ embedder: POTION });
    folder = ws.folder;
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, settings: { 'embedding.model': 'hashed' } });
    assert.equal((await analyzed(client, ws.uris))[0].report?.settings.embedder, 'model2vec:potion-base-4m-int8');
    await client.stop();
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, trusted: false, settings: { 'embedding.model': 'hashed' } });
    assert.match((await analyzed(client, ws.uris))[0].report?.settings.embedder ?? '', /^hashed/);
  });

  test('offline, the default model cannot be downloaded: both files are analyzed with the built-in embedding, and the user is told once why', async () => {
    const ws = workspace();
    folder = ws.folder;
    // Nothing listens on port 9 (discard): the download is refused at once, as with no network.
    process.env.SYNTHGAP_HF_ENDPOINT = 'http://127.0.0.1:9';
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, settings: {} });
    const reports = await analyzed(client, ws.uris);
    for (const { report } of reports) assert.match(report?.settings.embedder ?? '', /^hashed/);
    const warnings = client.shown.filter((message) => message.type === 2);
    assert.equal(warnings.length, 1, `told once: ${JSON.stringify(client.shown)}`);
    assert.match(warnings[0].message, /built-in hashed embedding/);
    assert.match(warnings[0].message, /minishlab\/potion-base-8M/);
    assert.match(warnings[0].message, /could not download|refused|ECONNREFUSED/i);
  });

  test('with downloads off and no model in the storage folder, it says so and never tries the network', async () => {
    const ws = workspace();
    folder = ws.folder;
    process.env.SYNTHGAP_HF_ENDPOINT = 'http://127.0.0.1:9';
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, settings: { 'embedding.allowDownload': false } });
    const reports = await analyzed(client, ws.uris);
    for (const { report } of reports) assert.match(report?.settings.embedder ?? '', /^hashed/);
    assert.equal(client.shown.length, 1, JSON.stringify(client.shown));
    assert.match(client.shown[0].message, /downloads are off/);
  });

  test('during a long transformer-encoder run (in its child process), hovers on the open file are still answered from the last analysis', async (t) => {
    // A BERT-shaped encoder with seeded weights, big enough that embedding the example's rows takes seconds.
    const model = ensureTestEncoder(resolve(__dirname, '../../.cache/test-encoder-server'), { layers: 4, hidden: 256, heads: 4, intermediate: 1024, seed: 11 });
    const ws = workspace();
    folder = ws.folder;
    const big = readFileSync(join(EXAMPLES, 'synthetic.jsonl'), 'utf8');
    writeFileSync(join(ws.folder, 'a.jsonl'), big);
    rmSync(join(ws.folder, 'b.jsonl'));
    const settings: Record<string, unknown> = { 'embedding.model': 'hashed' };
    client = await LspClient.start({ folder: ws.folder, storagePath: ws.storage, settings });
    const document = client.open(join(ws.folder, 'a.jsonl'));
    await analyzed(client, [ws.uris[0]]);
    const position = { line: 1, character: 12 };
    const hoverAt = () => client!.request<Hover | null>('textDocument/hover', { textDocument: { uri: document.uri }, position });
    assert.ok(await hoverAt(), 'no hover on line 2 after the first analysis');

    const from = client.statuses.length;
    settings['embedding.model'] = `transformers:${model}`;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForStatus((s) => s.state === 'analyzing', 30_000, from);
    const latencies: number[] = [];
    let answered = 0;
    while (client.statuses.at(-1)?.state === 'analyzing') {
      const started = performance.now();
      if (await hoverAt()) answered++;
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [{ report }] = await analyzed(client, [ws.uris[0]]);
    assert.match(report?.settings.embedder ?? '', /^transformers:/, 'the second analysis used the encoder');
    assert.ok(latencies.length >= 5, `the encoder run was too short to measure (${latencies.length} hovers)`);
    assert.equal(answered, latencies.length, 'a hover went unanswered during the run');
    latencies.sort((a, b) => a - b);
    t.diagnostic(`${latencies.length} hovers during the encoder run: median ${latencies[latencies.length >> 1].toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
  });
});
