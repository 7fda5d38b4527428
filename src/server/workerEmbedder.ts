/**
 * The analysis worker's embedder: resolved once per choice (model, downloads, sample, cache folder) and kept, so
 * a model is loaded (or downloaded) once per server session, and a failure to load is said once, not per file.
 */
import type { Logger } from '../core';
import { createEmbedder, type EmbedderChoice } from '../embedders/createEmbedder';
import type { DownloadProgressReporter } from '../embedders/progress';
import type { EmbeddingJob } from './workerProtocol';

let current: { readonly key: string; readonly choice: Promise<EmbedderChoice> } | undefined;

/** The embedder for a job's settings; a different choice than last time disposes of the last one. */
export function embedderFor(job: EmbeddingJob, logger: Logger, onProgress: DownloadProgressReporter): Promise<EmbedderChoice> {
  const key = JSON.stringify([job.spec, job.allowDownload, job.sampleRows, job.cacheDir ?? null]);
  if (current?.key === key) return current.choice;
  forgetEmbedder();
  const choice = createEmbedder(job.spec, {
    ...(job.cacheDir ? { cacheDir: job.cacheDir } : {}),
    allowDownload: job.allowDownload,
    maxSampleRows: job.sampleRows,
    onProgress,
    logger,
  });
  current = { key, choice };
  return choice;
}

/**
 * Disposes of the kept embedder (a transformer encoder's child process), so the next job resolves it afresh:
 * after an encoder crashed or timed out, it does not come back by itself.
 */
export function forgetEmbedder(): void {
  void current?.choice.then((choice) => choice.dispose());
  current = undefined;
}
