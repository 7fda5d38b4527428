// The detector's thread (dist/detectorWorker.js): runs one detector job at a time for DetectorThread.
import { parentPort } from 'node:worker_threads';
import { CancelledError, explainJobRows, runDetectorJob } from '../core';
import type { DetectorThreadReply, DetectorThreadRequest } from './detectorThread';

parentPort?.on('message', (request: DetectorThreadRequest) => {
  const flag = new Int32Array(request.cancel);
  const token = {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) === 1;
    },
  };
  // The detector goes back first, so the caller finds its own half of the reasons while this thread finds the rest.
  try {
    const result = runDetectorJob(request.job, token);
    parentPort?.postMessage({ id: request.id, result } satisfies DetectorThreadReply);
    explainJobRows(request.job, result, (chunk) => parentPort?.postMessage({ id: request.id, chunk } satisfies DetectorThreadReply), token);
    parentPort?.postMessage({ id: request.id, explained: request.job.explain !== undefined } satisfies DetectorThreadReply);
  } catch (error) {
    const reply: DetectorThreadReply = { id: request.id, error: error instanceof Error ? error.message : String(error), cancelled: error instanceof CancelledError };
    parentPort?.postMessage(reply);
  }
});
