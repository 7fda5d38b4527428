// The detector's thread (dist/detectorWorker.js): runs one detector job at a time for DetectorThread.
import { parentPort } from 'node:worker_threads';
import { CancelledError } from '../core/host';
import { runDetectorJob } from '../core/gap/detectorJob';
import type { DetectorThreadReply, DetectorThreadRequest } from './detectorThread';

parentPort?.on('message', (request: DetectorThreadRequest) => {
  const flag = new Int32Array(request.cancel);
  const token = {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) === 1;
    },
  };
  let reply: DetectorThreadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = runDetectorJob(request.job, token);
    reply = { id: request.id, result };
    transfer = [result.scores.buffer as ArrayBuffer];
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error), cancelled: error instanceof CancelledError };
  }
  parentPort?.postMessage(reply, transfer);
});
