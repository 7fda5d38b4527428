/**
 * One agent tool call (src/node/tools) in a worker thread of its own: a check of a large file takes seconds of
 * CPU, which must not delay the server's hovers and diagnostics. The server starts one per call and ends it when
 * the call is cancelled; the worker posts the outcome and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTool } from '../node/tools/run';
import type { ToolOutcome } from '../shared/protocol';

export interface ToolJob {
  readonly name: string;
  readonly input: unknown;
  readonly root: string;
}

const job = workerData as ToolJob;
runTool(job.name, job.input, { root: job.root }).then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}` } satisfies ToolOutcome),
);
