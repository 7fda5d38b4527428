import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where embedding vectors are remembered between runs, keyed by a text hash. */
export interface EmbeddingCache {
  readonly dimension: number;
  get(key: string): Float32Array | undefined;
  /** Remembers vectors; a disk cache writes them before returning. */
  putMany(keys: readonly string[], vectors: readonly Float32Array[]): void;
  readonly size: number;
}

/** A 128-bit hash of a text (SHA-256, truncated) as a 16-character binary string: the cache key. */
export function cacheKey(text: string): string {
  return createHash('sha256').update(text).digest().subarray(0, 16).toString('latin1');
}

const MAGIC = 'SGEMB001';
/** A cache file past this size is started afresh on open: it is read whole into memory, so it must stay bounded. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
const HEADER_BYTES = 16;
const KEY_BYTES = 16;

/**
 * One append-only file per model (`<dir>/<model>-<dimension>.emb`): a 16-byte header (magic, dimension), then
 * fixed-size records of a 16-byte text hash and `dimension` float32 values. Opening reads every record into
 * memory; a torn last record (a crash mid-write) is ignored and overwritten by the next append. A file whose
 * header does not match is moved aside to `.bad` and started afresh, so a damaged cache costs one re-embedding,
 * never a failed analysis. A file past {@link MAX_CACHE_BYTES} is started afresh too (the old one kept as `.old`).
 */
export class DiskEmbeddingCache implements EmbeddingCache {
  readonly file: string;
  private readonly vectors = new Map<string, Float32Array>();
  private readonly recordBytes: number;

  private constructor(dir: string, modelId: string, readonly dimension: number) {
    this.file = join(dir, `${modelId.replace(/[^A-Za-z0-9._-]+/g, '_')}-${dimension}.emb`);
    this.recordBytes = KEY_BYTES + dimension * 4;
  }

  /** Opens (or creates) the cache file of a model in `dir`, creating `dir` if needed. */
  static open(dir: string, modelId: string, dimension: number): DiskEmbeddingCache {
    mkdirSync(dir, { recursive: true });
    const cache = new DiskEmbeddingCache(dir, modelId, dimension);
    cache.load();
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  putMany(keys: readonly string[], vectors: readonly Float32Array[]): void {
    if (keys.length === 0) return;
    const out = Buffer.alloc(keys.length * this.recordBytes);
    for (let i = 0; i < keys.length; i++) {
      const offset = i * this.recordBytes;
      out.write(keys[i], offset, KEY_BYTES, 'latin1');
      const vector = vectors[i];
      for (let k = 0; k < this.dimension; k++) out.writeFloatLE(vector[k] ?? 0, offset + KEY_BYTES + k * 4);
      this.vectors.set(keys[i], vector);
    }
    // One write per batch: records of concurrent writers (CLI and editor) do not interleave within it.
    appendFileSync(this.file, out);
  }

  private load(): void {
    if (!existsSync(this.file)) {
      appendFileSync(this.file, this.header());
      return;
    }
    if (statSync(this.file).size > MAX_CACHE_BYTES) {
      renameSync(this.file, `${this.file}.old`);
      appendFileSync(this.file, this.header());
      return;
    }
    const bytes = readFileSync(this.file);
    if (bytes.length < HEADER_BYTES || !bytes.subarray(0, HEADER_BYTES).equals(this.header())) {
      renameSync(this.file, `${this.file}.bad`);
      appendFileSync(this.file, this.header());
      return;
    }
    const records = Math.floor((bytes.length - HEADER_BYTES) / this.recordBytes);
    for (let r = 0; r < records; r++) {
      const offset = HEADER_BYTES + r * this.recordBytes;
      const key = bytes.toString('latin1', offset, offset + KEY_BYTES);
      const vector = new Float32Array(this.dimension);
      for (let k = 0; k < this.dimension; k++) vector[k] = bytes.readFloatLE(offset + KEY_BYTES + k * 4);
      this.vectors.set(key, vector);
    }
    const torn = (bytes.length - HEADER_BYTES) % this.recordBytes;
    if (torn !== 0) {
      // Drop the torn tail so later records stay aligned.
      const kept = bytes.subarray(0, bytes.length - torn);
      renameSync(this.file, `${this.file}.bad`);
      appendFileSync(this.file, kept);
    }
  }

  private header(): Buffer {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(this.dimension, 8);
    return header;
  }
}

/** An in-memory cache (tests, or when no cache folder is writable). */
export class MemoryEmbeddingCache implements EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  constructor(readonly dimension: number) {}
  get size(): number {
    return this.vectors.size;
  }
  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }
  putMany(keys: readonly string[], vectors: readonly Float32Array[]): void {
    keys.forEach((key, i) => this.vectors.set(key, vectors[i]));
  }
}
