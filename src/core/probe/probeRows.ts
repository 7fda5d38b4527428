import { HashedTfidf } from '../embed/hashedTfidf';
import { FEATURE_COUNT } from '../features/registry';
import { featureMatrix } from '../gap/matrix';
import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';
import { sampleIndexes, seededRandom } from '../stats/random';
import type { SoftmaxRows } from './softmax';

export interface ProbeRowsOptions {
  /** Hash buckets of the TF-IDF part; default 2^16, which keeps 150 classes' weights at 40 MB. */
  readonly buckets?: number;
  readonly seed?: number;
  /** Adds the standardized stylometric features as columns, measured with this dictionary. */
  readonly styleDictionary?: WordDictionary;
  readonly token?: CancellationToken;
}

/** Texts the IDF is fitted on at most, a seeded sample of the pool beyond this. */
const IDF_ROWS = 100_000;
/** Standardized feature values are clipped to ±this, as in the detector. */
const CLIP = 8;

/**
 * The classifier's rows: each text's L2-normalized hashed TF-IDF vector (word 1–2-grams and character
 * 2–4-grams, IDF fitted on the `pool` rows), optionally followed by the FEATURES standardized with the pool's
 * mean and spread, clipped to ±8 and weighted 1/√(feature count) so that block has about unit norm too.
 * The pool is the training data (reference and synthetic rows), so no test row shapes the features.
 *
 * @example const rows = probeRows(texts, labels, 150, pool, { seed: 42 }); rows.columns // 65536
 */
export function probeRows(texts: readonly string[], labels: Int32Array, classes: number, pool: Uint32Array, options: ProbeRowsOptions = {}): SoftmaxRows {
  const buckets = options.buckets ?? 1 << 16;
  const tfidf = new HashedTfidf({ buckets, seed: options.seed });
  const sample = sampleIndexes(pool.length, IDF_ROWS, seededRandom(options.seed ?? 0));
  tfidf.fit(Array.from(sample, (i) => texts[pool[i]]), options.token);
  const dense = options.styleDictionary ? standardized(texts, pool, options.styleDictionary, options.token) : undefined;
  const denseDim = dense ? FEATURE_COUNT : 0;
  const offsets = new Float64Array(texts.length + 1);
  let indices = new Uint32Array(1 << 16);
  let values = new Float32Array(1 << 16);
  let size = 0;
  for (let r = 0; r < texts.length; r++) {
    if ((r & 4095) === 0) throwIfCancelled(options.token);
    const vector = tfidf.vectorView(texts[r]);
    const need = size + vector.indices.length + denseDim;
    if (need > indices.length) {
      const capacity = Math.max(need, 2 * indices.length);
      indices = grow(indices, new Uint32Array(capacity), size);
      values = grow(values, new Float32Array(capacity), size);
    }
    indices.set(vector.indices, size);
    values.set(vector.values, size);
    size += vector.indices.length;
    for (let j = 0; j < denseDim && dense; j++) {
      indices[size] = buckets + j;
      values[size++] = dense[r * denseDim + j];
    }
    offsets[r + 1] = size;
  }
  return { sparse: { offsets, indices: indices.slice(0, size), values: values.slice(0, size) }, columns: buckets + denseDim, labels, classes };
}

/** Every text's features, standardized with the pool rows' mean and spread, clipped and weighted. */
function standardized(texts: readonly string[], pool: Uint32Array, dictionary: WordDictionary, token?: CancellationToken): Float32Array {
  const dim = FEATURE_COUNT;
  const matrix = featureMatrix(texts, dictionary, token);
  const weight = 1 / Math.sqrt(dim);
  for (let j = 0; j < dim; j++) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (const row of pool) {
      const x = matrix[row * dim + j];
      if (!Number.isFinite(x)) continue;
      n++;
      const delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }
    const spread = n > 0 ? Math.sqrt(m2 / n) : 0;
    const std = spread > 1e-12 * Math.max(1, Math.abs(mean)) ? spread : 1;
    for (let r = 0; r < texts.length; r++) {
      const z = (matrix[r * dim + j] - mean) / std;
      matrix[r * dim + j] = weight * (Number.isFinite(z) ? Math.max(-CLIP, Math.min(CLIP, z)) : 0);
    }
  }
  return matrix;
}

function grow<T extends Uint32Array | Float32Array>(from: T, to: T, size: number): T {
  to.set(from.subarray(0, size));
  return to;
}
