import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PanelProbe, ProgressEvent } from '../core';
import type { AnalysisOutput, AnalyzeJob, ProbeJob, PromptsJob, WorkerJob, WorkerMessage } from './workerProtocol';

export type JobRequest = Omit<AnalyzeJob, 'type' | 'id' | 'cancel'>;
export type ProbeRequest = Omit<ProbeJob, 'type' | 'id' | 'cancel'>;
export type PromptsRequest = Omit<PromptsJob, 'type' | 'id' | 'cancel'>;
type AnyRequest = ({ readonly type: 'analyze' } & JobRequest) | ({ readonly type: 'probe' } & ProbeRequest) | ({ readonly type: 'prompts' } & PromptsRequest);
type Finished = Extract<WorkerMessage, { type: 'done' | 'probed' | 'prompted' }>;

export interface ServerLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Thrown to a caller whose job was cancelled or replaced by a newer one for the same file. */
export class SupersededError extends Error {
  constructor() {
    super('The analysis was cancelled or replaced by a newer one.');
    this.name = 'SupersededError';
  }
}

interface Pending {
  readonly key: string;
  readonly id: number;
  readonly request: AnyRequest;
  readonly cancel: SharedArrayBuffer;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly urgent: boolean;
  /** Set when an urgent job interrupted this one: it runs again afterwards instead of failing. */
  requeue?: boolean;
  readonly resolve: (message: Finished) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Runs analyses in one worker thread, one at a time, in request order. A newer request for the same key
 * (file) replaces a queued one and cancels a running one through a shared flag the core polls.
 */
export class AnalysisWorker {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;
  /** Called with every progress event of a model download (first use of a named model). */
  onDownload: ((progress: Extract<WorkerMessage, { type: 'download' }>) => void) | undefined;

  constructor(private readonly log: ServerLog, private readonly script = join(__dirname, 'analysisWorker.js')) {}

  /** Whether an analysis is queued or running (a probe is not: the status bar does not wait on it). */
  get busy(): boolean {
    return this.running?.request.type === 'analyze' || this.queue.some((job) => job.request.type === 'analyze');
  }

  /** Queues an analysis; an `urgent` one (a file open in the editor) goes before the others waiting. */
  run(key: string, request: JobRequest, onProgress?: (event: ProgressEvent) => void, urgent = false): Promise<AnalysisOutput> {
    return this.enqueue(key, { type: 'analyze', ...request }, onProgress, urgent).then((message) => {
      if (message.type !== 'done') throw new Error(`the analysis worker answered an analysis with "${message.type}"`);
      return message.output;
    });
  }

  /** Queues a probe behind the analyses; `key` must differ from the file's analysis key, or one cancels the other. */
  probe(key: string, request: ProbeRequest): Promise<PanelProbe> {
    return this.enqueue(key, { type: 'probe', ...request }, undefined, false).then((message) => {
      if (message.type !== 'probed') throw new Error(`the analysis worker answered a probe with "${message.type}"`);
      return message.probe;
    });
  }

  /** Queues the generation prompts behind the analyses (like a probe, under a key of their own). */
  prompts(key: string, request: PromptsRequest): Promise<{ markdown: string | null; reason?: string }> {
    return this.enqueue(key, { type: 'prompts', ...request }, undefined, false).then((message) => {
      if (message.type !== 'prompted') throw new Error(`the analysis worker answered prompts with "${message.type}"`);
      return { markdown: message.markdown, ...(message.reason ? { reason: message.reason } : {}) };
    });
  }

  private enqueue(key: string, request: AnyRequest, onProgress: ((event: ProgressEvent) => void) | undefined, urgent: boolean): Promise<Finished> {
    this.cancel(key);
    return new Promise<Finished>((resolve, reject) => {
      const job: Pending = { key, id: this.nextId++, request, cancel: new SharedArrayBuffer(4), onProgress, urgent, resolve, reject };
      if (urgent) this.queue.unshift(job);
      else this.queue.push(job);
      // A file the user opened does not wait for a background file's analysis: that one starts over after it.
      if (urgent && this.running && !this.running.urgent) {
        this.running.requeue = true;
        Atomics.store(new Int32Array(this.running.cancel), 0, 1);
      }
      this.pump();
    });
  }

  /** Whether a job for `key` is queued or running. */
  has(key: string): boolean {
    return this.running?.key === key || this.queue.some((job) => job.key === key);
  }

  /** Drops a queued job for `key` and flags a running one. */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key !== key) continue;
      this.queue.splice(i, 1)[0].reject(new SupersededError());
    }
    if (this.running?.key === key) {
      this.running.requeue = false;
      Atomics.store(new Int32Array(this.running.cancel), 0, 1);
    }
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.reject(new SupersededError());
    this.worker?.terminate().catch(() => undefined);
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift() as Pending;
    this.running = job;
    const message: WorkerJob = { ...job.request, id: job.id, cancel: job.cancel };
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { stdout: true, stderr: true });
    // The worker's console must never reach the server's stdout; log it instead.
    worker.stdout.on('data', (chunk: Buffer) => this.log.debug(`worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.log.warn(`worker: ${chunk.toString().trimEnd()}`));
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.crashed(`the analysis worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.crashed(`the analysis worker exited (code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'log') {
      this.log[message.level](message.message);
      return;
    }
    if (message.type === 'download') {
      this.onDownload?.(message);
      return;
    }
    const job = this.running;
    if (!job || job.id !== message.id) return;
    switch (message.type) {
      case 'progress':
        job.onProgress?.({ stage: message.stage, done: message.done, total: message.total });
        return;
      case 'done':
      case 'probed':
      case 'prompted':
        this.finish();
        job.resolve(message);
        return;
      case 'failed':
        if (message.cancelled && job.requeue) {
          this.queue.push({ ...job, id: this.nextId++, cancel: new SharedArrayBuffer(4), requeue: false });
          this.finish();
          return;
        }
        this.finish();
        job.reject(message.cancelled ? new SupersededError() : new Error(message.message));
        return;
    }
  }

  private finish(): void {
    this.running = undefined;
    this.pump();
  }

  private crashed(reason: string): void {
    this.log.error(reason);
    this.worker = undefined;
    const job = this.running;
    this.running = undefined;
    job?.reject(new Error(reason));
    this.pump();
  }
}
