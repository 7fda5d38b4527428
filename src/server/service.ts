import { pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { readDataset } from '../core/dataset/readDataset';
import { reparse } from './reparse';
import type { WordDictionary } from '../core/host';
import type { SynthgapSettings } from '../shared/settings';
import { DocumentStore, fileSize, fileStamp, normalize, pathOf as toPath } from './documents';
import type { PanelProbe } from '../core/report/panelTypes';
import { FileAnalysis } from './fileState';
import { datasetFiles, folderOf, isDatasetFile } from './scan';
import { CONFIG_FILE, folderConfig, readOptionsFor, readSettings, type FolderConfig } from './settings';
import { limitedSummary, StatusReporter } from './status';
import { AnalysisWorker, SupersededError, type ServerLog } from './workerClient';
import { DownloadProgress, startProgress } from './progress';
import type { EmbeddingJob, EmbeddingUsed } from './workerProtocol';

export interface ServiceOptions {
  readonly connection: Connection;
  readonly log: ServerLog;
  readonly trusted: boolean;
  readonly canAskConfig: boolean;
  readonly onChanged: () => void;
  readonly dictionary: () => WordDictionary;
  /** The extension's global storage: downloaded models and the embedding cache live there. */
  readonly storagePath?: string;
}

export interface Entry {
  readonly uri: string;
  readonly path: string;
  readonly folder: string;
  analysis?: FileAnalysis;
  /** Key of the last analysis started (reference, read options, seed, threshold). */
  key?: string;
  limited?: string;
}

/** Files at least this large get work-done progress on their first analysis. */
const BIG_FILE_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/** Which files are checked, when they are analyzed or re-scored, and what the status says. */
export class SynthgapService {
  readonly documents = new DocumentStore();
  readonly entries = new Map<string, Entry>();
  readonly status: StatusReporter;
  private folders: string[] = [];
  private readonly worker: AnalysisWorker;
  /** Files edited since their last re-score: the debounce timer, and a promise kept until the re-score ends. */
  private readonly dirty = new Map<string, { timer?: NodeJS.Timeout; readonly done: Promise<void>; readonly resolve: () => void }>();
  private noReference = false;
  private reference: string | undefined;
  private error: string | undefined;
  /** Analyses between `schedule` and their end (settings are read before the worker has the job). */
  private pending = 0;
  private readonly download: DownloadProgress;
  /** Embedding fallbacks already shown to the user: each is said once per session. */
  private readonly told = new Set<string>();

  constructor(private readonly options: ServiceOptions) {
    this.worker = new AnalysisWorker(options.log);
    this.status = new StatusReporter(options.connection);
    this.download = new DownloadProgress(options.connection);
    this.worker.onDownload = (progress) => this.download.report(progress);
  }

  setFolders(paths: readonly string[]): void {
    this.folders = [...paths];
  }

  settingsFor(uri: string | undefined): Promise<SynthgapSettings> {
    return readSettings(this.options.connection, uri, this.options.canAskConfig);
  }

  /** synthgap.json of the folder (the open document's text when it is open) and the reference it chooses. */
  configFor(folder: string, settings: SynthgapSettings): FolderConfig {
    const open = this.documents.get(pathToFileURL(join(folder, CONFIG_FILE)).href);
    return folderConfig(folder, settings, open?.getText());
  }

  /** Finds every dataset file of every folder and analyzes what is new or whose inputs changed. */
  async rescan(): Promise<void> {
    let withReference = 0;
    const seen = new Set<string>();
    for (const folder of this.folders) {
      const settings = await this.settingsFor(pathToFileURL(folder).href);
      const config = this.configFor(folder, settings);
      for (const problem of config.errors) this.options.log.warn(problem);
      if (config.reference.length === 0) continue;
      withReference++;
      this.reference = config.referenceShown;
      const open = this.documents.open.all().map((doc) => toPath(doc.uri)).filter((path): path is string => !!path && isDatasetFile(config, settings, path));
      for (const path of new Set([...datasetFiles(config, settings), ...open])) seen.add(this.entryFor(path, folder).uri);
    }
    this.noReference = withReference === 0;
    for (const uri of [...this.entries.keys()]) if (!seen.has(uri)) this.entries.delete(uri);
    for (const uri of seen) this.schedule(uri, false);
    this.changed();
  }

  /** Analyzes a file in the worker (again when `force`, else only when its inputs changed); errors are logged. */
  schedule(uri: string, force: boolean): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.pending++;
    this.analyze(entry, force)
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.pending--;
        this.changed();
      });
  }

  onOpen(uri: string): void {
    const path = toPath(uri);
    const folder = path && folderOf(this.folders, path);
    if (!path || !folder) return;
    this.settingsFor(uri)
      .then((settings) => {
        if (!isDatasetFile(this.configFor(folder, settings), settings, path)) return;
        const entry = this.entryFor(path, folder);
        if (entry.analysis) return this.rescore(entry);
        this.schedule(entry.uri, false);
      })
      .catch((error: unknown) => this.failed(error));
  }

  /** An edit: re-score the changed rows after the debounce. */
  onChange(uri: string): void {
    const entry = this.entries.get(normalize(uri));
    if (!entry) return;
    let pending = this.dirty.get(entry.uri);
    if (!pending) {
      let resolve = () => {};
      const done = new Promise<void>((r) => (resolve = r));
      pending = { done, resolve };
      this.dirty.set(entry.uri, pending);
    }
    clearTimeout(pending.timer);
    const flush = () => this.settled(entry.uri).catch((error: unknown) => this.failed(error));
    this.settingsFor(uri).then(
      (settings) => {
        if (this.dirty.get(entry.uri) !== pending) return;
        clearTimeout(pending.timer);
        pending.timer = setTimeout(flush, settings.debounceMs);
      },
      (error: unknown) => {
        this.failed(error);
        void flush();
      },
    );
  }

  /**
   * Resolves once the file's pending re-score is done. `flush` runs it now (a hover or a fix must answer on the
   * text the user sees); without it the caller waits out the debounce (a diagnostics pull after a keystroke).
   */
  async settled(uri: string, flush = true): Promise<void> {
    const entry = this.entries.get(normalize(uri));
    const pending = entry && this.dirty.get(entry.uri);
    if (!entry || !pending) return;
    if (!flush) return pending.done;
    clearTimeout(pending.timer);
    this.dirty.delete(entry.uri);
    try {
      await this.rescore(entry);
    } finally {
      pending.resolve();
    }
  }

  entry(uri: string): Entry | undefined {
    return this.entries.get(normalize(uri));
  }

  /** Status, diagnostics and lenses are due: something changed. */
  changed(): void {
    this.status.update({
      analyzing: this.pending > 0 || this.worker.busy,
      noReference: this.noReference,
      error: this.error,
      reference: this.reference,
      files: [...this.entries.values()].flatMap((entry) =>
        entry.analysis ? [entry.analysis.summary(entry.uri, entry.limited)] : entry.limited ? [limitedSummary(entry.uri, entry.limited)] : []),
    });
    this.options.onChanged();
  }

  dispose(): void {
    for (const pending of this.dirty.values()) {
      clearTimeout(pending.timer);
      pending.resolve();
    }
    this.worker.dispose();
  }

  private entryFor(path: string, folder: string): Entry {
    const uri = pathToFileURL(path).href;
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { uri, path, folder }));
    return entry;
  }

  private async analyze(entry: Entry, force: boolean): Promise<void> {
    const settings = await this.settingsFor(entry.uri);
    const config = this.configFor(entry.folder, settings);
    if (config.reference.length === 0) return;
    const readOptions = readOptionsFor(config.config, settings);
    const seed = config.config.seed ?? settings.seed;
    const flagQuantile = config.config.flagQuantile ?? settings.flagQuantile;
    const mapProjection = settings.mapProjection;
    const embedding = this.embeddingJob(config, settings);
    const key = JSON.stringify([config.reference.map((path) => [path, fileStamp(path)]), readOptions, seed, flagQuantile, mapProjection, embedding]);
    if (!force && entry.key === key) return;
    entry.key = key;
    const document = this.documents.get(entry.uri);
    const size = document ? Buffer.byteLength(document.getText()) : (fileSize(entry.path) ?? 0);
    if (size > settings.maxFileSizeMB * MB) {
      entry.limited = `${basename(entry.path)} is ${(size / MB).toFixed(0)} MB, over synthgap.maxFileSizeMB (${settings.maxFileSizeMB}), so it is not analyzed.`;
      this.changed();
      return;
    }
    entry.limited = undefined;
    const progress = !entry.analysis && size >= BIG_FILE_BYTES ? await startProgress(this.options.connection, basename(entry.path), () => this.worker.cancel(entry.uri)) : undefined;
    const started = Date.now();
    const text = document?.getText();
    const running = this.worker.run(entry.uri, { reference: config.reference, path: entry.path, text, shown: basename(entry.path), readOptions, seed, flagQuantile, mapProjection, embedding }, progress?.report, document !== undefined);
    this.changed();
    try {
      const output = await running;
      entry.analysis = new FileAnalysis(key, output, this.options.dictionary, text);
      this.error = undefined;
      this.sayEmbedding(output.embedding);
      this.options.log.debug(`${basename(entry.path)}: analyzed in ${Date.now() - started} ms (${JSON.stringify(output.timings)})`);
      if (this.documents.get(entry.uri)) await this.rescore(entry);
    } catch (error) {
      if (!(error instanceof SupersededError)) {
        entry.key = undefined;
        throw error;
      }
    } finally {
      progress?.done();
      this.download.done();
      this.changed();
    }
  }

  /**
   * The embedding of a file's analysis: synthgap.json's `embedder` (in a trusted workspace: it may name a model
   * folder in the repository) over the setting.
   */
  private embeddingJob(config: FolderConfig, settings: SynthgapSettings): EmbeddingJob {
    return {
      spec: (this.options.trusted ? config.config.embedder : undefined) ?? settings['embedding.model'],
      allowDownload: settings['embedding.allowDownload'],
      sampleRows: settings['embedding.sampleRows'],
      ...(this.options.storagePath ? { cacheDir: this.options.storagePath } : {}),
    };
  }

  /** A model that could not be used is said once per session, with the cause; `auto`'s choice goes to the log. */
  private sayEmbedding(used: EmbeddingUsed | undefined): void {
    const message = used?.fallback ?? used?.notice;
    if (!used || !message || this.told.has(message)) return;
    this.told.add(message);
    if (!used.fallback) {
      this.options.log.info(message);
      return;
    }
    this.options.log.warn(used.fallback);
    void this.options.connection.window.showWarningMessage(`Synthgap: ${used.fallback} Set synthgap.embedding.model to "hashed" to stop trying.`);
  }

  /** Re-reads the open document and scores the rows whose text the model has not seen. */
  private async rescore(entry: Entry): Promise<void> {
    const document = this.documents.get(entry.uri);
    const analysis = entry.analysis;
    if (!document || !analysis) return;
    const settings = await this.settingsFor(entry.uri);
    const started = Date.now();
    const text = document.getText();
    const options = { ...readOptionsFor(this.configFor(entry.folder, settings).config, settings), fileName: entry.path };
    const data = analysis.text !== undefined ? await reparse(analysis.text, analysis.data, text, options) : await readDataset(text, options);
    const parsed = Date.now();
    const scored = analysis.update(data, text);
    this.options.log.debug(`${basename(entry.path)}: re-scored ${scored} rows in ${Date.now() - parsed} ms (parse ${parsed - started} ms)`);
    if (analysis.stale && !this.worker.has(entry.uri)) this.schedule(entry.uri, true);
    this.changed();
  }

  /** Runs the probe for a dataset file in the worker, on its rows as they are now (the open document's text). */
  async probe(entry: Entry): Promise<PanelProbe> {
    const settings = await this.settingsFor(entry.uri);
    const config = this.configFor(entry.folder, settings);
    if (config.reference.length === 0) return { state: 'unavailable', message: 'No reference set is configured.' };
    const text = this.documents.get(entry.uri)?.getText();
    const request = { reference: config.reference, path: entry.path, text, readOptions: readOptionsFor(config.config, settings), seed: config.config.seed ?? settings.seed };
    return this.worker.probe(`probe:${entry.uri}`, request);
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error = message;
    this.options.log.error(message);
    this.changed();
  }
}
