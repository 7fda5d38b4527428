// Embedding throughput of each embedder (rows/s on one core, short and long rows), transformers.js against raw
// onnxruntime-node on the same model file, and the detector's AUC with the hashed features alone and with
// semantic dimensions added. Reads data/ (or SYNTHGAP_BENCH_DATA, see bench/data.ts); prints what it skips otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { createHashedEmbedder, HashedTfidf } from '../src/core/embed/hashedTfidf';
import type { Embedder } from '../src/core/embed/types';
import { trainDetector } from '../src/core/gap/detector/train';
import { featureMatrix } from '../src/core/gap/matrix';
import { FEATURE_COUNT } from '../src/core/features/registry';
import { sampleIndexes, seededRandom } from '../src/core/stats/random';
import { EncoderEmbedder } from '../src/embedders/encoderEmbedder';
import { EncoderSession } from '../src/embedders/encoderSession';
import { loadModel2Vec } from '../src/embedders/model2vec';
import { loadDictionary } from '../src/node/dictionary';
import { ensureTestEncoder } from '../scripts/makeTestEncoder';
import { BENCH_DATA, BENCH_POTION } from './data';

const ROOT = resolve(__dirname, '..');
const DATA = BENCH_DATA;
const POTION = BENCH_POTION;
/** MiniLM-L6's shape (6 layers, hidden 384, 12 heads), seeded weights, a real BERT WordPiece vocabulary (the Model2Vec model's in data/models). */
const MINILM_SHAPE = { layers: 6, hidden: 384, heads: 12, intermediate: 1536, seed: 7, tokenizerFrom: POTION };

function texts(file: string): string[] {
  return readFileSync(join(DATA, file), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
}

function sample(rows: readonly string[], count: number, seed: number): string[] {
  return Array.from(sampleIndexes(rows.length, count, seededRandom(seed)), (i) => rows[i]);
}

async function rate(embed: (rows: string[]) => Promise<unknown>, rows: string[]): Promise<number> {
  const start = performance.now();
  await embed(rows);
  return rows.length / ((performance.now() - start) / 1000);
}

const table: string[][] = [];
function row(name: string, short: number, long: number, note = ''): void {
  table.push([name, Math.round(short).toLocaleString('en-US'), Math.round(long).toLocaleString('en-US'), note]);
}

/** Raw onnxruntime-node: the same tokenizer, the same sorted batches, mean pooling and normalization by hand. */
async function rawOrt(folder: string, rows: readonly string[], batchSize = 16): Promise<number> {
  env.allowRemoteModels = false;
  env.localModelPath = resolve(folder, '..');
  const tokenizer = await AutoTokenizer.from_pretrained(folder.split('/').pop()!);
  const session = await ort.InferenceSession.create(join(folder, 'onnx/model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const order = Array.from(rows.keys()).sort((a, b) => rows[a].length - rows[b].length);
  const warm = tokenizer(rows.slice(0, batchSize) as string[], { padding: true, truncation: true }) as unknown as Record<string, { data: BigInt64Array; dims: number[] }>;
  await session.run(Object.fromEntries(['input_ids', 'attention_mask', 'token_type_ids'].map((name) => [name, new ort.Tensor('int64', warm[name].data, warm[name].dims)])));
  const start = performance.now();
  for (let s = 0; s < order.length; s += batchSize) {
    const batch = order.slice(s, s + batchSize).map((i) => rows[i]);
    const encoded = tokenizer(batch, { padding: true, truncation: true }) as unknown as Record<string, { data: BigInt64Array; dims: number[] }>;
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) feeds[name] = new ort.Tensor('int64', encoded[name].data, encoded[name].dims);
    const out = (await session.run(feeds)).last_hidden_state;
    const [b, t, h] = out.dims;
    const states = out.data as Float32Array;
    const mask = encoded.attention_mask.data;
    for (let r = 0; r < b; r++) {
      // The sum over unpadded tokens: normalizing it normalizes the mean.
      const mean = new Float32Array(h);
      for (let k = 0; k < t; k++) {
        if (mask[r * t + k] === 0n) continue;
        for (let d = 0; d < h; d++) mean[d] += states[(r * t + k) * h + d];
      }
      let norm = 0;
      for (let d = 0; d < h; d++) norm += mean[d] * mean[d];
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < h; d++) mean[d] *= scale;
    }
  }
  const rate = rows.length / ((performance.now() - start) / 1000);
  await session.release();
  return rate;
}

async function detectorAuc(realTexts: string[], synthTexts: string[], semantic: Embedder | undefined): Promise<number> {
  const dictionary = loadDictionary();
  const all = [...realTexts, ...synthTexts];
  const features = featureMatrix(all, dictionary);
  const tfidf = new HashedTfidf({ seed: 42 });
  tfidf.fit(all);
  const detectorTfidf = tfidf.withMinimumDocumentFrequency(Math.max(5, Math.ceil(0.01 * all.length)));
  let dense = features;
  let denseDim = FEATURE_COUNT;
  if (semantic) {
    // The semantic vector of each row, appended to its stylometric features.
    const vectors = await semantic.embed(all);
    denseDim = FEATURE_COUNT + semantic.dimension;
    dense = new Float32Array(all.length * denseDim);
    for (let i = 0; i < all.length; i++) {
      dense.set(features.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), i * denseDim);
      dense.set(vectors[i], i * denseDim + FEATURE_COUNT);
    }
  }
  const isSynthetic = new Uint8Array(all.length).fill(1, realTexts.length);
  const result = trainDetector(
    { count: all.length, isSynthetic, dense, denseDim, sparse: (i) => detectorTfidf.vectorView(all[i]), sparseDim: detectorTfidf.buckets },
    { folds: 5, seed: 42, c: 0.3, maxTrainPerClass: 20_000 },
  );
  return result.auc;
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'clinc150/synthetic_gpt35.jsonl'))) {
    console.log(`embedders: data not found at ${DATA} (set SYNTHGAP_BENCH_DATA); skipped`);
    return;
  }
  const synthetic = texts('clinc150/synthetic_gpt35.jsonl');
  const short = sample(synthetic, 20_000, 1);
  // About 780 characters (about 190 word pieces) each: fifteen rows joined.
  const long = Array.from({ length: 2_000 }, (_, i) => sample(synthetic, 15, 100 + i).join(' '));

  const tfidf = new HashedTfidf({ seed: 42 });
  tfidf.fit(short);
  const hashed = createHashedEmbedder(tfidf);
  row('hashed (built in)', await rate((r) => hashed.embed(r), short), await rate((r) => hashed.embed(r), long));

  let potion: Embedder | undefined;
  if (existsSync(join(POTION, 'model.safetensors'))) {
    const start = performance.now();
    const model = await loadModel2Vec(POTION);
    const loadMs = performance.now() - start;
    potion = model;
    const cold = await rate((r) => model.embed(r), short);
    const warm = await rate((r) => model.embed(r), sample(synthetic, 20_000, 2));
    row('model2vec potion-base-4m-int8', warm, await rate((r) => model.embed(r), long), `first 20K rows (cold word memo) ${Math.round(cold).toLocaleString('en-US')}/s; load ${Math.round(loadMs)} ms`);
  } else console.log(`embedders: ${POTION} not found; Model2Vec rows skipped`);

  if (!existsSync(join(POTION, 'tokenizer.json'))) return;
  const minilm = ensureTestEncoder(join(ROOT, '.cache/bench-encoder-minilm'), MINILM_SHAPE);
  const shortEnc = short.slice(0, 512);
  const longEnc = long.slice(0, 64);
  const session = await EncoderSession.load({ model: minilm, allowDownload: false, threads: 1 });
  await session.embed(shortEnc.slice(0, 32));
  const tjsShort = await rate((r) => session.embed(r), shortEnc);
  const tjsLong = await rate((r) => session.embed(r), longEnc);
  const rawShort = await rawOrt(minilm, shortEnc);
  const rawLong = await rawOrt(minilm, longEnc);
  row('onnxruntime-node raw, MiniLM-L6 shape fp32', rawShort, rawLong, 'same tokenizer, sorted batches of 16, 1 thread');
  row('transformers.js 4.3 in-process', tjsShort, tjsLong, `${Math.round((100 * tjsShort) / rawShort)}% / ${Math.round((100 * tjsLong) / rawLong)}% of raw`);
  const host = existsSync(join(ROOT, 'dist/encoderHost.js')) ? join(ROOT, 'dist/encoderHost.js') : join(ROOT, 'src/embedders/encoderHost.ts');
  const child = await EncoderEmbedder.start({ model: minilm, allowDownload: false, hostScript: host, threads: 1 });
  await child.embed(shortEnc.slice(0, 32));
  row('transformers.js in the child process', await rate((r) => child.embed(r), shortEnc), await rate((r) => child.embed(r), longEnc), 'what the CLI and editor run');
  child.close();

  const widths = [44, 14, 14, 0];
  console.log('\nembedder'.padEnd(widths[0] + 1) + 'short rows/s'.padStart(widths[1]) + 'long rows/s'.padStart(widths[2]) + '  note');
  for (const cells of table) console.log(cells[0].padEnd(widths[0]) + cells[1].padStart(widths[1]) + cells[2].padStart(widths[2]) + '  ' + cells[3]);

  if (potion) {
    const real = sample(texts('clinc150/real_train.jsonl'), 5_000, 3);
    const synth = sample(synthetic, 5_000, 4);
    // The subtle case: the LLM rows with CLINC150's formatting (lower case, no punctuation), so style alone cannot tell.
    const stripped = synth.map((text) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']+/gu, '').replace(/\s+/g, ' ').trim());
    const test = sample(texts('clinc150/real_test.jsonl'), 4_500, 5);
    console.log('\ndetector AUC (5-fold cross-fitted, CLINC150)                 hashed + style   + model2vec dims');
    for (const [name, synthRows] of [
      ['real_train 5K vs synthetic_gpt35 5K', synth],
      ['real_train 5K vs synthetic_gpt35 5K, case+punct. stripped', stripped],
      ['real_train 5K vs real_test 4.5K (control: 0.5 is right)', test],
    ] as const) {
      const alone = await detectorAuc(real, [...synthRows], undefined);
      const added = await detectorAuc(real, [...synthRows], potion);
      console.log(`${name.padEnd(58)} ${alone.toFixed(3).padStart(12)}   ${added.toFixed(3).padStart(14)}`);
    }
  }
}

void main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
