import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { CancelledError } from '../../src/core/host';
import { createEmbedder } from '../../src/embedders/createEmbedder';
import { EncoderEmbedder } from '../../src/embedders/encoderEmbedder';
import { EncoderSession } from '../../src/embedders/encoderSession';
import { ensureTestEncoder } from '../../scripts/makeTestEncoder';
import { tempDir } from '../support/cli';
import { cosine, norm } from '../unit/embedders/helpers';

let folder = '';
let session: EncoderSession;
before(async () => {
  folder = ensureTestEncoder();
  session = await EncoderSession.load({ model: folder, allowDownload: false, batchSize: 4 });
});

const TEXTS = [
  'hello',
  'where is my bank card, i need to pay for the hotel today',
  'reset my pin',
  'what is the weather like tomorrow in the city where i live and work',
  '',
  'play some music',
  'I would like to transfer money from my checking account to my savings account please',
  'cancel the meeting',
  'set an alarm',
];

function close(a: Float32Array, b: Float32Array, tolerance = 1e-5): boolean {
  return a.length === b.length && a.every((value, i) => Math.abs(value - b[i]) <= tolerance);
}

test('the generated model loads from its folder; vectors are the normalized mean of the token states', async () => {
  assert.equal(session.dimension, 64);
  assert.equal(session.modelId, 'transformers:test-encoder');
  // The same computation by hand: raw onnxruntime on the same file, mean over the attention mask.
  env.allowRemoteModels = false;
  env.localModelPath = join(folder, '..');
  const tokenizer = await AutoTokenizer.from_pretrained('test-encoder');
  const raw = await ort.InferenceSession.create(join(folder, 'onnx/model.onnx'));
  for (const text of TEXTS.slice(0, 4)) {
    const encoded = tokenizer(text) as unknown as Record<string, { data: BigInt64Array; dims: number[] }>;
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) {
      const tensor = encoded[name];
      feeds[name] = new ort.Tensor('int64', tensor.data, tensor.dims);
    }
    const output = (await raw.run(feeds)).last_hidden_state;
    const [, tokens, hidden] = output.dims;
    const states = output.data as Float32Array;
    const mean = new Float32Array(hidden);
    for (let t = 0; t < tokens; t++) for (let k = 0; k < hidden; k++) mean[k] += states[t * hidden + k] / tokens;
    const length = norm(mean);
    const expected = mean.map((value) => value / length);
    const [actual] = (await session.embed([text]))!;
    assert.ok(close(actual, expected), text);
    assert.ok(Math.abs(norm(actual) - 1) < 1e-5);
  }
});

test('batches sorted by length give the same vectors, in the same order, as embedding one row at a time', async () => {
  const batched = (await session.embed(TEXTS))!;
  for (let i = 0; i < TEXTS.length; i++) {
    const [alone] = (await session.embed([TEXTS[i]]))!;
    assert.ok(close(batched[i], alone, 1e-4), `row ${i}: ${TEXTS[i]}`);
  }
  assert.ok(cosine(batched[0], batched[1]) < 0.999, 'different rows get different vectors');
});

test('in a child process: same vectors, a 10K-row sample cap by default, and a clean stop', async () => {
  const choice = await createEmbedder(`transformers:${folder}`);
  try {
    assert.equal(choice.fallback, undefined);
    assert.equal(choice.kind, 'transformers');
    assert.equal(choice.id, 'transformers:test-encoder');
    assert.equal(choice.maxSampleRows, 10_000);
    const vectors = await choice.embedder!.embed(TEXTS);
    const local = (await session.embed(TEXTS))!;
    vectors.forEach((vector, i) => assert.ok(close(vector, local[i], 1e-4), TEXTS[i]));
  } finally {
    choice.dispose();
  }
});

const MANY = Array.from({ length: 20_000 }, (_, i) => `${TEXTS[i % TEXTS.length]} number ${i} `.repeat(1 + (i % 5)));

test('killing the child mid-run rejects the call, and later calls, with a clear message', async () => {
  const encoder = await EncoderEmbedder.start({ model: folder, allowDownload: false, chunkSize: 500 });
  const run = encoder.embed(MANY);
  setTimeout(() => process.kill(encoder.pid!, 'SIGKILL'), 300);
  await assert.rejects(run, /transformers:test-encoder: the encoder process exited \(SIGKILL\)/);
  await assert.rejects(encoder.embed(['hello']), /the encoder process exited \(SIGKILL\)/);
});

test('a chunk that takes longer than the timeout fails and stops the process', async () => {
  const encoder = await EncoderEmbedder.start({ model: folder, allowDownload: false, chunkSize: 20_000, timeoutMs: 200 });
  await assert.rejects(encoder.embed(MANY), /the encoder did not answer within 0\.2 s \(20000 texts\); it was stopped/);
  await assert.rejects(encoder.embed(['hello']), /did not answer within/);
});

let shared: EncoderEmbedder;
after(() => shared?.close());

test('cancellation rejects with CancelledError, and the process goes on serving later calls', async () => {
  shared = await EncoderEmbedder.start({ model: folder, allowDownload: false, chunkSize: 500 });
  const token = { isCancellationRequested: false };
  const run = shared.embed(MANY, token);
  setTimeout(() => (token.isCancellationRequested = true), 200);
  const started = Date.now();
  await assert.rejects(run, CancelledError);
  assert.ok(Date.now() - started < 5_000);
  const [vector] = await shared.embed(['hello']);
  assert.ok(close(vector, (await session.embed(['hello']))![0], 1e-4));
});

test('the queue is bounded: a call beyond maxQueue is refused at once', async () => {
  const encoder = await EncoderEmbedder.start({ model: folder, allowDownload: false, maxQueue: 1 });
  try {
    const first = encoder.embed(TEXTS);
    await assert.rejects(encoder.embed(TEXTS), /1 embedding calls are already waiting/);
    assert.equal((await first).length, TEXTS.length);
  } finally {
    encoder.close();
  }
});

test('a folder without a usable model fails to start with the loader\'s reason', async () => {
  const choice = await createEmbedder(`transformers:${join(folder, 'onnx')}`);
  assert.equal(choice.kind, 'hashed');
  assert.match(choice.fallback ?? '', /^Using the built-in hashed embedding: could not load .*onnx: /);
});

test('a hub encoder that is not cached, with downloads off, falls back with the loader\'s reason', async () => {
  const choice = await createEmbedder('transformers:Xenova/all-MiniLM-L6-v2', { allowDownload: false, cacheDir: tempDir() });
  assert.equal(choice.kind, 'hashed');
  assert.match(choice.fallback ?? '', /could not load Xenova\/all-MiniLM-L6-v2: .*not found locally/);
});
