import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DownloadProgressReporter } from './progress';

/** The files a Model2Vec model needs. */
export const MODEL2VEC_FILES = ['config.json', 'tokenizer.json', 'model.safetensors'] as const;
const REQUIRED = ['tokenizer.json', 'model.safetensors'];

export interface ModelStoreOptions {
  /** Downloaded models live in `<cacheDir>/models/<owner>/<name>`. */
  readonly cacheDir: string;
  readonly allowDownload: boolean;
  /** The hub to download from; default https://huggingface.co, or SYNTHGAP_HF_ENDPOINT. */
  readonly hubUrl?: string;
  readonly onProgress?: DownloadProgressReporter;
  /** A download that stalls this long fails; default 30 s. */
  readonly stallMs?: number;
}

/** A model spec names a local folder when it exists on disk, or looks like a path. */
export function isLocalFolder(model: string): boolean {
  return existsSync(model) || model.startsWith('.') || model.startsWith('/') || model.startsWith('~') || /^[A-Za-z]:[\\/]/.test(model);
}

/** `owner/name`: the shape of a hub model id. */
export function isHubId(spec: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(spec) && !spec.startsWith('.');
}

export function cachedModelFolder(cacheDir: string, id: string): string {
  return join(cacheDir, 'models', ...id.split('/'));
}

/** True when the model's files are already in the cache. */
export function isModelCached(cacheDir: string, id: string): boolean {
  const folder = cachedModelFolder(cacheDir, id);
  return REQUIRED.every((file) => existsSync(join(folder, file)));
}

/**
 * The local folder of a Model2Vec hub model: the cached copy, or a fresh download of its files (each to a
 * temporary name first, so an interrupted download never leaves a half file that looks complete). Throws an
 * Error with one sentence naming the cause: not cached with downloads off, unreachable hub, HTTP status.
 */
export async function model2vecFolder(id: string, options: ModelStoreOptions): Promise<string> {
  const folder = cachedModelFolder(options.cacheDir, id);
  if (isModelCached(options.cacheDir, id)) return folder;
  if (!options.allowDownload) throw new Error(`${id} is not in the model cache (${folder}) and downloads are off`);
  const hub = (options.hubUrl ?? process.env.SYNTHGAP_HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
  mkdirSync(folder, { recursive: true });
  for (const file of MODEL2VEC_FILES) {
    await download(`${hub}/${id}/resolve/main/${file}`, join(folder, file), id, file, options);
  }
  return folder;
}

async function download(url: string, target: string, model: string, file: string, options: ModelStoreOptions): Promise<void> {
  if (existsSync(target)) return;
  const partial = `${target}.partial`;
  const controller = new AbortController();
  const stallMs = options.stallMs ?? 30_000;
  let stall = setTimeout(() => controller.abort(), stallMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new Error(`could not download ${model} from ${url} (${describeFetchError(error)})`);
    }
    if (!response.ok || !response.body) throw new Error(`could not download ${model}: ${url} answered HTTP ${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    let loaded = 0;
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      loaded += chunk.length;
      clearTimeout(stall);
      stall = setTimeout(() => controller.abort(), stallMs);
      options.onProgress?.({ model, file, loaded, total });
    });
    await pipeline(body, createWriteStream(partial));
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    if ((error as Error).message.startsWith('could not download')) throw error;
    throw new Error(`could not download ${model} from ${url} (${describeFetchError(error)})`);
  } finally {
    clearTimeout(stall);
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'AbortError') return 'the connection stalled';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
