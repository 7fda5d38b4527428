/** What the core needs from the world around it. Callers inject these; the core never reaches for them. */

/** A cooperative cancellation flag, compatible in shape with vscode-jsonrpc's CancellationToken. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Thrown by {@link throwIfCancelled}; callers catch it by `instanceof`. */
export class CancelledError extends Error {
  constructor() {
    super('Analysis was cancelled.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };

/** Progress of a long analysis: `stage` is a short name, `done`/`total` count work units of that stage. */
export interface ProgressEvent {
  readonly stage: AnalysisStage;
  readonly done: number;
  readonly total: number;
}

export type AnalysisStage = 'read' | 'features' | 'embed' | 'detector' | 'compare' | 'findings';

export type ProgressReporter = (event: ProgressEvent) => void;

/** A set of correctly spelled words, lower-case. The CLI and server load one from a dictionary package. */
export interface WordDictionary {
  has(word: string): boolean;
}
