import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { DownloadProgress as ModelDownload } from '../embedders/progress';
import type { ProgressEvent } from '../core';

export interface AnalysisProgress {
  readonly report: (event: ProgressEvent) => void;
  readonly done: () => void;
}

const STAGES: Readonly<Record<ProgressEvent['stage'], string>> = {
  read: 'reading',
  features: 'measuring rows',
  embed: 'embedding',
  detector: 'training the detector',
  compare: 'comparing with the reference',
  findings: 'writing findings',
};

/**
 * Work-done progress (`window/workDoneProgress/create`, then `$/progress`) for a long first analysis,
 * cancellable from the editor. A client without progress support gets a reporter that does nothing.
 */
export async function startProgress(connection: Connection, file: string, cancel: () => void): Promise<AnalysisProgress> {
  const reporter = await connection.window.createWorkDoneProgress();
  reporter.begin(`Synthgap: ${file}`, 0, 'reading', true);
  const subscription = reporter.token.onCancellationRequested(cancel);
  let lastPercent = -1;
  return {
    report: (event) => {
      const percent = Math.round((100 * Object.keys(STAGES).indexOf(event.stage) + (100 * event.done) / Math.max(1, event.total)) / Object.keys(STAGES).length);
      if (percent === lastPercent) return;
      lastPercent = percent;
      reporter.report(percent, STAGES[event.stage]);
    },
    done: () => {
      subscription.dispose();
      reporter.done();
    },
  };
}

/**
 * Work-done progress for a model download on first use: one progress for the whole download (a model is a few
 * files), ended when the analysis that waited for it ends.
 */
export class DownloadProgress {
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private lastPercent = -1;

  constructor(private readonly connection: Connection) {}

  report(progress: ModelDownload): void {
    this.reporter ??= this.connection.window.createWorkDoneProgress().then(
      (reporter) => {
        reporter.begin(`Synthgap: downloading ${progress.model}`, 0, progress.file, false);
        return reporter;
      },
      () => undefined,
    );
    const percent = progress.total > 0 ? Math.floor((100 * progress.loaded) / progress.total) : 0;
    if (percent === this.lastPercent) return;
    this.lastPercent = percent;
    const message = `${progress.file}: ${(progress.loaded / 1e6).toFixed(1)}${progress.total > 0 ? ` of ${(progress.total / 1e6).toFixed(1)}` : ''} MB`;
    void this.reporter.then((reporter) => reporter?.report(percent, message));
  }

  done(): void {
    void this.reporter?.then((reporter) => reporter?.done());
    this.reporter = undefined;
    this.lastPercent = -1;
  }
}
