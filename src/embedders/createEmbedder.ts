import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { silentLogger, type Embedder, type Logger } from '../core';
import { CachedEmbedder } from './cachedEmbedder';
import { cacheKey, DiskEmbeddingCache, MemoryEmbeddingCache, type EmbeddingCache } from './diskCache';
import { EncoderEmbedder, type EncoderProcessOptions } from './encoderEmbedder';
import { loadModel2Vec } from './model2vec';
import { isHubId, isLocalFolder, isModelCached, model2vecFolder } from './modelStore';
import type { DownloadProgressReporter } from './progress';

/** The default semantic model: a Model2Vec static model (MIT, about 30 MB), downloaded on first use. */
export const DEFAULT_SEMANTIC_MODEL = 'minishlab/potion-base-8M';
/** Rows per side a transformer encoder embeds by default: it runs at tens of rows a second. */
export const DEFAULT_ENCODER_SAMPLE_ROWS = 10_000;

export interface CreateEmbedderOptions {
  /** Models and embedding caches live here (CLI: defaultCacheDir(); editor: its global storage). None: no disk cache, no downloads. */
  readonly cacheDir?: string;
  /** False: local models only (a folder, or one already downloaded into cacheDir). Default true. */
  readonly allowDownload?: boolean;
  readonly onProgress?: DownloadProgressReporter;
  readonly logger?: Logger;
  /** Rows per side a transformer encoder embeds (a seeded sample beyond it); default 10,000. */
  readonly maxSampleRows?: number;
  /** Where Model2Vec downloads come from; default https://huggingface.co (or SYNTHGAP_HF_ENDPOINT). */
  readonly hubUrl?: string;
  /** Child-process settings of transformer encoders (timeout, queue, batch size, threads, host script). */
  readonly encoder?: Partial<Omit<EncoderProcessOptions, 'model' | 'allowDownload' | 'cacheDir'>>;
}

export interface EmbedderChoice {
  /** The model embedder (wrapped in the cache); undefined means the built-in hashed embedding, analyze()'s default. */
  readonly embedder: Embedder | undefined;
  /** What the report's settings.embedder will say: `hashed`, `model2vec:potion-base-8M`, `transformers:…`. */
  readonly id: string;
  readonly kind: 'hashed' | 'model2vec' | 'transformers';
  /** Set when the asked-for model could not be used: one sentence with the cause. Say it once. */
  readonly fallback?: string;
  /** Set for `auto`: one sentence saying which embedding it chose and why. */
  readonly notice?: string;
  /** Pass to analyze() as maxSampleRows: set for transformer encoders (the sample they embed). */
  readonly maxSampleRows?: number;
  /** The cache wrapper, whose embeddedTexts counts cache misses. */
  readonly cache?: CachedEmbedder;
  /** Stops a transformer encoder's child process; a no-op otherwise. Call it when done. */
  dispose(): void;
}

const HASHED: EmbedderChoice = { embedder: undefined, id: 'hashed', kind: 'hashed', dispose() {} };

/**
 * Resolves an embedder spec: `hashed`, `auto`, `model2vec:<hub id or folder>`, `transformers:<hub id or folder>`,
 * or a bare folder (Model2Vec when it holds model.safetensors, a transformer encoder when it holds onnx/).
 * Never throws for a model that cannot be loaded: it returns the built-in hashed embedding with `fallback` saying
 * why, so the analysis always runs.
 *
 * @example const choice = await createEmbedder('auto', { cacheDir }); analyze(input, { embedder: choice.embedder, maxSampleRows: choice.maxSampleRows, … })
 */
export async function createEmbedder(spec: string, options: CreateEmbedderOptions = {}): Promise<EmbedderChoice> {
  const logger = options.logger ?? silentLogger;
  const trimmed = spec.trim();
  if (trimmed === '' || trimmed === 'hashed') return HASHED;
  if (trimmed === 'auto') return autoEmbedder(options);
  try {
    const colon = trimmed.indexOf(':');
    const scheme = colon > 1 ? trimmed.slice(0, colon) : '';
    const target = scheme ? trimmed.slice(colon + 1) : trimmed;
    if (scheme === 'model2vec') return await model2vecChoice(target, options, logger);
    if (scheme === 'transformers') return await encoderChoice(target, options, logger);
    if (scheme === '' && existsSync(target)) {
      if (existsSync(join(target, 'model.safetensors'))) return await model2vecChoice(target, options, logger);
      if (existsSync(join(target, 'onnx'))) return await encoderChoice(target, options, logger);
      return fallback(`${target} is neither a Model2Vec folder (model.safetensors) nor a transformer encoder folder (onnx/)`);
    }
    return fallback(`"${trimmed}" is not an embedder: use hashed, auto, model2vec:<model or folder>, transformers:<model or folder>, or a model folder`);
  } catch (error) {
    return fallback((error as Error).message);
  }
}

function fallback(cause: string): EmbedderChoice {
  // Node's module errors run on with a require stack: the first line says it.
  const firstLine = cause.split('\n')[0].trim().replace(/\.$/, '');
  return { ...HASHED, fallback: `Using the built-in hashed embedding: ${firstLine}.` };
}

async function autoEmbedder(options: CreateEmbedderOptions): Promise<EmbedderChoice> {
  if (options.cacheDir && isModelCached(options.cacheDir, DEFAULT_SEMANTIC_MODEL)) {
    const choice = await createEmbedder(`model2vec:${DEFAULT_SEMANTIC_MODEL}`, { ...options, allowDownload: false });
    if (!choice.fallback) return { ...choice, notice: `auto: using the semantic embedding ${choice.id}.` };
    return { ...HASHED, notice: `auto: using the built-in hashed embedding (${choice.fallback.replace(/^Using the built-in hashed embedding: /, '')})` };
  }
  return { ...HASHED, notice: `auto: using the built-in hashed embedding; ${DEFAULT_SEMANTIC_MODEL} is not downloaded (use --embedder model2vec:${DEFAULT_SEMANTIC_MODEL} to fetch it).` };
}

async function model2vecChoice(target: string, options: CreateEmbedderOptions, logger: Logger): Promise<EmbedderChoice> {
  let folder: string;
  let id: string;
  if (isLocalFolder(target) || !isHubId(target)) {
    folder = resolve(target);
    if (!existsSync(folder)) throw new Error(`the model folder ${folder} does not exist`);
    id = `model2vec:${folder.split(/[\\/]/).pop()}`;
  } else {
    if (!options.cacheDir) throw new Error(`${target} needs a cache folder to be downloaded into`);
    folder = await model2vecFolder(target, { cacheDir: options.cacheDir, allowDownload: options.allowDownload ?? true, ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    id = `model2vec:${target.split('/').pop()}`;
  }
  const start = Date.now();
  const model = await loadModel2Vec(folder, id);
  logger.debug(`loaded ${id} from ${folder} in ${Date.now() - start} ms`);
  const cache = wrap(model, fingerprint(folder, 'model.safetensors'), options, logger);
  return { embedder: cache, id, kind: 'model2vec', cache, dispose() {} };
}

async function encoderChoice(target: string, options: CreateEmbedderOptions, logger: Logger): Promise<EmbedderChoice> {
  const local = isLocalFolder(target);
  if (local && !existsSync(target)) throw new Error(`the model folder ${resolve(target)} does not exist`);
  const start = Date.now();
  const encoder = await EncoderEmbedder.start({
    ...options.encoder,
    model: local ? resolve(target) : target,
    allowDownload: options.allowDownload ?? true,
    ...(options.cacheDir ? { cacheDir: join(options.cacheDir, 'transformers') } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  logger.debug(`started ${encoder.id} in a child process in ${Date.now() - start} ms`);
  const weights = local ? fingerprint(resolve(target), existsSync(join(target, 'onnx/model_quantized.onnx')) ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx') : target;
  const cache = wrap(encoder, weights, options, logger);
  return { embedder: cache, id: encoder.id, kind: 'transformers', cache, maxSampleRows: options.maxSampleRows ?? DEFAULT_ENCODER_SAMPLE_ROWS, dispose: () => encoder.close() };
}

/** A local model's cache identity: its path, size and modification time, so an edited model is not confused with the old one. */
function fingerprint(folder: string, file: string): string {
  try {
    const stat = statSync(join(folder, file));
    return `${folder}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return folder;
  }
}

function wrap(inner: Embedder, identity: string, options: CreateEmbedderOptions, logger: Logger): CachedEmbedder {
  let cache: EmbeddingCache;
  const name = `${inner.id}-${Buffer.from(cacheKey(identity), 'latin1').toString('hex').slice(0, 8)}`;
  try {
    cache = options.cacheDir ? DiskEmbeddingCache.open(join(options.cacheDir, 'embeddings'), name, inner.dimension) : new MemoryEmbeddingCache(inner.dimension);
  } catch (error) {
    logger.warn(`embedding cache unavailable (${(error as Error).message}); embeddings are kept in memory for this run only`);
    cache = new MemoryEmbeddingCache(inner.dimension);
  }
  return new CachedEmbedder(inner, cache);
}
