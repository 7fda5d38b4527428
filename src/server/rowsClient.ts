import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RowsMessage, RowsReply, RowsRequest, RowsResults } from './rowsProtocol';
import type { ServerLog } from './workerClient';

type Request<T extends RowsRequest['type']> = Extract<RowsRequest, { type: T }>;

/**
 * The main thread's side of the rows worker (rowsWorker.ts): one request, one answer, in order. A crashed worker
 * fails what was asked of it and starts anew on the next request (its files are analyzed again, see
 * `onCrash`).
 */
export class RowsClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  /** Called when the worker died: every file it held must be loaded again. */
  onCrash: (() => void) | undefined;

  constructor(private readonly log: ServerLog, private readonly script = join(__dirname, 'rowsWorker.js')) {}

  ask<T extends RowsRequest['type']>(request: Request<T>): Promise<RowsResults[T]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.ensureWorker().postMessage({ ...request, id } as RowsMessage);
    });
  }

  dispose(): void {
    for (const { reject } of this.pending.values()) reject(new Error('the server is shutting down'));
    this.pending.clear();
    this.worker?.terminate().catch(() => undefined);
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { stdout: true, stderr: true });
    // The worker's console must never reach the server's stdout; log it instead.
    worker.stdout.on('data', (chunk: Buffer) => this.log.debug(`rows worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.log.warn(`rows worker: ${chunk.toString().trimEnd()}`));
    worker.on('message', (reply: RowsReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.message));
    });
    const crashed = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log.error(reason);
      for (const { reject } of this.pending.values()) reject(new Error(reason));
      this.pending.clear();
      this.onCrash?.();
    };
    worker.on('error', (error) => crashed(`the rows worker failed: ${error.message}`));
    worker.on('exit', (code) => crashed(`the rows worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }
}
