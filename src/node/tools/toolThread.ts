/**
 * `synthgap mcp`'s tools on a thread of their own (dist/mcpWorker.js), so a check of a large file, seconds of CPU,
 * does not hold up `tools/list`, a ping or a cancellation while it runs. One thread for the server's life, started
 * on first use: it keeps the analyses (analysisCache.ts), which live where they were made. When the script is
 * missing (tests run from source) or the thread cannot start, tools run in place with a cache of their own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ToolOutcome } from '../../shared/protocol';
import { AnalysisCache } from './analysisCache';
import { runTool } from './run';

/** A call sent to the thread; `cancel` is a shared flag set to 1 when the client cancels. */
export interface ToolThreadRequest {
  readonly id: number;
  readonly name: string;
  readonly input: unknown;
  readonly root: string;
  readonly cancel: SharedArrayBuffer;
  readonly progress: boolean;
}

/** A call's progress and outcome, and the thread's log lines. */
export type ToolThreadReply =
  | { readonly id: number; readonly progress: { readonly done: number; readonly total: number; readonly message: string } }
  | { readonly id: number; readonly outcome: ToolOutcome }
  | { readonly log: string };

export interface ToolCall {
  readonly root: string;
  /** Aborted when the client cancels the call. */
  readonly signal: AbortSignal;
  readonly onProgress?: (done: number, total: number, message: string) => void;
}

interface Pending {
  readonly done: (outcome: ToolOutcome) => void;
  readonly onProgress?: ToolCall['onProgress'];
}

export class ToolThread {
  private worker: Worker | undefined;
  private broken = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The analyses of calls run in place. */
  private readonly analyses: AnalysisCache;

  /** `log` gets a line for each analysis reused, for the thread failing, and anything the thread printed. */
  constructor(
    private readonly log: (line: string) => void,
    private readonly script = join(__dirname, 'mcpWorker.js'),
  ) {
    this.analyses = new AnalysisCache(log);
  }

  run(name: string, input: unknown, call: ToolCall): Promise<ToolOutcome> {
    const worker = this.ensureWorker();
    const onProgress = call.onProgress;
    if (!worker) return runTool(name, input, { root: call.root, analyses: this.analyses, token: { get isCancellationRequested() { return call.signal.aborted; } }, ...(onProgress ? { onProgress } : {}) });
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const abort = () => Atomics.store(new Int32Array(cancel), 0, 1);
    // The client's cancellation may have come in with its request, before this call started.
    if (call.signal.aborted) abort();
    else call.signal.addEventListener('abort', abort, { once: true });
    return new Promise((resolve) => {
      this.pending.set(id, {
        done: (outcome) => {
          call.signal.removeEventListener('abort', abort);
          resolve(outcome);
        },
        ...(onProgress ? { onProgress } : {}),
      });
      worker.ref();
      worker.postMessage({ id, name, input, root: call.root, cancel, progress: onProgress !== undefined } satisfies ToolThreadRequest);
    });
  }

  dispose(): void {
    this.broken = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    if (!existsSync(this.script)) return this.fallBack(`no tool thread script at ${this.script}: tools run on the main thread`);
    try {
      // Stdout is the protocol: what the thread prints is read here and logged, never passed through.
      const worker = new Worker(this.script, { stdout: true });
      worker.stdout.on('data', (chunk: Buffer) => this.log(chunk.toString().trimEnd()));
      worker.on('message', (reply: ToolThreadReply) => this.receive(reply));
      worker.on('error', (error) => this.died(`the tool thread failed: ${error.message}`));
      worker.on('exit', (code) => this.died(`the tool thread exited (code ${code})`));
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (error) {
      return this.fallBack(`the tool thread could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(reply: ToolThreadReply): void {
    if ('log' in reply) return this.log(reply.log);
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('progress' in reply) return pending.onProgress?.(reply.progress.done, reply.progress.total, reply.progress.message);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    pending.done(reply.outcome);
  }

  /** The calls in flight fail with one line; the next call starts a new thread (its kept analyses are gone). */
  private died(reason: string): void {
    if (this.broken || !this.worker) return;
    this.worker = undefined;
    this.log(reason);
    for (const pending of this.pending.values()) pending.done({ ok: false, error: `internal error: ${reason}` });
    this.pending.clear();
  }

  private fallBack(reason: string): undefined {
    this.broken = true;
    this.log(reason);
    return undefined;
  }
}
