import { createHashedEmbedder, HashedTfidf } from '../embed/hashedTfidf';
import type { Embedder } from '../embed/types';
import type { EmbeddedSample } from '../gap/sideRows';
import type { CancellationToken } from '../host';
import { sampleIndexes, seededRandom, type Random } from '../stats/random';

/** Texts the inverse document frequencies are fitted on, a seeded sample beyond this (as `analyze` does). */
const IDF_ROWS = 100_000;

export interface EmbedSidesOptions {
  readonly seed?: number;
  /** Rows embedded per side, a seeded sample beyond this; default every row. */
  readonly maxRows?: number;
  /** Embeds both sides instead of the hashed embedding (no IDF to fit then). */
  readonly embedder?: Embedder;
  readonly token?: CancellationToken;
}

export interface EmbeddedSides {
  readonly real: EmbeddedSample;
  readonly synthetic: EmbeddedSample;
  /** The embedding, for more texts. */
  readonly embedder: Embedder;
}

/**
 * Both sides on `options.embedder`, or else on the built-in hashed TF-IDF embedding (256 dimensions, as
 * `check` uses), its IDF fitted on a seeded sample of both sides together. Same texts and seed, same vectors.
 *
 * @example const { real, synthetic } = await embedSides(realTexts, syntheticTexts, { seed: 42 })
 */
export async function embedSides(realTexts: readonly string[], syntheticTexts: readonly string[], options: EmbedSidesOptions = {}): Promise<EmbeddedSides> {
  const seed = options.seed ?? 0;
  const random = seededRandom(seed ^ 0x5e1ec7);
  const embedder = options.embedder ?? hashedEmbedder(realTexts, syntheticTexts, seed, random, options.token);
  const embed = async (texts: readonly string[]): Promise<EmbeddedSample> => {
    const rows = sampleIndexes(texts.length, options.maxRows ?? Infinity, random);
    return { rows, vectors: await embedder.embed(Array.from(rows, (row) => texts[row]), options.token) };
  };
  return { real: await embed(realTexts), synthetic: await embed(syntheticTexts), embedder };
}

function hashedEmbedder(realTexts: readonly string[], syntheticTexts: readonly string[], seed: number, random: Random, token?: CancellationToken): Embedder {
  const total = realTexts.length + syntheticTexts.length;
  const share = Math.min(1, IDF_ROWS / Math.max(1, total));
  const corpus: string[] = [];
  for (const texts of [realTexts, syntheticTexts]) {
    for (const i of sampleIndexes(texts.length, Math.ceil(texts.length * share), random)) corpus.push(texts[i]);
  }
  const tfidf = new HashedTfidf({ seed });
  tfidf.fit(corpus, token);
  return createHashedEmbedder(tfidf);
}
