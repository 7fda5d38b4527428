import type { Connection } from 'vscode-languageserver/node';
import type { ProgressEvent } from '../core/host';

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
