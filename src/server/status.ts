import type { Connection } from 'vscode-languageserver/node';
import { statusNotification, type FileSummary, type ServerState, type StatusParams } from '../shared/protocol';
import { sendNotification } from './messages';

export interface StatusInput {
  readonly analyzing: boolean;
  readonly noReference: boolean;
  readonly error?: string;
  readonly reference?: string;
  readonly files: readonly FileSummary[];
  readonly message?: string;
}

/** Sends statusNotification when, and only when, what it says has changed. */
export class StatusReporter {
  private last = '';

  constructor(private readonly connection: Connection) {}

  update(input: StatusInput): void {
    const state: ServerState = input.analyzing ? 'analyzing' : input.error ? 'error' : input.noReference ? 'no-reference' : 'ready';
    const params: StatusParams = {
      state,
      files: [...input.files].sort((a, b) => (a.uri < b.uri ? -1 : 1)),
      ...(input.reference ? { reference: input.reference } : {}),
      ...(messageFor(state, input) ? { message: messageFor(state, input) } : {}),
    };
    const text = JSON.stringify(params);
    if (text === this.last) return;
    this.last = text;
    sendNotification(this.connection, statusNotification, params).catch(() => undefined);
  }

  starting(): void {
    this.last = JSON.stringify({ state: 'starting' });
    sendNotification(this.connection, statusNotification, { state: 'starting', files: [] }).catch(() => undefined);
  }
}

function messageFor(state: ServerState, input: StatusInput): string | undefined {
  if (state === 'error') return input.error;
  if (state === 'no-reference') return 'No reference set: set "reference" in synthgap.json or the synthgap.reference setting.';
  const limited = input.files.filter((file) => file.limited);
  if (limited.length > 0) return `${limited.length} file${limited.length === 1 ? '' : 's'} not fully analyzed: ${limited[0].limited}`;
  return input.message;
}

/** The summary of a file a limit kept from being analyzed. */
export function limitedSummary(uri: string, limited: string): FileSummary {
  return { uri, rows: 0, flagged: 0, underlined: 0, auc: 0.5, aucLow: 0.5, aucHigh: 0.5, verdict: 'insufficient-data', limited };
}
