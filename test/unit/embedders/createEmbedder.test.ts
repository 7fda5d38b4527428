import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { analyze } from '../../../src/core/gap/analyze';
import { defaultCacheDir } from '../../../src/embedders/cacheDir';
import { createEmbedder, DEFAULT_SEMANTIC_MODEL } from '../../../src/embedders/createEmbedder';
import { cachedModelFolder } from '../../../src/embedders/modelStore';
import { tempDir } from '../../support/cli';
import { POTION } from './helpers';

const dictionary = new Set(['where', 'is', 'my', 'card', 'reset', 'pin']);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function analyzeWith(spec: string) {
  const choice = await createEmbedder(spec);
  const rows = (texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n');
  const real = Array.from({ length: 40 }, (_, i) => `where is my card ${i}`);
  const synthetic = Array.from({ length: 40 }, (_, i) => `Could you reset my PIN, please? (${i})`);
  const report = await analyze(
    {
      reference: [{ file: 'real.jsonl', data: await readDataset(rows(real), { format: 'jsonl' }) }],
      datasets: [{ file: 'synthetic.jsonl', data: await readDataset(rows(synthetic), { format: 'jsonl' }) }],
    },
    { dictionary, embedder: choice.embedder },
  );
  return { choice, report };
}

test('a missing model folder falls back to the hashed embedding, says why in one sentence, and the analysis runs', async () => {
  const missing = join(tempDir(), 'no-such-model');
  const { choice, report } = await analyzeWith(`model2vec:${missing}`);
  assert.equal(choice.kind, 'hashed');
  assert.equal(choice.embedder, undefined);
  assert.match(choice.fallback ?? '', /^Using the built-in hashed embedding: the model folder .*no-such-model does not exist\.$/);
  assert.match(report.settings.embedder, /^hashed-tfidf/);
  assert.equal(report.datasets.length, 1);
});

test('a broken model folder (a truncated model file, a missing tokenizer) falls back with the cause', async () => {
  const broken = join(tempDir(), 'broken');
  cpSync(POTION, broken, { recursive: true });
  writeFileSync(join(broken, 'model.safetensors'), Buffer.alloc(100, 7));
  const truncated = await createEmbedder(broken);
  assert.match(truncated.fallback ?? '', /model\.safetensors: the safetensors header runs past the end of the file/);

  const noTokenizer = join(tempDir(), 'no-tokenizer');
  mkdirSync(noTokenizer);
  cpSync(join(POTION, 'model.safetensors'), join(noTokenizer, 'model.safetensors'));
  const result = await createEmbedder(`model2vec:${noTokenizer}`);
  assert.match(result.fallback ?? '', /the tokenizer\.json could not be loaded/);
});

test('a folder that is no model and an unknown spec fall back with a sentence saying so', async () => {
  const empty = tempDir();
  assert.match((await createEmbedder(empty)).fallback ?? '', /is neither a Model2Vec folder .* nor a transformer encoder folder/);
  assert.match((await createEmbedder('word2vec:google-news')).fallback ?? '', /"word2vec:google-news" is not an embedder/);
  assert.equal((await createEmbedder('hashed')).fallback, undefined);
});

test('offline, a hub model fails to download cleanly and the caller gets the cause', async () => {
  const cacheDir = tempDir();
  const progress: unknown[] = [];
  // A just-closed local port refuses connections: the same failure as no network, without waiting.
  const port = await closedPort();
  const choice = await createEmbedder('model2vec:minishlab/potion-base-8M', { cacheDir, hubUrl: `http://127.0.0.1:${port}`, onProgress: (p) => progress.push(p) });
  assert.equal(choice.kind, 'hashed');
  assert.equal(choice.fallback, `Using the built-in hashed embedding: could not download minishlab/potion-base-8M from http://127.0.0.1:${port}/minishlab/potion-base-8M/resolve/main/config.json (ECONNREFUSED).`);
  assert.deepEqual(progress, []);
  assert.deepEqual(readdirSync(cachedModelFolder(cacheDir, 'minishlab/potion-base-8M')), [], 'no half-downloaded file is left behind');

  const local = await createEmbedder('model2vec:minishlab/potion-base-8M', { cacheDir, allowDownload: false });
  assert.match(local.fallback ?? '', /not in the model cache .* and downloads are off/);
});

test('a hub that answers with an error status fails with that status; progress is reported while bytes arrive', async () => {
  const cacheDir = tempDir();
  const server = createHttpServer((request, response) => {
    if (request.url?.endsWith('/config.json')) {
      response.writeHead(200, { 'content-length': '2' });
      response.end('{}');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const progress: { file: string; loaded: number; total: number }[] = [];
  try {
    const choice = await createEmbedder('model2vec:someone/model', { cacheDir, hubUrl: `http://127.0.0.1:${port}`, onProgress: (p) => progress.push(p) });
    assert.match(choice.fallback ?? '', /could not download someone\/model: http:\/\/127\.0\.0\.1:\d+\/someone\/model\/resolve\/main\/tokenizer\.json answered HTTP 404\.$/);
    assert.deepEqual(progress, [{ model: 'someone/model', file: 'config.json', loaded: 2, total: 2 }]);
  } finally {
    server.close();
  }
});

test('a hub model already in the cache loads without the network', async () => {
  const cacheDir = tempDir();
  cpSync(POTION, cachedModelFolder(cacheDir, 'minishlab/potion-base-4m-int8'), { recursive: true });
  const choice = await createEmbedder('model2vec:minishlab/potion-base-4m-int8', { cacheDir, allowDownload: false, hubUrl: `http://127.0.0.1:${await closedPort()}` });
  assert.equal(choice.fallback, undefined);
  assert.equal(choice.id, 'model2vec:potion-base-4m-int8');
});

test('auto uses the default semantic model when it is cached, else the hashed one, and says which', async () => {
  const cacheDir = tempDir();
  const before = await createEmbedder('auto', { cacheDir });
  assert.equal(before.kind, 'hashed');
  assert.match(before.notice ?? '', /auto: using the built-in hashed embedding; minishlab\/potion-base-8M is not downloaded/);
  // Stand-in: the 4M model from data/models in the default model's cache folder.
  cpSync(POTION, cachedModelFolder(cacheDir, DEFAULT_SEMANTIC_MODEL), { recursive: true });
  const after = await createEmbedder('auto', { cacheDir });
  assert.equal(after.kind, 'model2vec');
  assert.equal(after.notice, 'auto: using the semantic embedding model2vec:potion-base-8M.');
});

test('the CLI cache folder honours SYNTHGAP_CACHE_DIR, then XDG_CACHE_HOME', () => {
  assert.equal(defaultCacheDir({ SYNTHGAP_CACHE_DIR: '/x/y' }), '/x/y');
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/cache' }), join('/cache', 'synthgap'));
});
