/**
 * The agent tools' request (toolRequest): a tool runs in a worker thread (toolWorker.ts) with the workspace folder
 * as its root. Only in a trusted workspace (the client registers the tools only then, and the server checks again),
 * and only for a folder of this workspace.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { toolRequest, type ToolOutcome } from '../shared/protocol';
import { onRequest } from './messages';
import type { ToolJob } from './toolWorker';

export function registerToolRequest(connection: Connection, state: { trusted(): boolean; folders(): readonly string[] }, script = join(__dirname, 'toolWorker.js')): void {
  onRequest(connection, toolRequest, (params, token): Promise<ToolOutcome> => {
    if (!state.trusted()) return Promise.resolve({ ok: false, error: 'Synthgap\'s tools need a trusted workspace' });
    let root: string;
    try {
      root = fileURLToPath(params.folder);
    } catch {
      return Promise.resolve({ ok: false, error: `not a folder: ${params.folder}` });
    }
    if (!state.folders().includes(root)) return Promise.resolve({ ok: false, error: `${root} is not a folder of this workspace` });
    return runInWorker(script, { name: params.name, input: params.input, root }, token);
  });
}

function runInWorker(script: string, job: ToolJob, token: CancellationToken): Promise<ToolOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    const settle = (outcome: ToolOutcome) => {
      if (settled) return;
      settled = true;
      cancel.dispose();
      void worker.terminate();
      resolve(outcome);
    };
    const cancel = token.onCancellationRequested(() => settle({ ok: false, error: 'cancelled' }));
    worker.once('message', (outcome: ToolOutcome) => settle(outcome));
    worker.once('error', (error) => settle({ ok: false, error: `internal error: ${error.message}` }));
    worker.once('exit', (code) => settle({ ok: false, error: `internal error: the tool's worker stopped (exit code ${code})` }));
  });
}
