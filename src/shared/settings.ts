/**
 * The extension's settings, as declared under `contributes.configuration` in package.json. One source of
 * truth: test/unit/shared/settings.test.ts fails when this type and the manifest drift apart.
 * The server reads them per resource (`workspace/configuration`) and never caches them in globals.
 */
export interface SynthgapSettings {
  /** Real reference file, relative to the workspace folder; `synthgap.json`'s `reference` wins when both are set. */
  readonly reference: string;
  /** Glob patterns of the dataset files to check (JSONL, CSV, TSV), relative to the workspace folder. */
  readonly include: string[];
  /** Glob patterns never checked. */
  readonly exclude: string[];
  /** Flag a row when its score is above this quantile of the real rows' scores. */
  readonly flagQuantile: number;
  /** Severity of a flagged row's diagnostic. */
  readonly severity: 'hint' | 'information' | 'warning';
  /** Rows scoring above this quantile of real rows' scores get a warning instead. */
  readonly warningQuantile: number;
  /** At most this many row diagnostics per file, the most synthetic-looking first. */
  readonly maxDiagnostics: number;
  /** Files larger than this many megabytes are not analyzed (the status bar says so). */
  readonly maxFileSizeMB: number;
  /** Lines longer than this many bytes are skipped with an error. */
  readonly maxLineBytes: number;
  /** Milliseconds to wait after an edit before re-scoring. */
  readonly debounceMs: number;
  /** Random seed: the same seed gives the same results. */
  readonly seed: number;
  /** How the gap report's map projects the embeddings to 2D. */
  readonly mapProjection: 'pca' | 'umap';
  /**
   * The embedding of the similarity figures (coverage, near-duplicates, the map): `hashed` (built in, no download),
   * `auto`, `model2vec:<model id or folder>`, `transformers:<model id or folder>`, or a model folder.
   * `synthgap.json`'s `embedder` wins when both are set.
   */
  readonly 'embedding.model': string;
  /** Download a named model on first use; off means local models only. */
  readonly 'embedding.allowDownload': boolean;
  /** Rows per side a transformer encoder embeds (a seeded sample beyond it). */
  readonly 'embedding.sampleRows': number;
}

export const SETTINGS_SECTION = 'synthgap';
