import { pathToFileURL } from 'node:url';
import { ignoredHashes, type ProjectionMethod, type ReadOptions } from '../core';
import type { SynthgapSettings } from '../shared/settings';
import { folderConfig, readOptionsFor, type FolderConfig } from './settings';
import type { EmbeddingJob } from './workerProtocol';

/**
 * Everything that decides how a workspace folder's files are read, scored and shown, resolved once: the
 * client's settings for the folder, synthgap.json (the open document's text when it is open) and what they
 * choose together. Every request of the server reads this one object, so two views never see two versions
 * of the settings; it is dropped when the settings, synthgap.json or the folders change.
 */
export interface FolderOptions {
  readonly folder: string;
  readonly settings: SynthgapSettings;
  /** synthgap.json, its problems, and the reference it and the settings choose. */
  readonly config: FolderConfig;
  readonly readOptions: Omit<ReadOptions, 'fileName'>;
  readonly seed: number;
  readonly flagQuantile: number;
  readonly mapProjection: ProjectionMethod;
  readonly embedding: EmbeddingJob;
  /** Content hashes of rows the user chose to ignore (synthgap.json `ignore`): never flagged, in every view. */
  readonly ignore: ReadonlySet<string>;
}

export interface FolderOptionsSources {
  /** The client's settings scoped to the folder. */
  readonly settings: (folderUri: string) => Promise<SynthgapSettings>;
  /** The text of the folder's synthgap.json when it is open in the editor (its unsaved state wins). */
  readonly openConfigText: (folder: string) => string | undefined;
  /** A trusted workspace may name a model in synthgap.json (`embedder`); else only the setting counts. */
  readonly trusted: boolean;
  readonly storagePath?: string;
}

/** The options of each folder, resolved on first use and kept until `invalidate`. */
export class FolderOptionsCache {
  private readonly resolved = new Map<string, { readonly generation: number; readonly options: Promise<FolderOptions> }>();
  /** Grows on every invalidation, so a resolution that started before it is not kept. */
  private generation = 0;

  constructor(private readonly sources: FolderOptionsSources) {}

  get(folder: string): Promise<FolderOptions> {
    const cached = this.resolved.get(folder);
    if (cached && cached.generation === this.generation) return cached.options;
    const generation = this.generation;
    const options = this.resolve(folder);
    this.resolved.set(folder, { generation, options });
    // A failed resolution (the client went away) is not kept: the next request asks again.
    options.catch(() => {
      if (this.resolved.get(folder)?.options === options) this.resolved.delete(folder);
    });
    return options;
  }

  /** The settings, synthgap.json or the folders changed: resolve again on next use (one folder, or all). */
  invalidate(folder?: string): void {
    if (folder === undefined) {
      this.generation++;
      this.resolved.clear();
    } else {
      this.resolved.delete(folder);
    }
  }

  private async resolve(folder: string): Promise<FolderOptions> {
    const settings = await this.sources.settings(pathToFileURL(folder).href);
    const config = folderConfig(folder, settings, this.sources.openConfigText(folder));
    return {
      folder,
      settings,
      config,
      readOptions: readOptionsFor(config.config, settings),
      seed: config.config.seed ?? settings.seed,
      flagQuantile: config.config.flagQuantile ?? settings.flagQuantile,
      mapProjection: settings.mapProjection,
      embedding: {
        spec: (this.sources.trusted ? config.config.embedder : undefined) ?? settings['embedding.model'],
        allowDownload: settings['embedding.allowDownload'],
        sampleRows: settings['embedding.sampleRows'],
        ...(this.sources.storagePath ? { cacheDir: this.sources.storagePath } : {}),
      },
      ignore: new Set(ignoredHashes(config.config)),
    };
  }
}
