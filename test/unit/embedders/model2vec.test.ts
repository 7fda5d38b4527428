import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PreTrainedTokenizer } from '@huggingface/transformers';
import { CancelledError } from '../../../src/core/host';
import { createEmbedder } from '../../../src/embedders/createEmbedder';
import { loadModel2Vec } from '../../../src/embedders/model2vec';
import { loadTokenizer } from '../../../src/embedders/tokenizer';
import { REPO_DATA } from '../../support/repoData';
import { cosine, norm, POTION, safetensors } from './helpers';

test('the real Model2Vec model, loaded as a user would name it, puts paraphrases closer than unrelated rows', async () => {
  // A bare folder is the production path for local models (as is model2vec:<folder>).
  const choice = await createEmbedder(POTION);
  assert.equal(choice.fallback, undefined);
  assert.equal(choice.kind, 'model2vec');
  assert.equal(choice.id, 'model2vec:potion-base-4m-int8');
  const embedder = choice.embedder!;
  assert.equal(embedder.dimension, 128);
  const pairs: [string, string, string][] = [
    ['how do i reset my pin', 'I want to change my PIN number', 'what is the weather like in paris'],
    ['where is my package', 'my parcel has not arrived yet', 'play some jazz music'],
    ['book a table for two at an italian restaurant', 'reserve dinner for 2 people at an italian place', 'how many calories are in an apple'],
    ['what is my checking account balance', 'how much money do i have in checking', 'set an alarm for 7 am'],
  ];
  for (const [text, paraphrase, unrelated] of pairs) {
    const [a, b, c] = await embedder.embed([text, paraphrase, unrelated]);
    assert.ok(Math.abs(norm(a) - 1) < 1e-5, 'vectors are L2-normalized');
    assert.ok(cosine(a, b) > cosine(a, c) + 0.2, `${text} / ${paraphrase}: ${cosine(a, b).toFixed(2)} vs ${cosine(a, c).toFixed(2)}`);
  }
});

test('tokens are the tokenizer\'s own: remembering words gives the same ids as tokenizing whole rows', async () => {
  const json = JSON.parse(readFileSync(join(POTION, 'tokenizer.json'), 'utf8'));
  const reference = new PreTrainedTokenizer(json, { unk_token: '[UNK]' });
  const texts = [
    'Hello, World!  How are you?',
    'naïve café déjà-vu [UNK] [CLS] e-mail: a@b.com',
    "It's 3:45pm\tand I'm   late\n…",
    '日本語のテキスト and 中文',
    '',
  ];
  texts.push(...readFileSync(join(REPO_DATA, 'banking77/real_test.csv'), 'utf8').split('\n').slice(1, 400));
  const tokenizer = await loadTokenizer(POTION);
  // Twice: the second pass reads every word from the memo.
  for (const text of [...texts, ...texts]) assert.deepEqual(tokenizer.encode(text), reference.encode(text, { add_special_tokens: false }), text);
});

test('a row without known tokens is the zero vector; special tokens are not averaged in', async () => {
  const model = await loadModel2Vec(POTION);
  assert.equal(norm(model.embedOne('')), 0);
  assert.deepEqual(model.embedOne('[CLS] reset my pin [SEP]'), model.embedOne('reset my pin'));
});

test('int8 tables with per-row scales and fp16 tables load; the vector is the normalized mean of token rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-m2v-'));
  const vocab = { '[PAD]': 0, '[UNK]': 1, hello: 2, world: 3 };
  const tokenizer = {
    version: '1.0',
    added_tokens: [
      { id: 0, content: '[PAD]', special: true, single_word: false, lstrip: false, rstrip: false, normalized: false },
      { id: 1, content: '[UNK]', special: true, single_word: false, lstrip: false, rstrip: false, normalized: false },
    ],
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  // Rows: hello = (1, 0) * 2, world = (0, 1) * 1 after scaling.
  writeFileSync(
    join(dir, 'model.safetensors'),
    safetensors({
      embeddings: { dtype: 'I8', shape: [4, 2], bytes: new Uint8Array(Int8Array.of(0, 0, 0, 0, 100, 0, 0, 100).buffer) },
      scales: { dtype: 'F32', shape: [4], bytes: new Uint8Array(Float32Array.of(1, 1, 0.02, 0.01).buffer) },
    }),
  );
  const model = await loadModel2Vec(dir);
  const v = model.embedOne('Hello world');
  assert.ok(Math.abs(v[0] - 2 / Math.sqrt(5)) < 1e-6 && Math.abs(v[1] - 1 / Math.sqrt(5)) < 1e-6, `got ${[...v]}`);
  assert.equal(norm(model.embedOne('unknownword')), 0, '[UNK] is skipped');

  const half = new Uint16Array([0, 0, 0, 0, 0x3c00, 0, 0, 0x3c00]);
  writeFileSync(join(dir, 'model.safetensors'), safetensors({ embeddings: { dtype: 'F16', shape: [4, 2], bytes: new Uint8Array(half.buffer) } }));
  const fp16 = await loadModel2Vec(dir);
  const w = fp16.embedOne('hello world');
  assert.ok(Math.abs(w[0] - Math.SQRT1_2) < 1e-6 && Math.abs(w[1] - Math.SQRT1_2) < 1e-6);
});

test('a cancelled token stops a long run', async () => {
  const model = await loadModel2Vec(POTION);
  const texts = Array.from({ length: 50_000 }, (_, i) => `row number ${i} about resetting a card`);
  const token = { isCancellationRequested: false };
  const run = model.embed(texts, token);
  token.isCancellationRequested = true;
  await assert.rejects(run, CancelledError);
});
