/** A model download's progress, as the CLI's progress line and the editor's `withProgress` show it. */
export interface DownloadProgress {
  /** The model id being fetched, e.g. `minishlab/potion-base-8M`. */
  readonly model: string;
  readonly file: string;
  readonly loaded: number;
  /** Bytes expected, or 0 when the server did not say. */
  readonly total: number;
}

export type DownloadProgressReporter = (progress: DownloadProgress) => void;
