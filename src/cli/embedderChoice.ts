// `--embedder` and friends: which embedding the similarity figures use, resolved once per command. The cause of
// a fallback is printed once on stderr; a download shows a progress line on a terminal.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Logger, SynthgapConfig } from '../core';
import { defaultCacheDir } from '../embedders/cacheDir';
import { createEmbedder, type EmbedderChoice } from '../embedders/createEmbedder';
import type { DownloadProgress } from '../embedders/progress';
import type { FlagSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

export const EMBEDDER_FLAGS: Record<string, FlagSpec> = {
  embedder: { kind: 'string', field: 'embedder', value: 'SPEC', description: 'hashed (default), auto, model2vec:<model|folder>, transformers:<model|folder>, or a model folder' },
  'cache-dir': { kind: 'string', value: 'DIR', description: 'models and embedding cache (default $SYNTHGAP_CACHE_DIR or ~/.cache/synthgap)' },
  download: { kind: 'boolean', description: 'download a named model on first use (--no-download: local models only)' },
  'embed-sample': { kind: 'number', schema: { type: 'integer', minimum: 1 }, value: 'N', description: 'rows per side a transformer encoder embeds (default 10000)' },
};

/**
 * The embedder of a command run. A spec from synthgap.json that names a folder is relative to the folder of
 * synthgap.json; one from --embedder to the working folder.
 */
export async function chooseEmbedder(flags: ParsedArgs['flags'], settings: SynthgapConfig, base: string, io: CliIo, quiet: boolean, logger?: Logger): Promise<EmbedderChoice> {
  const fromFlag = flags.get('embedder') as string | undefined;
  const spec = relativeTo(fromFlag ?? settings.embedder ?? 'hashed', fromFlag ? io.cwd : base);
  const cacheDir = resolve(io.cwd, (flags.get('cache-dir') as string | undefined) ?? defaultCacheDir(io.env));
  const sample = flags.get('embed-sample') as number | undefined;
  const progress = quiet ? undefined : downloadLine(io, cacheDir);
  const choice = await createEmbedder(spec, {
    cacheDir,
    allowDownload: flags.get('download') !== false,
    ...(progress ? { onProgress: progress.update } : {}),
    ...(logger ? { logger } : {}),
    ...(sample !== undefined ? { maxSampleRows: sample } : {}),
  });
  progress?.done();
  logger?.debug(`embedder ${choice.id}; models and embedding cache in ${cacheDir}`);
  if (choice.fallback) io.stderr(`synthgap: ${choice.fallback}\n`);
  else if (choice.notice && !quiet) io.stderr(`synthgap: ${choice.notice}\n`);
  return choice;
}

/** A spec naming a relative folder, resolved against `folder`; hub ids and the keywords stay as they are. */
function relativeTo(spec: string, folder: string): string {
  if (spec === 'hashed' || spec === 'auto') return spec;
  const colon = spec.indexOf(':');
  const scheme = colon > 1 ? spec.slice(0, colon + 1) : '';
  const target = spec.slice(scheme.length);
  if (isAbsolute(target)) return spec;
  const candidate = resolve(folder, target);
  return existsSync(candidate) || target.startsWith('.') ? `${scheme}${candidate}` : spec;
}

/** A progress line on a terminal: the file being fetched and how far along it is; the cache folder is named once. */
function downloadLine(io: CliIo, cacheDir: string): { update(progress: DownloadProgress): void; done(): void } {
  let announced = false;
  let drawn = false;
  let last = 0;
  return {
    update(progress) {
      if (!announced) {
        announced = true;
        io.stderr(`synthgap: downloading ${progress.model} into ${cacheDir}\n`);
      }
      if (!io.stderrStream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && progress.loaded < progress.total) return;
      last = now;
      const size = progress.total > 0 ? ` ${(progress.loaded / 1e6).toFixed(1)} / ${(progress.total / 1e6).toFixed(1)} MB` : ` ${(progress.loaded / 1e6).toFixed(1)} MB`;
      io.stderrStream.write(`\r${progress.file}${size}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderrStream.write('\r\x1b[K');
    },
  };
}
