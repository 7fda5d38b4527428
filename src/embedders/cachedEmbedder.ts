import type { CancellationToken, Embedder, NearCopyThresholds } from '../core';
import { cacheKey, type EmbeddingCache } from './diskCache';

/**
 * Wraps an embedder with a cache keyed by text hash: texts seen before (in this run or an earlier one, with a
 * disk cache) are not embedded again, and a text repeated within one call is embedded once. `embeddedTexts`
 * counts the texts actually sent to the inner embedder, so a caller (or a test) can tell what a run cost.
 */
export class CachedEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  readonly nearCopy?: NearCopyThresholds;
  /** Texts sent to the inner embedder so far. */
  embeddedTexts = 0;
  /** Calls of the inner embedder's `embed` so far (none when every text was cached). */
  innerCalls = 0;

  constructor(
    readonly inner: Embedder,
    readonly cache: EmbeddingCache,
  ) {
    if (cache.dimension !== inner.dimension) throw new Error(`cache dimension ${cache.dimension} does not match ${inner.id} (${inner.dimension})`);
    this.id = inner.id;
    this.dimension = inner.dimension;
    if (inner.nearCopy) this.nearCopy = inner.nearCopy;
  }

  async embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    const missingKeys: string[] = [];
    const missingTexts: string[] = [];
    const waiting = new Map<string, number[]>();
    for (let i = 0; i < texts.length; i++) {
      const key = cacheKey(texts[i]);
      const cached = this.cache.get(key);
      if (cached) {
        out[i] = cached;
        continue;
      }
      const slots = waiting.get(key);
      if (slots) {
        slots.push(i);
        continue;
      }
      waiting.set(key, [i]);
      missingKeys.push(key);
      missingTexts.push(texts[i]);
    }
    if (missingTexts.length > 0) {
      this.innerCalls++;
      this.embeddedTexts += missingTexts.length;
      const vectors = await this.inner.embed(missingTexts, token);
      this.cache.putMany(missingKeys, vectors);
      missingKeys.forEach((key, m) => {
        for (const slot of waiting.get(key) ?? []) out[slot] = vectors[m];
      });
    }
    return out;
  }
}
