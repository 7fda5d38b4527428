/** Messages between the server's main thread and its analysis worker (node:worker_threads), typed once. */
import type {
  AnalysisStage,
  GapReport,
  NoiseProfile,
  PanelProbe,
  ParsedDataset,
  ProjectionMethod,
  ReadOptions,
  ScoringModelState,
} from '../core';

/** What every job on one dataset file carries: the file (or the editor's text of it), the reference, the seed. */
export interface FileJob {
  readonly id: number;
  /** Int32Array over it: element 0 set to 1 cancels the job (the analysis is synchronous, so no message could). */
  readonly cancel: SharedArrayBuffer;
  readonly reference: readonly string[];
  /** Absolute path; `text` when the file is open in the editor, else it is read from disk. */
  readonly path: string;
  readonly text?: string;
  readonly readOptions: Omit<ReadOptions, 'fileName'>;
  readonly seed: number;
}

/** Main → worker: analyze one dataset file against a reference. */
export interface AnalyzeJob extends FileJob {
  readonly type: 'analyze';
  /** As shown in messages. */
  readonly shown: string;
  readonly flagQuantile: number;
  /** How the report's map projects the embeddings (setting synthgap.mapProjection). */
  readonly mapProjection: ProjectionMethod;
  readonly embedding: EmbeddingJob;
  /** Content hashes of rows the user chose to ignore: never flagged (synthgap.json `ignore`). */
  readonly ignore: readonly string[];
}

/** Which embedding the similarity figures use: settings `synthgap.embedding.*`, or synthgap.json's `embedder`. */
export interface EmbeddingJob {
  /** An embedder spec: `hashed`, `auto`, `model2vec:<id or folder>`, `transformers:<id or folder>`, a folder. */
  readonly spec: string;
  readonly allowDownload: boolean;
  /** Rows per side a transformer encoder embeds. */
  readonly sampleRows: number;
  /** Models and the embedding cache (the extension's global storage); none: no downloads, no disk cache. */
  readonly cacheDir?: string;
}

/** Which embedding an analysis used, and why when it is not the one asked for. */
export interface EmbeddingUsed {
  readonly id: string;
  /** The asked-for model could not be used: one sentence with the cause. */
  readonly fallback?: string;
  /** `auto` says which embedding it chose. */
  readonly notice?: string;
}

/** Main → worker: run the probe (real-only, synthetic-only and blended classifiers) for one dataset file. */
export interface ProbeJob extends FileJob {
  readonly type: 'probe';
}

/** Main → worker: the generation prompts of one dataset file (`synthgap prompts`), as Markdown. */
export interface PromptsJob extends FileJob {
  readonly type: 'prompts';
  /** As shown in the prompts. */
  readonly shown: string;
  /** Only this label's prompt. */
  readonly label?: string;
  readonly embedding: EmbeddingJob;
}

export type WorkerJob = AnalyzeJob | ProbeJob | PromptsJob;

export interface AnalysisOutput {
  /** Null when there was nothing to compare (no rows on a side). */
  readonly report: GapReport | null;
  readonly data: ParsedDataset;
  readonly model: ScoringModelState | null;
  /** The reference's noise profile, and the flagged rows' (roughening calibrates against both). */
  readonly profile: NoiseProfile | null;
  readonly flaggedProfile: NoiseProfile | null;
  /** Why there is no report, in words. */
  readonly note?: string;
  readonly embedding?: EmbeddingUsed;
  readonly timings: Readonly<Record<string, number>>;
}

/** Worker → main. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly id: number; readonly stage: AnalysisStage; readonly done: number; readonly total: number }
  | { readonly type: 'log'; readonly level: 'debug' | 'info' | 'warn'; readonly message: string }
  /** A model download on first use (not tied to one job: every job waits for the same download). */
  | { readonly type: 'download'; readonly model: string; readonly file: string; readonly loaded: number; readonly total: number }
  | { readonly type: 'done'; readonly id: number; readonly output: AnalysisOutput }
  | { readonly type: 'probed'; readonly id: number; readonly probe: PanelProbe }
  | { readonly type: 'prompted'; readonly id: number; readonly markdown: string | null; readonly reason?: string }
  | { readonly type: 'failed'; readonly id: number; readonly cancelled: boolean; readonly message: string };
