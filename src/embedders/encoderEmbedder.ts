import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CancelledError, type CancellationToken, type Embedder } from '../core';
import type { HostReply, HostRequest } from './encoderProtocol';
import type { EncoderLoadOptions } from './encoderSession';
import type { DownloadProgressReporter } from './progress';

export interface EncoderProcessOptions extends EncoderLoadOptions {
  /** The host script; by default dist/encoderHost.js beside this bundle (or encoderHost.ts under tsx). */
  readonly hostScript?: string;
  /** A request (one chunk of texts) that takes longer than this fails and the process is killed; default 120 s. */
  readonly timeoutMs?: number;
  /** Loading (and downloading) the model may take this long; default 10 minutes. */
  readonly loadTimeoutMs?: number;
  /** Texts sent per request: cancellation and the timeout act between chunks; default 256. */
  readonly chunkSize?: number;
  /** Callers that may wait for the process at once; one more is refused; default 8. */
  readonly maxQueue?: number;
  readonly onProgress?: DownloadProgressReporter;
}

const POLL_MS = 25;

interface Pending {
  resolve(reply: HostReply): void;
  reject(error: Error): void;
}

/**
 * A transformer encoder in a child process, behind the Embedder interface. Calls are served one at a time
 * (the process runs one session) from a bounded queue; each chunk of texts has a timeout; a cancelled token
 * rejects with CancelledError and tells the child to stop between batches. If the process crashes, times out or
 * is killed, every waiting call rejects with a sentence saying so, and so does every later call:
 * create a new embedder to start again.
 */
export class EncoderEmbedder implements Embedder {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private dead: string | undefined;

  private constructor(
    readonly id: string,
    readonly dimension: number,
    private readonly child: ChildProcess,
    private readonly options: EncoderProcessOptions,
  ) {
    child.on('message', (reply: HostReply) => this.receive(reply));
  }

  /** Starts the process and loads the model; rejects with the child's reason when it cannot. */
  static async start(options: EncoderProcessOptions): Promise<EncoderEmbedder> {
    const child = forkHost(options.hostScript);
    const { model, cacheDir, allowDownload, dtype, batchSize, threads } = options;
    const load: HostRequest = { type: 'load', options: { model, allowDownload, ...(cacheDir ? { cacheDir } : {}), ...(dtype ? { dtype } : {}), ...(batchSize ? { batchSize } : {}), ...(threads ? { threads } : {}) } };
    const ready = await new Promise<HostReply & { type: 'ready' }>((resolve, reject) => {
      const timer = setTimeout(() => fail(`the encoder process did not load ${model} within ${Math.round((options.loadTimeoutMs ?? 600_000) / 1000)} s`), options.loadTimeoutMs ?? 600_000);
      const fail = (message: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(message));
      };
      child.on('message', (reply: HostReply) => {
        if (reply.type === 'progress') options.onProgress?.(reply);
        else if (reply.type === 'loadFailed') fail(`could not load ${model}: ${reply.message}`);
        else if (reply.type === 'ready') {
          clearTimeout(timer);
          resolve(reply);
        }
      });
      child.once('error', (error) => fail(`the encoder process could not start: ${error.message}`));
      child.once('exit', (code, signal) => fail(`the encoder process exited (${signal ?? `code ${code}`}) while loading ${model}`));
      child.send(load);
    });
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    const embedder = new EncoderEmbedder(ready.modelId, ready.dimension, child, options);
    child.on('exit', (code, signal) => embedder.fail(`the encoder process exited (${signal ?? `code ${code}`})`));
    child.on('error', (error) => embedder.fail(`the encoder process failed: ${error.message}`));
    return embedder;
  }

  /** The child's process id (tests kill it to check what a crash does). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async embed(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]> {
    if (this.dead) throw new Error(`${this.id}: ${this.dead}`);
    const maxQueue = this.options.maxQueue ?? 8;
    if (this.waiting >= maxQueue) throw new Error(`${this.id}: ${maxQueue} embedding calls are already waiting; try again later`);
    this.waiting++;
    const turn = this.tail.then(() => this.embedChunks(texts, token));
    this.tail = turn.catch(() => undefined);
    try {
      return await turn;
    } finally {
      this.waiting--;
    }
  }

  /** Stops the process; waiting calls reject. */
  close(): void {
    this.fail('the encoder was closed');
    this.child.kill();
  }

  private async embedChunks(texts: readonly string[], token?: CancellationToken): Promise<Float32Array[]> {
    const chunkSize = this.options.chunkSize ?? 256;
    const out: Float32Array[] = [];
    // Two chunks in flight: the child starts the next one while this process unpacks the last.
    let next: Promise<HostReply & { type: 'vectors' }> | undefined;
    for (let start = 0; start < texts.length; start += chunkSize) {
      if (token?.isCancellationRequested) throw new CancelledError();
      if (this.dead) throw new Error(`${this.id}: ${this.dead}`);
      const current = next ?? this.request(texts.slice(start, start + chunkSize), token);
      next = start + chunkSize < texts.length ? this.request(texts.slice(start + chunkSize, start + 2 * chunkSize), token) : undefined;
      // A rejection of the chunk queued ahead is reported when its turn comes, not as unhandled.
      next?.catch(() => undefined);
      const reply = await current;
      for (let i = 0; i < reply.count; i++) out.push(reply.data.slice(i * this.dimension, (i + 1) * this.dimension));
    }
    return out;
  }

  private request(texts: readonly string[], token?: CancellationToken): Promise<HostReply & { type: 'vectors' }> {
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? 120_000;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.pending.delete(id);
      };
      const timer = setTimeout(() => {
        done();
        const message = `the encoder did not answer within ${timeoutMs / 1000} s (${texts.length} texts); it was stopped`;
        reject(new Error(`${this.id}: ${message}`));
        this.fail(message);
        this.child.kill('SIGKILL');
      }, timeoutMs);
      const poll = setInterval(() => {
        if (!token?.isCancellationRequested) return;
        done();
        this.send({ type: 'cancel', id });
        reject(new CancelledError());
      }, POLL_MS);
      this.pending.set(id, {
        resolve: (reply) => {
          done();
          if (reply.type === 'vectors') resolve(reply);
          else if (reply.type === 'cancelled') reject(new CancelledError());
          else if (reply.type === 'failed') reject(new Error(`${this.id}: ${reply.message}`));
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      this.send({ type: 'embed', id, texts });
    });
  }

  private send(request: HostRequest): void {
    if (this.child.connected) this.child.send(request);
  }

  private receive(reply: HostReply): void {
    switch (reply.type) {
      case 'vectors':
      case 'failed':
      case 'cancelled':
        this.pending.get(reply.id)?.resolve(reply);
        return;
      case 'progress':
        this.options.onProgress?.(reply);
        return;
      case 'ready':
      case 'loadFailed':
        return;
      default: {
        const unknown: never = reply;
        throw new Error(`unknown reply ${JSON.stringify(unknown)}`);
      }
    }
  }

  private fail(reason: string): void {
    this.dead ??= reason;
    for (const pending of [...this.pending.values()]) pending.reject(new Error(`${this.id}: ${reason}`));
    this.pending.clear();
  }
}

function forkHost(hostScript: string | undefined): ChildProcess {
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] as ('ignore' | 'inherit' | 'ipc')[] };
  if (hostScript) return fork(hostScript, [], { ...options, execArgv: hostScript.endsWith('.ts') ? ['--import', 'tsx'] : [] });
  const bundled = join(__dirname, 'encoderHost.js');
  if (existsSync(bundled)) return fork(bundled, [], { ...options, execArgv: [] });
  // Running from source (tests, the bench under tsx).
  return fork(join(__dirname, 'encoderHost.ts'), [], { ...options, execArgv: ['--import', 'tsx'] });
}
