// A minimal LSP client for the built server: forks dist/server.js with --node-ipc and plays the editor's part
// (configuration, applyEdit, refresh requests, open documents), so tests wait on messages and never sleep.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, WorkDoneProgress, type MessageConnection } from 'vscode-languageserver/node';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { statusNotification, type ClientRequest, type StatusParams } from '../../src/shared/protocol';

const SERVER = resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  readonly folder: string;
  readonly trusted?: boolean;
  readonly settings?: Record<string, unknown>;
  /** The extension's global storage folder (models, embedding cache); none by default. */
  readonly storagePath?: string;
}

export class LspClient {
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** Messages the server logged at error level. */
  readonly errors: string[] = [];
  /** Messages the server showed the user (`window/showMessageRequest`), e.g. an embedding fallback. */
  readonly shown: { type: number; message: string }[] = [];
  /** Work-done progress values the server reported (`$/progress`). */
  readonly progress: { kind: string; percentage?: number; message?: string }[] = [];
  stdout = '';
  private readonly docs = new Map<string, TextDocument>();
  private waiters: { test: (s: StatusParams) => boolean; resolve: (s: StatusParams) => void }[] = [];

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection, readonly options: ClientOptions) {}

  static async start(options: ClientOptions): Promise<LspClient> {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new LspClient(child, connection, options);
    child.stdout?.on('data', (chunk: Buffer) => (client.stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => client.logs.push(`stderr: ${chunk.toString()}`));
    client.wire();
    connection.listen();
    const folderUri = pathToFileURL(options.folder).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'test' }],
      initializationOptions: { trusted: options.trusted ?? true, ...(options.storagePath ? { storagePath: options.storagePath } : {}) },
      capabilities: {
        workspace: { workspaceFolders: true, configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: { diagnostic: { dynamicRegistration: false } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(statusNotification.method, (status: StatusParams) => {
      this.statuses.push(status);
      this.waiters = this.waiters.filter((w) => (w.test(status) ? (w.resolve(status), false) : true));
    });
    c.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      if (params.type === 1) this.errors.push(params.message);
    });
    c.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings ?? {}));
    c.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      c.onProgress(WorkDoneProgress.type, params.token, (value) => {
        this.progress.push(value);
      });
      return null;
    });
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.shown.push({ type: params.type, message: params.message });
      return null;
    });
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('workspace/codeLens/refresh', () => null);
    c.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      this.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
  }

  /** Resolves with the first status (already received or to come) that passes `test`. */
  waitForStatus(test: (s: StatusParams) => boolean, timeoutMs = 60_000, from = 0): Promise<StatusParams> {
    const seen = this.statuses.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching status in ${timeoutMs} ms; got ${JSON.stringify(this.statuses.at(-1))}\n${this.logs.join('\n')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (s) => { clearTimeout(timer); resolvePromise(s); } });
    });
  }

  open(path: string): TextDocument {
    const uri = pathToFileURL(path).href;
    const doc = TextDocument.create(uri, 'jsonl', 1, readFileSync(path, 'utf8'));
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jsonl', version: 1, text: doc.getText() } });
    return doc;
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  /** Applies edits to an open document as the editor would, and tells the server (full text). */
  edit(uri: string, edits: TextEdit[]): void {
    const doc = this.document(uri);
    const text = TextDocument.applyEdits(doc, edits);
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.docs.set(uri, next);
    // One edit goes as a range change, as VS Code sends it; several as the full text.
    const contentChanges = edits.length === 1 ? [{ range: edits[0].range, text: edits[0].newText }] : [{ text }];
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** One of Synthgap's own requests, typed by its shared object as the extension sends it. */
  send<P, R>(request: ClientRequest<P, R>, params: P): Promise<R> {
    return this.connection.sendRequest<R>(request.method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.process.kill();
  }

  private applyWorkspaceEdit(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) this.applyTo(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') writeFileSync(fileURLToPath(change.uri), '', { flag: 'a' });
        continue;
      }
      this.applyTo(change.textDocument.uri, change.edits as TextEdit[]);
    }
  }

  private applyTo(uri: string, edits: TextEdit[]): void {
    if (this.docs.has(uri)) return this.edit(uri, edits);
    const path = fileURLToPath(uri);
    const doc = TextDocument.create(uri, 'json', 0, readFileSync(path, 'utf8'));
    writeFileSync(path, TextDocument.applyEdits(doc, edits));
  }
}
