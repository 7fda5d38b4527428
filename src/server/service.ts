import { pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { PanelProbe, WordDictionary } from '../core';
import { DocumentStore, fileSize, fileStamp, normalize, pathOf as toPath } from './documents';
import { FileAnalysis } from './fileState';
import { RowsClient } from './rowsClient';
import type { FileView } from './rowsProtocol';
import { datasetFiles, folderOf, isDatasetFile } from './scan';
import { CONFIG_FILE, readSettings } from './settings';
import { FolderOptionsCache, type FolderOptions } from './folderOptions';
import { limitedSummary, StatusReporter } from './status';
import { AnalysisWorker, SupersededError, type ServerLog } from './workerClient';
import { DownloadProgress, startProgress } from './progress';
import type { EmbeddingUsed } from './workerProtocol';

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
  /** Key of the last analysis started (reference, read options, seed, threshold, ignore list). */
  key?: string;
  /** synthgap.maxDiagnostics of the file's folder, as of its last analysis request (the status says it). */
  maxDiagnostics?: number;
  /** Why the next analysis runs, said in the CodeLens with the flagged count before and after. */
  cause?: string;
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
  private readonly folderOptions: FolderOptionsCache;
  /** Owns every analyzed file's rows: parses edits and scores them off this thread. */
  readonly rows: RowsClient;

  constructor(private readonly options: ServiceOptions) {
    this.worker = new AnalysisWorker(options.log);
    this.status = new StatusReporter(options.connection);
    this.download = new DownloadProgress(options.connection);
    this.worker.onDownload = (progress) => this.download.report(progress);
    this.rows = new RowsClient(options.log);
    // The rows worker died with every file's rows: analyze them again.
    this.rows.onCrash = () => {
      for (const entry of this.entries.values()) entry.key = undefined;
      void this.rescan().catch((error: unknown) => this.failed(error));
    };
    this.folderOptions = new FolderOptionsCache({
      settings: (folderUri) => readSettings(options.connection, folderUri, options.canAskConfig),
      openConfigText: (folder) => this.documents.get(pathToFileURL(join(folder, CONFIG_FILE)).href)?.getText(),
      trusted: options.trusted,
      ...(options.storagePath ? { storagePath: options.storagePath } : {}),
    });
  }

  setFolders(paths: readonly string[]): void {
    this.folders = [...paths];
    this.folderOptions.invalidate();
  }

  /** The resolved options of the folder a file belongs to (one object per folder, see folderOptions.ts). */
  optionsFor(entry: Pick<Entry, 'folder'>): Promise<FolderOptions> {
    return this.folderOptions.get(entry.folder);
  }

  /** The settings changed (every folder), or a folder's synthgap.json did: options are resolved again. */
  invalidateOptions(folder?: string): void {
    this.folderOptions.invalidate(folder);
  }

  /**
   * synthgap.json was edited in the editor (not saved yet): the folder's options are resolved again and its
   * ignore list applies to every analyzed file at once; a re-analysis waits for the save (half-typed JSON
   * must not drop the reference).
   */
  async configEdited(uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder) return;
    this.folderOptions.invalidate(folder);
    const options = await this.folderOptions.get(folder);
    await this.applyIgnore(folder, options);
    this.changed();
  }

  /** The folder's ignore list, applied to its analyzed files at once (the rows worker flags them again). */
  private async applyIgnore(folder: string, options: FolderOptions): Promise<void> {
    const ignore = [...options.ignore];
    await Promise.all([...this.entries.values()].filter((entry) => entry.folder === folder && entry.analysis).map(async (entry) => {
      const analysis = entry.analysis;
      const view = await this.rows.ask({ type: 'ignore', uri: entry.uri, ignore, warningQuantile: options.settings.warningQuantile });
      if (view && entry.analysis === analysis) analysis?.setView(view);
    }));
  }

  /** The workspace folder of a synthgap.json or dataset file. */
  folderOf(uri: string): string | undefined {
    const path = toPath(uri);
    return path ? folderOf(this.folders, path) : undefined;
  }

  /** Finds every dataset file of every folder and analyzes what is new or whose inputs changed. */
  async rescan(): Promise<void> {
    let withReference = 0;
    const seen = new Set<string>();
    for (const folder of this.folders) {
      const folderOptions = await this.folderOptions.get(folder);
      const { settings, config } = folderOptions;
      for (const problem of config.errors) this.options.log.warn(problem);
      // A changed ignore list applies at once; the re-analysis it also starts only confirms the count.
      await this.applyIgnore(folder, folderOptions);
      if (config.reference.length === 0) continue;
      withReference++;
      this.reference = config.referenceShown;
      const open = this.documents.open.all().map((doc) => toPath(doc.uri)).filter((path): path is string => !!path && isDatasetFile(config, settings, path));
      for (const path of new Set([...datasetFiles(config, settings), ...open])) seen.add(this.entryFor(path, folder).uri);
    }
    this.noReference = withReference === 0;
    for (const uri of [...this.entries.keys()]) {
      if (seen.has(uri)) continue;
      this.entries.delete(uri);
      void this.rows.ask({ type: 'drop', uri }).catch(() => undefined);
    }
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

  /** Analyzes a file again (its model learns the rows as they are now); the CodeLens says why, with the counts. */
  reanalyze(uri: string, cause: string): void {
    const entry = this.entries.get(normalize(uri));
    if (!entry) return;
    entry.cause = cause;
    this.schedule(entry.uri, true);
  }

  onOpen(uri: string): void {
    const path = toPath(uri);
    const folder = path && folderOf(this.folders, path);
    if (!path || !folder) return;
    this.folderOptions.get(folder)
      .then(({ config, settings }) => {
        if (!isDatasetFile(config, settings, path)) return;
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
    this.optionsFor(entry).then(
      ({ settings }) => {
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
        entry.analysis ? [entry.analysis.summary(entry.uri, entry.limited, entry.maxDiagnostics)] : entry.limited ? [limitedSummary(entry.uri, entry.limited)] : []),
    });
    this.options.onChanged();
  }

  dispose(): void {
    for (const pending of this.dirty.values()) {
      clearTimeout(pending.timer);
      pending.resolve();
    }
    this.worker.dispose();
    this.rows.dispose();
  }

  private entryFor(path: string, folder: string): Entry {
    const uri = pathToFileURL(path).href;
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { uri, path, folder }));
    return entry;
  }

  private async analyze(entry: Entry, force: boolean): Promise<void> {
    const options = await this.optionsFor(entry);
    const { settings, config, readOptions, seed, flagQuantile, mapProjection, embedding } = options;
    entry.maxDiagnostics = settings.maxDiagnostics;
    if (config.reference.length === 0) return;
    const ignore = [...options.ignore].sort();
    const key = JSON.stringify([config.reference.map((path) => [path, fileStamp(path)]), readOptions, seed, flagQuantile, mapProjection, embedding, ignore]);
    if (!force && entry.key === key) return;
    // Said in the CodeLens after the analysis when the flagged count moved: why it ran again.
    const cause = entry.cause ?? (entry.analysis ? causeOf(entry.key, key) : undefined);
    entry.cause = undefined;
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
    const job = { reference: config.reference, path: entry.path, text, shown: basename(entry.path), readOptions, seed, flagQuantile, mapProjection, embedding, ignore };
    const running = this.worker.run(entry.uri, job, progress?.report, document !== undefined);
    this.changed();
    try {
      const output = await running;
      const before = entry.analysis;
      const previous = before && cause ? { flagged: before.flaggedCount, cause } : undefined;
      // The rows go to the rows worker; this thread keeps the report (positions and scores) and the view.
      const view = await this.rows.ask({ type: 'load', uri: entry.uri, output, ignore: [...options.ignore], warningQuantile: settings.warningQuantile, ...(text !== undefined ? { text } : {}) });
      if (!view) throw new Error(`${basename(entry.path)}: the rows worker did not take the analysis`);
      entry.analysis = new FileAnalysis(key, output.report, view, output.note, previous);
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

  /** Sends the open document's text to the rows worker, which re-reads it and scores the rows the model has not seen. */
  private async rescore(entry: Entry): Promise<void> {
    const document = this.documents.get(entry.uri);
    const analysis = entry.analysis;
    if (!document || !analysis) return;
    const { readOptions, settings } = await this.optionsFor(entry);
    const started = Date.now();
    const view: FileView | null = await this.rows.ask({
      type: 'update', uri: entry.uri, text: document.getText(), readOptions: { ...readOptions, fileName: entry.path }, warningQuantile: settings.warningQuantile,
    });
    // A newer analysis took the file's place meanwhile: it re-scores itself.
    if (!view || entry.analysis !== analysis) return;
    analysis.setView(view);
    this.options.log.debug(`${basename(entry.path)}: re-scored in ${Date.now() - started} ms (${view.changedRows} rows unlike the analyzed ones)`);
    if (view.stale && !this.worker.has(entry.uri)) this.schedule(entry.uri, true);
    this.changed();
  }

  /** The generation prompts of a dataset file (one label's, or the top ones), from the worker, as Markdown. */
  async prompts(entry: Entry, label?: string): Promise<{ markdown: string | null; reason?: string }> {
    const { config, readOptions, seed, embedding } = await this.optionsFor(entry);
    if (config.reference.length === 0) return { markdown: null, reason: 'No reference set is configured.' };
    const text = this.documents.get(entry.uri)?.getText();
    return this.worker.prompts(`prompts:${entry.uri}`, {
      reference: config.reference, path: entry.path, text, shown: basename(entry.path), readOptions, seed, embedding, ...(label !== undefined ? { label } : {}),
    });
  }

  /** Runs the probe for a dataset file in the worker, on its rows as they are now (the open document's text). */
  async probe(entry: Entry): Promise<PanelProbe> {
    const { config, readOptions, seed } = await this.optionsFor(entry);
    if (config.reference.length === 0) return { state: 'unavailable', message: 'No reference set is configured.' };
    const text = this.documents.get(entry.uri)?.getText();
    const request = { reference: config.reference, path: entry.path, text, readOptions, seed };
    return this.worker.probe(`probe:${entry.uri}`, request);
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error = message;
    this.options.log.error(message);
    this.changed();
  }
}

/** Why a file is analyzed again, from what changed in its key (see `analyze`); undefined when unknown. */
function causeOf(before: string | undefined, after: string): string | undefined {
  if (!before) return undefined;
  const [a, b] = [JSON.parse(before) as unknown[], JSON.parse(after) as unknown[]];
  const differs = (i: number) => JSON.stringify(a[i]) !== JSON.stringify(b[i]);
  if (differs(0)) return 'after the reference changed';
  if (differs(6)) return 'after the ignore list changed';
  if (differs(1) || differs(2) || differs(3) || differs(4) || differs(5)) return 'after the settings changed';
  return undefined;
}
