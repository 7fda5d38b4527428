import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Embedder } from '../../../src/core/embed/types';
import { CachedEmbedder } from '../../../src/embedders/cachedEmbedder';
import { createEmbedder } from '../../../src/embedders/createEmbedder';
import { DiskEmbeddingCache } from '../../../src/embedders/diskCache';
import { tempDir } from '../../support/cli';
import { POTION } from './helpers';

/** A deterministic fake model: counts what it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const texts: string[] = [];
  return {
    id: 'fake:counting',
    dimension: 3,
    texts,
    async embed(batch) {
      texts.push(...batch);
      return batch.map((text) => Float32Array.of(text.length, 1, 0));
    },
  };
}

test('a second run over the same rows embeds nothing; editing one row embeds that row only', async () => {
  const dir = tempDir();
  const rows = ['where is my card', 'reset my pin', 'where is my card', 'transfer money to savings'];
  const first = new CachedEmbedder(countingEmbedder(), DiskEmbeddingCache.open(dir, 'fake:counting', 3));
  const vectors = await first.embed(rows);
  assert.equal(first.embeddedTexts, 3, 'a repeated row is embedded once');
  assert.deepEqual(vectors[0], vectors[2]);

  // A new process would open the same file: a fresh cache object reads it back.
  const second = new CachedEmbedder(countingEmbedder(), DiskEmbeddingCache.open(dir, 'fake:counting', 3));
  assert.deepEqual(await second.embed(rows), vectors);
  assert.equal(second.embeddedTexts, 0);
  assert.equal(second.innerCalls, 0);

  const edited = [...rows];
  edited[1] = 'reset my PIN please';
  const third = new CachedEmbedder(countingEmbedder(), DiskEmbeddingCache.open(dir, 'fake:counting', 3));
  await third.embed(edited);
  assert.equal(third.embeddedTexts, 1);
});

test('a torn last record or a foreign file costs a re-embedding, never a failure', async () => {
  const dir = tempDir();
  const cache = DiskEmbeddingCache.open(dir, 'fake', 3);
  await new CachedEmbedder(countingEmbedder(), cache).embed(['a', 'b']);
  appendFileSync(cache.file, Buffer.alloc(7, 1)); // a write cut short by a crash
  const reopened = DiskEmbeddingCache.open(dir, 'fake', 3);
  assert.equal(reopened.size, 2);
  assert.equal((statSync(reopened.file).size - 16) % (16 + 12), 0, 'the torn tail is dropped so later records stay aligned');
  const again = new CachedEmbedder(countingEmbedder(), reopened);
  await again.embed(['a', 'b', 'c']);
  assert.equal(again.embeddedTexts, 1);
  assert.equal(DiskEmbeddingCache.open(dir, 'fake', 3).size, 3);

  appendFileSync(join(dir, 'other-3.emb'), 'garbage that is not a cache');
  assert.equal(DiskEmbeddingCache.open(dir, 'other', 3).size, 0);
  assert.ok(readdirSync(dir).includes('other-3.emb.bad'));
});

test('the real model through createEmbedder: the second run sends zero texts to the model', async () => {
  const cacheDir = tempDir();
  const rows = Array.from({ length: 500 }, (_, i) => `how do i reset the pin of card ${i}`);
  const first = await createEmbedder(`model2vec:${POTION}`, { cacheDir });
  const before = await first.embedder!.embed(rows);
  assert.equal(first.cache?.embeddedTexts, 500);
  const second = await createEmbedder(`model2vec:${POTION}`, { cacheDir });
  const after = await second.embedder!.embed(rows);
  assert.equal(second.cache?.embeddedTexts, 0);
  assert.equal(second.cache?.innerCalls, 0);
  assert.deepEqual(after, before);
  rows[17] = 'an edited row';
  await second.embedder!.embed(rows);
  assert.equal(second.cache?.embeddedTexts, 1);
});
