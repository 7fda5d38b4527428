// One code-server and one browser shared by the tests of a describe block, started in `before` and always
// stopped in `after`: the workbench takes 10 to 20 s to start, too slow to repeat for every test.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { withFailureArtifacts } from './artifacts.js';
import type { CodeServer } from './codeServer.js';
import { findTaggedProcesses, makeTempDir, removeTempDir } from './processes.js';
import { browserTag, closeWorkbench, openWorkbench } from './workbench.js';

export interface Workbench {
  readonly page: Page;
  readonly server: CodeServer;
  /** Runs a test body; on failure, saves a screenshot, the browser console and the server output. */
  step<T>(stepName: string, fn: (page: Page) => Promise<T>): Promise<T>;
  /** Stops browser and server now and asserts that none of their processes is left. */
  stopAndCheckNothingIsLeft(): Promise<void>;
}

/**
 * Registers `before`/`after` hooks in the current describe block. `start` gets a scratch folder (deleted
 * afterwards) and returns the server and the folder to open in the workbench.
 */
export function useWorkbench(name: string, start: (scratch: string) => Promise<{ server: CodeServer; folder: string }>): Workbench {
  const state: { scratch?: string; server?: CodeServer; page?: Page; tags: string[] } = { tags: [] };
  before(async () => {
    state.scratch = makeTempDir(`synthgap-harness-${name}-`);
    const started = Date.now();
    const { server, folder } = await start(state.scratch);
    state.server = server;
    const serverMs = Date.now() - started;
    state.page = await withFailureArtifacts(`${name}-open`, { serverLogs: server.logs }, () => openWorkbench(server.url, folder));
    state.tags = [server.tag, browserTag(state.page) ?? ''].filter(Boolean);
    console.log(`# ${name}: code-server listening after ${serverMs} ms, workbench ready after ${Date.now() - started} ms`);
  }, { timeout: 180_000 });
  after(async () => {
    if (state.page) await closeWorkbench(state.page);
    await state.server?.stop();
    if (state.scratch) removeTempDir(state.scratch);
  });
  const workbench: Workbench = {
    get page(): Page {
      assert.ok(state.page, 'the workbench did not open');
      return state.page;
    },
    get server(): CodeServer {
      assert.ok(state.server, 'code-server did not start');
      return state.server;
    },
    step(stepName, fn) {
      return withFailureArtifacts(`${name}-${stepName}`, { page: state.page, serverLogs: state.server?.logs }, () => fn(workbench.page));
    },
    async stopAndCheckNothingIsLeft() {
      if (state.page) await closeWorkbench(state.page);
      await state.server?.stop();
      for (const tag of state.tags) assert.deepEqual(findTaggedProcesses(tag), [], 'processes left behind');
    },
  };
  return workbench;
}
