import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { throwIfCancelled, type CancellationToken, type Embedder, type NearCopyThresholds } from '../core';
import { readSafetensors, type Tensor } from './safetensors';
import { loadTokenizer, type TextTokenizer } from './tokenizer';

/** Model2Vec's default: tokens past this many are ignored (`StaticModel.encode(max_length=512)`). */
const MAX_TOKENS = 512;
const YIELD_EVERY = 2048;

/**
 * Where a Model2Vec (potion) embedding calls texts near-duplicates and copies. A mean of word vectors puts short
 * texts that share most words very close ("set a 4 minute timer" and "set a one minute timer": 0.985), so its
 * cosines run higher than the hashed embedding's, not lower. Measured with potion-base-4M (int8) on CLINC150:
 * at 0.9 it groups 8,634 of the 30,007 gpt-3.5 paraphrases, 823 of them across intents; at 0.97 it groups
 * 1,325 (hashed at 0.9: 443), 6 across intents (hashed: 3), and 479 with rewordings of their own source
 * utterance (hashed: 84). Copies need 0.99: below it, real test rows count as copies of real training rows
 * by the hundreds (at 0.99 still 292 of 4,500, against 50 for hashed at 0.95), which is rewording, not copying.
 *
 * Paraphrases (one request in other words) sit lower: 0.8, measured with potion-base-4M (int8) on the first 6,000
 * gpt-3.5 rows of CLINC150 (about ten paraphrases of each seed utterance, in a row). Of 5,970 pairs of adjacent
 * rows of one intent (nearly all paraphrases of one seed), 22% are at 0.8 or more (47% at 0.7); of 1,400 pairs
 * of one intent 60 rows apart (other requests of that intent), 3.1% (11% at 0.7); of 19,326 random pairs of
 * different intents, none (0.1% at 0.7), and none of 19,800 such pairs of real CLINC150 test rows. Ten
 * hand-written paraphrases of "cancel my order" put 8 of 9 at 0.8 or more from the first (test/fixtures/paraphrase).
 * Groups at this cosine gather around a leading row (gap/duplicates.ts `leader`): chains of single links at 0.8
 * would run through an intent's other requests (3% of its pairs) to the whole intent.
 */
export const MODEL2VEC_NEAR_COPY: NearCopyThresholds = { duplicate: 0.97, leak: 0.99, paraphrase: 0.8 };

export interface StaticTable {
  /** rows × dimension token vectors. */
  readonly vectors: Float32Array;
  readonly rows: number;
  readonly dimension: number;
  /** Per-token weight (newer Model2Vec exports), or undefined. */
  readonly weights?: Float32Array;
  /** Token id → row (vocabulary-quantized exports), or undefined for the identity. */
  readonly mapping?: Int32Array;
}

/**
 * A static (Model2Vec) embedding: a row's vector is the mean of its tokens' vectors, L2-normalized. Tokens
 * come from transformers.js's tokenizer without special tokens; [UNK] and other special tokens are skipped
 * as Model2Vec does. Text without any known token gives the zero vector. About 2 µs per short row.
 */
export class Model2VecEmbedder implements Embedder {
  readonly dimension: number;
  readonly nearCopy = MODEL2VEC_NEAR_COPY;
  private readonly skip: Uint8Array;

  constructor(
    readonly id: string,
    private readonly table: StaticTable,
    private readonly tokenizer: TextTokenizer,
  ) {
    this.dimension = table.dimension;
    this.skip = new Uint8Array(Math.max(table.rows, tokenizer.vocabSize, ...tokenizer.specialIds.map((id) => id + 1)));
    for (const special of tokenizer.specialIds) this.skip[special] = 1;
  }

  async embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) {
        // Let a cancellation request (and anything else waiting) through on long runs.
        await new Promise<void>((resolve) => setImmediate(resolve));
        throwIfCancelled(token);
      }
      out[i] = this.embedOne(texts[i]);
    }
    throwIfCancelled(token);
    return out;
  }

  /** The vector of one text, synchronously. */
  embedOne(text: string): Float32Array {
    const { vectors, dimension, rows, weights, mapping } = this.table;
    const sum = new Float32Array(dimension);
    const ids = this.tokenizer.encode(text);
    const n = Math.min(ids.length, MAX_TOKENS);
    for (let t = 0; t < n; t++) {
      const id = ids[t];
      if (this.skip[id] === 1) continue;
      const row = mapping ? mapping[id] : id;
      if (row === undefined || row < 0 || row >= rows) continue;
      const weight = weights ? weights[id] : 1;
      const offset = row * dimension;
      for (let k = 0; k < dimension; k++) sum[k] += weight * vectors[offset + k];
    }
    // The mean's direction is the sum's: normalizing the sum is normalizing the mean.
    let norm = 0;
    for (let k = 0; k < dimension; k++) norm += sum[k] * sum[k];
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let k = 0; k < dimension; k++) sum[k] *= scale;
    }
    return sum;
  }
}

/**
 * Loads a Model2Vec folder (`tokenizer.json` and `model.safetensors` holding an `embeddings` tensor of F32, F16 or
 * I8, optionally with per-row `scales`, per-token `weights` and a token-to-row `mapping`). Throws an Error whose
 * message names the folder and says what is missing or wrong.
 */
export async function loadModel2Vec(folder: string, id = `model2vec:${basename(folder)}`): Promise<Model2VecEmbedder> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(folder, 'model.safetensors'));
  } catch (error) {
    throw new Error(`${folder} has no readable model.safetensors (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let tensors: Map<string, Tensor>;
  try {
    tensors = readSafetensors(bytes);
  } catch (error) {
    throw new Error(`${join(folder, 'model.safetensors')}: ${(error as Error).message}`);
  }
  const table = staticTable(tensors, folder);
  let tokenizer: TextTokenizer;
  try {
    tokenizer = await loadTokenizer(folder);
  } catch (error) {
    throw new Error(`${folder}: the tokenizer.json could not be loaded (${(error as Error).message})`);
  }
  return new Model2VecEmbedder(id, table, tokenizer);
}

function staticTable(tensors: Map<string, Tensor>, folder: string): StaticTable {
  const embeddings = tensors.get('embeddings') ?? (tensors.size === 1 ? [...tensors.values()][0] : undefined);
  if (!embeddings || embeddings.shape.length !== 2) throw new Error(`${folder}: model.safetensors has no 2-D "embeddings" tensor`);
  const [rows, dimension] = embeddings.shape;
  const vectors = embeddings.data;
  // Int8 exports may carry a scale per row (or one for all); a single scale does not change a normalized mean.
  const scales = tensors.get('scales') ?? tensors.get('scale');
  if (scales && scales.data.length === rows) {
    for (let r = 0; r < rows; r++) for (let k = 0; k < dimension; k++) vectors[r * dimension + k] *= scales.data[r];
  }
  const weights = tensors.get('weights')?.data;
  const mappingTensor = tensors.get('mapping');
  const mapping = mappingTensor ? Int32Array.from(mappingTensor.data) : undefined;
  return { vectors, rows, dimension, ...(weights ? { weights } : {}), ...(mapping ? { mapping } : {}) };
}
