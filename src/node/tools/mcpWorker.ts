// The tool thread of `synthgap mcp` (dist/mcpWorker.js): runs ToolThread's calls with the analyses it keeps. Calls
// overlap as they do on a main thread (each awaits its own analysis); the server's main thread only passes messages.
import { parentPort } from 'node:worker_threads';
import { AnalysisCache } from './analysisCache';
import { runTool } from './run';
import type { ToolThreadReply, ToolThreadRequest } from './toolThread';

const port = parentPort;
if (port) {
  const post = (reply: ToolThreadReply) => port.postMessage(reply);
  const analyses = new AnalysisCache((line) => post({ log: line }));
  port.on('message', (request: ToolThreadRequest) => {
    const { id } = request;
    const cancel = new Int32Array(request.cancel);
    void runTool(request.name, request.input, {
      root: request.root,
      analyses,
      token: { get isCancellationRequested() { return Atomics.load(cancel, 0) === 1; } },
      ...(request.progress ? { onProgress: (done: number, total: number, message: string) => post({ id, progress: { done, total, message } }) } : {}),
    }).then(
      (outcome) => post({ id, outcome }),
      (error: unknown) => post({ id, outcome: { ok: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}` } }),
    );
  });
}
