import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CancelledError,
  joinExplained,
  runDetectorHere,
  type CancellationToken,
  type DetectorJob,
  type DetectorJobResult,
  type DetectorRun,
  type DetectorRunner,
  type ExplainedRows,
} from '../core';

/** A job sent to the detector's thread; `cancel` is a shared flag the caller sets to 1. */
export interface DetectorThreadRequest {
  readonly id: number;
  readonly job: DetectorJob;
  readonly cancel: SharedArrayBuffer;
}

/**
 * A job's replies: its detector first, then the reasons it found in chunks, then whether it was asked for any
 * (or an error at any point).
 */
export type DetectorThreadReply =
  | { readonly id: number; readonly result: DetectorJobResult }
  | { readonly id: number; readonly chunk: ExplainedRows }
  | { readonly id: number; readonly explained: boolean }
  | { readonly id: number; readonly error: string; readonly cancelled: boolean };

/** A job until both of its replies are in: `run` settles with the first, `explained` with the second. */
interface Pending {
  readonly run: Deferred<DetectorRun>;
  readonly explained: Deferred<ExplainedRows | undefined>;
  readonly chunks: ExplainedRows[];
  readonly job: DetectorJob;
  readonly token?: CancellationToken;
  readonly watch: ReturnType<typeof setInterval>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined); // the caller may never ask for the reasons of a job it gave up on
  return { promise, resolve, reject };
}

/** How often a running job checks the caller's cancellation token, in ms. */
const CANCEL_POLL_MS = 50;

/**
 * Runs detector jobs on a thread of their own, so `analyze` compares the sides on its own thread meanwhile (the
 * machine's second core). One thread, one job at a time, started on first use; idle, it does not keep the process
 * alive. When the thread cannot start or dies, jobs run in place, and `onFallback` hears why, once.
 */
export class DetectorThread {
  private worker: Worker | undefined;
  private broken = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly script = join(__dirname, 'detectorWorker.js'),
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {}

  readonly run: DetectorRunner = (job, token) => {
    const worker = this.ensureWorker();
    if (!worker) return runDetectorHere(job, token);
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const watch = setInterval(() => {
      if (token?.isCancellationRequested) Atomics.store(new Int32Array(cancel), 0, 1);
    }, CANCEL_POLL_MS);
    const pending: Pending = { run: deferred(), explained: deferred(), chunks: [], job, token, watch };
    this.pending.set(id, pending);
    worker.ref();
    worker.postMessage({ id, job, cancel } satisfies DetectorThreadRequest);
    return pending.run.promise;
  };

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.broken = true;
    void worker?.terminate();
    for (const [id, pending] of this.pending) this.settle(id, pending, (error) => error(new CancelledError()));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    if (!existsSync(this.script)) return this.fallBack(`no detector thread script at ${this.script}`);
    try {
      const worker = new Worker(this.script);
      worker.on('message', (reply: DetectorThreadReply) => this.receive(reply));
      worker.on('error', (error) => this.died(`the detector thread failed: ${error.message}`));
      worker.on('exit', (code) => this.died(`the detector thread exited (code ${code})`));
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (error) {
      return this.fallBack(`the detector thread could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(reply: DetectorThreadReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('result' in reply) pending.run.resolve({ result: reply.result, explained: pending.explained.promise });
    else if ('chunk' in reply) pending.chunks.push(reply.chunk);
    else if ('explained' in reply) this.settle(reply.id, pending, () => pending.explained.resolve(reply.explained ? joinExplained(pending.chunks) : undefined));
    else this.settle(reply.id, pending, (error) => error(reply.cancelled ? new CancelledError() : new Error(reply.error)));
  }

  /** A dead thread's jobs run in place (their detector again, where it had already come back); later jobs too. */
  private died(reason: string): void {
    if (this.broken) return;
    this.worker = undefined;
    this.fallBack(reason);
    for (const [id, pending] of this.pending) {
      this.settle(id, pending, () =>
        runDetectorHere(pending.job, pending.token).then(
          (run) => {
            pending.run.resolve(run);
            run.explained.then(pending.explained.resolve, pending.explained.reject);
          },
          (error: Error) => {
            pending.run.reject(error);
            pending.explained.reject(error);
          },
        ),
      );
    }
  }

  private fallBack(reason: string): undefined {
    this.broken = true;
    this.onFallback(`${reason}; the detector runs on the main thread`);
    return undefined;
  }

  /** Ends a job's bookkeeping; `then` gets a function that rejects whatever of the job is still open. */
  private settle(id: number, pending: Pending, then: (error: (reason: Error) => void) => void): void {
    clearInterval(pending.watch);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    then((reason) => {
      pending.run.reject(reason);
      pending.explained.reject(reason);
    });
  }
}

/** A detector thread where the machine has a second core to run it on; undefined (run in place) on one core. */
export function detectorThread(onFallback?: (reason: string) => void): DetectorThread | undefined {
  return availableParallelism() > 1 ? new DetectorThread(undefined, onFallback) : undefined;
}
