import type { CancellationToken } from '../host';
import { throwIfCancelled } from '../host';
import * as hash from '../stats/hash';
import { GramExtractor } from './hashedGrams';
import { radixSortUint32 } from './radixSort';
import type { Embedder, SparseVector } from './types';

const fmix32 = hash.fmix32; // a local binding keeps the hot loop free of CommonJS interop getters

export interface HashedTfidfOptions {
  /** Number of hash buckets (the sparse dimension), 16..2^24; default 2^18. */
  readonly buckets?: number;
  /** Changes which features share a bucket and their signs; default 0. */
  readonly seed?: number;
}

/** A fitted {@link HashedTfidf} as plain data: IDF per bucket in 1/16 steps above 1, 255 for a dropped feature. */
export interface HashedTfidfState {
  readonly buckets: number;
  readonly seed: number;
  readonly wordIdf: Uint8Array;
  readonly charIdf: Uint8Array;
}

/**
 * The built-in embedding, which needs no download: hashed TF-IDF over lower-cased word 1-2-grams and raw
 * character 2-4-grams (see {@link GramExtractor}). Each feature lands in `hash mod buckets` with a sign taken
 * from another hash bit, so collisions cancel out in dot products on average. Term frequency is sublinear
 * (`1 + ln tf`), IDF is smooth (`ln((1 + n) / (1 + df)) + 1`, fitted per family, stored to 1/16), each family is
 * L2-normalized and weighted equally (so the many character grams do not drown the words), and the result is
 * L2-normalized again. Before {@link fit} every IDF is 1. Empty text gives an empty vector.
 *
 * @example const m = new HashedTfidf(); m.fit(texts); m.vector('How do I reset my PIN?') // about 60 non-zeros
 */
export class HashedTfidf {
  readonly buckets: number;
  readonly seed: number;
  private readonly mask: number;
  // IDF per bucket in steps of 1/IDF_STEPS above 1, one byte each: both tables then fit a core's L2 cache,
  // and their lookups, not the hashing, would otherwise dominate the time per text.
  private readonly wordIdf: Uint8Array;
  private readonly charIdf: Uint8Array;
  private readonly grams = new GramExtractor();
  // Scratch, sized for the longest text seen: sort keys and their spare, then `bucket << 1 | family` and the
  // weight of each distinct (bucket, family) pair.
  private keys = new Uint32Array(1024);
  private spare = new Uint32Array(1024);
  private readonly keyBits: number;
  private ids = new Uint32Array(1024);
  private weights = new Float64Array(1024);
  // What `weigh` leaves for `combine`: the entries in use and each family's normalizing factor.
  private entries = 0;
  private wordScale = 0;
  private charScale = 0;
  private viewIndices = new Uint32Array(1024);
  private viewValues = new Float32Array(1024);
  // Document frequencies of the last fit, kept so a copy can drop rare features without refitting.
  private wordDf = new Uint32Array(0);
  private charDf = new Uint32Array(0);
  private documents = 0;

  constructor(options: HashedTfidfOptions = {}) {
    const buckets = options.buckets ?? 1 << 18;
    if (!Number.isInteger(buckets) || buckets < 16 || buckets > 1 << 24) {
      throw new RangeError(`buckets must be an integer in 16..2^24, got ${buckets}`);
    }
    this.buckets = buckets;
    this.seed = (options.seed ?? 0) >>> 0;
    this.keyBits = 32 - Math.clz32(buckets - 1) + 2;
    this.mask = (buckets & (buckets - 1)) === 0 ? buckets - 1 : -1;
    this.wordIdf = new Uint8Array(buckets);
    this.charIdf = new Uint8Array(buckets);
  }

  /** Fits the IDF on a corpus (replacing any earlier fit). An empty corpus leaves every IDF at 1. */
  fit(texts: Iterable<string>, token?: CancellationToken): void {
    const wordDf = new Uint32Array(this.buckets);
    const charDf = new Uint32Array(this.buckets);
    let n = 0;
    for (const text of texts) {
      if ((n & 1023) === 0) throwIfCancelled(token);
      this.grams.extract(text);
      this.reserve(Math.max(this.grams.wordCount, this.grams.charCount));
      this.countDocument(this.grams.words, this.grams.wordCount, wordDf);
      this.countDocument(this.grams.chars, this.grams.charCount, charDf);
      n++;
    }
    this.wordDf = wordDf;
    this.charDf = charDf;
    this.documents = n;
    this.setIdf(0);
  }

  /**
   * A copy that ignores every feature found in fewer than `minDocuments` texts of the fitted corpus.
   * The detector uses one: a feature seen in one row only cannot recur in another fold, and learning it only
   * fits noise.
   */
  withMinimumDocumentFrequency(minDocuments: number): HashedTfidf {
    const copy = new HashedTfidf({ buckets: this.buckets, seed: this.seed });
    copy.wordDf = this.wordDf;
    copy.charDf = this.charDf;
    copy.documents = this.documents;
    copy.setIdf(minDocuments);
    return copy;
  }

  private setIdf(minDocuments: number): void {
    const n = this.documents;
    if (n === 0) {
      this.wordIdf.fill(0);
      this.charIdf.fill(0);
      return;
    }
    const { wordDf, charDf } = this;
    for (let b = 0; b < this.buckets; b++) {
      this.wordIdf[b] = wordDf[b] < minDocuments ? DROPPED : quantizeIdf(Math.log((1 + n) / (1 + wordDf[b])));
      this.charIdf[b] = charDf[b] < minDocuments ? DROPPED : quantizeIdf(Math.log((1 + n) / (1 + charDf[b])));
    }
  }

  /**
   * The fitted state as plain data (typed arrays), for sending a model to another thread or keeping it;
   * {@link HashedTfidf.fromState} rebuilds a model that gives the same vectors. Document frequencies are left
   * out, so the copy cannot make a {@link withMinimumDocumentFrequency} copy of its own.
   */
  exportState(): HashedTfidfState {
    return { buckets: this.buckets, seed: this.seed, wordIdf: this.wordIdf.slice(), charIdf: this.charIdf.slice() };
  }

  /** A model from {@link exportState}'s output. Throws a RangeError when the tables do not match the buckets. */
  static fromState(state: HashedTfidfState): HashedTfidf {
    const model = new HashedTfidf({ buckets: state.buckets, seed: state.seed });
    if (state.wordIdf.length !== state.buckets || state.charIdf.length !== state.buckets) throw new RangeError('IDF tables do not match the bucket count');
    model.wordIdf.set(state.wordIdf);
    model.charIdf.set(state.charIdf);
    return model;
  }

  /**
   * The bucket a lower-cased word unigram lands in (as {@link vector} hashes it), or -1 when the word yields
   * no word feature. Reasons use it to say which of a row's words weigh most in the detector.
   */
  wordBucket(word: string): number {
    this.grams.extract(word);
    if (this.grams.wordCount !== 1) return -1;
    const h = this.seed === 0 ? this.grams.words[0] : fmix32(this.grams.words[0] ^ this.seed);
    return this.mask >= 0 ? h & this.mask : (h & 0x7fffffff) % this.buckets;
  }

  /** The text's L2-normalized TF-IDF vector, indices strictly increasing. */
  vector(text: string): SparseVector {
    const distinct = this.weigh(text);
    return this.combine(new Uint32Array(distinct), new Float32Array(distinct));
  }

  /**
   * The same vector as {@link vector}, but as views of buffers that the next call overwrites: for callers
   * that use each vector before asking for the next, as the detector does. It allocates no backing store,
   * which saves about a tenth of the time per text and much garbage collection over a million texts.
   */
  vectorView(text: string): SparseVector {
    const distinct = this.weigh(text);
    if (this.viewIndices.length < distinct) {
      this.viewIndices = new Uint32Array(2 * distinct);
      this.viewValues = new Float32Array(2 * distinct);
    }
    return this.combine(this.viewIndices.subarray(0, distinct), this.viewValues.subarray(0, distinct));
  }

  /**
   * Extracts, hashes, sorts and weighs the text's features into `ids`/`weights` (one entry per bucket and
   * family); returns the number of distinct buckets.
   */
  private weigh(text: string): number {
    const g = this.grams;
    g.extract(text);
    const count = g.wordCount + g.charCount;
    this.reserve(count);
    // One sort of `bucket | family | sign` keys groups each bucket's word features, then its char features.
    // Sorting a few hundred keys beats scattering counts into a table the size of the hash space, whose
    // cache misses would dominate the time.
    const keys = this.keys;
    this.writeKeys(g.words, g.wordCount, 0, 0);
    this.writeKeys(g.chars, g.charCount, g.wordCount, 2);
    radixSortUint32(keys, count, this.keyBits, this.spare);
    const { ids, weights, wordIdf, charIdf } = this;
    let entries = 0;
    let distinct = 0;
    let wordSquares = 0;
    let charSquares = 0;
    let k = 0;
    while (k < count) {
      const group = keys[k] >>> 1;
      let tf = 0;
      // The low key bit is the feature's sign, so colliding features cancel on average.
      for (; k < count && keys[k] >>> 1 === group; k++) tf += (keys[k] & 1) === 1 ? -1 : 1;
      if (tf === 0) continue;
      const bucket = group >>> 1;
      const isChar = (group & 1) === 1;
      const idf = isChar ? charIdf[bucket] : wordIdf[bucket];
      if (idf === DROPPED) continue;
      const sublinear = tf === 1 ? 1 : tf > 0 ? 1 + Math.log(tf) : -1 - Math.log(-tf);
      const value = sublinear * (1 + idf / IDF_STEPS);
      if (isChar) charSquares += value * value;
      else wordSquares += value * value;
      if (entries === 0 || ids[entries - 1] >>> 1 !== bucket) distinct++;
      ids[entries] = group;
      weights[entries++] = value;
    }
    this.entries = entries;
    this.wordScale = wordSquares > 0 ? Math.SQRT1_2 / Math.sqrt(wordSquares) : 0;
    this.charScale = charSquares > 0 ? Math.SQRT1_2 / Math.sqrt(charSquares) : 0;
    return distinct;
  }

  /** Writes `bucket << 2 | family << 1 | sign` for each hash into `keys` from `at`. */
  private writeKeys(hashes: Uint32Array, count: number, at: number, family: number): void {
    const { keys, mask, buckets, seed } = this;
    for (let k = 0; k < count; k++) {
      const h = seed === 0 ? hashes[k] : fmix32(hashes[k] ^ seed);
      const bucket = mask >= 0 ? h & mask : (h & 0x7fffffff) % buckets;
      keys[at + k] = (bucket << 2) | family | (h >>> 31);
    }
  }

  /**
   * Scales each family to norm 1/sqrt(2), so the many character grams do not drown the words, sums the two
   * values a bucket may hold, and normalizes the result.
   */
  private combine(indices: Uint32Array, values: Float32Array): SparseVector {
    const { ids, weights, entries, wordScale, charScale } = this;
    const distinct = indices.length;
    let n = -1;
    let previous = -1;
    let sumSquares = 0;
    for (let e = 0; e < entries; e++) {
      const bucket = ids[e] >>> 1;
      const value = weights[e] * ((ids[e] & 1) === 1 ? charScale : wordScale);
      if (bucket !== previous) {
        if (n >= 0) sumSquares += values[n] * values[n];
        indices[++n] = bucket;
        values[n] = value;
        previous = bucket;
      } else {
        values[n] += value;
      }
    }
    if (n >= 0) sumSquares += values[n] * values[n];
    const scale = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    for (let j = 0; j < distinct; j++) values[j] *= scale;
    return { indices, values };
  }

  private reserve(size: number): void {
    if (this.keys.length >= size) return;
    this.keys = new Uint32Array(2 * size);
    this.spare = new Uint32Array(2 * size);
    this.ids = new Uint32Array(2 * size);
    this.weights = new Float64Array(2 * size);
  }

  /** Adds one to the document frequency of each distinct bucket the features hit. */
  private countDocument(hashes: Uint32Array, count: number, df: Uint32Array): void {
    this.writeKeys(hashes, count, 0, 0);
    const keys = this.keys;
    radixSortUint32(keys, count, this.keyBits, this.spare);
    let previous = -1;
    for (let k = 0; k < count; k++) {
      const bucket = keys[k] >>> 2;
      if (bucket !== previous) df[bucket]++;
      previous = bucket;
    }
  }
}

/** Resolution of the stored IDF: 1/16, so the largest storable IDF is about 17 (a corpus of 8M texts). */
const IDF_STEPS = 16;

/** The stored IDF of a feature left out by {@link HashedTfidf.withMinimumDocumentFrequency}. */
const DROPPED = 255;

function quantizeIdf(idfAboveOne: number): number {
  return Math.min(DROPPED - 1, Math.round(idfAboveOne * IDF_STEPS));
}

/**
 * The built-in {@link Embedder}: a {@link HashedTfidf} vector folded into `dimension` dense slots
 * (bucket mod dimension, signs kept, so folding acts like a random projection that roughly preserves cosines),
 * then L2-normalized. Deterministic; a text with no features embeds as all zeros. The model is used as it is,
 * so fit it before embedding. Its id is `hashed-tfidf-<dimension>`.
 *
 * @example const e = createHashedEmbedder(model); const [v] = await e.embed(['Hi there!']); v.length // 256
 */
export function createHashedEmbedder(model: HashedTfidf, dimension = 256): Embedder {
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
  return {
    id: `hashed-tfidf-${dimension}`,
    dimension,
    embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]> {
      try {
        const out: Float32Array[] = new Array<Float32Array>(texts.length);
        for (let i = 0; i < texts.length; i++) {
          if ((i & 1023) === 0) throwIfCancelled(token);
          out[i] = foldVector(model, texts[i], dimension);
        }
        return Promise.resolve(out);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** One text's folded, normalized embedding. */
export function foldVector(model: HashedTfidf, text: string, dimension: number): Float32Array {
  const { indices, values } = model.vector(text);
  const dense = new Float32Array(dimension);
  for (let k = 0; k < indices.length; k++) dense[indices[k] % dimension] += values[k];
  let sumSquares = 0;
  for (let j = 0; j < dimension; j++) sumSquares += dense[j] * dense[j];
  if (sumSquares > 0) {
    const scale = 1 / Math.sqrt(sumSquares);
    for (let j = 0; j < dimension; j++) dense[j] *= scale;
  }
  return dense;
}
