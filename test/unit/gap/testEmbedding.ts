// A stand-in for the real embedder in tests: a hashed bag of lower-cased words (optionally weighted by inverse
// document frequency over `idfTexts`), L2-normalized. Deterministic and fast; close enough to a text embedding
// for near-copies and topics.
import type { EmbeddedSample, SideRows } from '../../../src/core/gap/sideRows';

function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])];
}

function bucketOf(word: string, dimension: number): { index: number; sign: number } {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return { index: (hash >>> 1) % dimension, sign: hash & 1 ? 1 : -1 };
}

/** Embeds the texts; every word weighs 1 unless `idfTexts` is given to weigh words by rarity. */
export function embedTexts(texts: readonly string[], dimension = 128, idfTexts?: readonly string[]): Float32Array[] {
  const documents = new Map<string, number>();
  for (const text of idfTexts ?? []) for (const word of wordsOf(text)) documents.set(word, (documents.get(word) ?? 0) + 1);
  const n = idfTexts?.length ?? 0;
  return texts.map((text) => {
    const vector = new Float32Array(dimension);
    for (const word of wordsOf(text)) {
      const { index, sign } = bucketOf(word, dimension);
      vector[index] += sign * (idfTexts ? Math.log((n + 1) / ((documents.get(word) ?? 0) + 1)) : 1);
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dimension; i++) vector[i] /= norm;
    return vector;
  });
}

export function embedAll(texts: readonly string[], dimension = 128, idfTexts?: readonly string[]): EmbeddedSample {
  return { rows: Uint32Array.from(texts, (_, i) => i), vectors: embedTexts(texts, dimension, idfTexts) };
}

/** A side whose rows sit on lines 1, 2, 3, … with every row embedded. */
export function sideOf(
  texts: readonly string[],
  options: { labels?: readonly string[]; file?: string; dimension?: number; idfTexts?: readonly string[] } = {},
): SideRows {
  return {
    texts,
    rows: texts.map((_, i) => ({ line: i + 1, ...(options.labels ? { label: options.labels[i] } : {}) })),
    ...(options.file ? { rowFiles: texts.map(() => options.file as string) } : {}),
    embedded: embedAll(texts, options.dimension, options.idfTexts),
  };
}
