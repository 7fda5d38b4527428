// `synthgap mcp` keeps the analyses of check and explain_row: the built bin over stdio with the SDK's client, on
// real files an agent (or the user beside it) edits between calls. A kept analysis must give exactly what a fresh
// server gives, and any change to a file, synthgap.json or an option must make a new one.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, ROOT, tempDir } from '../support/cli';

const SUBSET = join(ROOT, 'test/fixtures/clinc-subset');
/** Long enough for an analysis on a busy machine (the SDK's default is 60 s). */
const TIMEOUT = { timeout: 600_000 };

interface Server {
  readonly client: Client;
  stderr: string;
}

async function start(root: string): Promise<Server> {
  const client = new Client({ name: 'synthgap-test', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], stderr: 'pipe' });
  const server = { client, stderr: '' };
  transport.stderr?.on('data', (chunk: Buffer) => (server.stderr += chunk.toString()));
  await client.connect(transport);
  return server;
}

async function call(server: Server, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = (await server.client.callTool({ name, arguments: args }, undefined, TIMEOUT)) as { isError?: boolean; content: { text: string }[] };
  const text = result.content.map((part) => part.text).join('');
  assert.notEqual(result.isError, true, text);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The result without its marker, to compare a kept analysis's answer with a fresh one's. */
function figures(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'analysis'));
}

describe('synthgap mcp keeps analyses', () => {
  let root: string;
  let server: Server;
  const files = { dataset: 'synthetic.jsonl', reference: 'real.jsonl' };

  before(async () => {
    root = tempDir('synthgap-mcp-cache-');
    copyFileSync(join(SUBSET, 'real.jsonl'), join(root, 'real.jsonl'));
    copyFileSync(join(SUBSET, 'synthetic.jsonl'), join(root, 'synthetic.jsonl'));
    server = await start(root);
  });
  after(async () => {
    await server?.client.close();
  });

  test('check then explain_row on the same files analyze once, and answer as a fresh server does', async () => {
    const checked = await call(server, 'check', files);
    assert.equal(checked.analysis, 'new');
    const top = (checked.datasets as { mostSyntheticRows: { line: number; score: number }[] }[])[0].mostSyntheticRows[0];
    const first = await call(server, 'explain_row', { ...files, line: top.line });
    assert.equal(first.analysis, 'reused');
    assert.equal(first.score, top.score);
    const again = await call(server, 'check', files);
    assert.equal(again.analysis, 'reused');
    assert.deepEqual(figures(again), figures(checked));
    assert.match(server.stderr, /synthgap mcp: reused the analysis of synthetic\.jsonl against real\.jsonl/);

    const fresh = await start(root);
    try {
      const freshRow = await call(fresh, 'explain_row', { ...files, line: top.line });
      assert.equal(freshRow.analysis, 'new');
      assert.deepEqual(figures(first), figures(freshRow));
      // The nearest real row comes from the kept scoring model: a second row asks it again.
      const next = (checked.datasets as { mostSyntheticRows: { line: number }[] }[])[0].mostSyntheticRows[1].line;
      assert.deepEqual(figures(await call(server, 'explain_row', { ...files, line: next })), figures(await call(fresh, 'explain_row', { ...files, line: next })));
    } finally {
      await fresh.client.close();
    }
  });

  test('an edited dataset is analyzed anew, even at the same size and modification time', async () => {
    const path = join(root, 'synthetic.jsonl');
    // A whole second, which every file system stores exactly, so the time put back below is the same to the nanosecond.
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(path, second, second);
    const before = await call(server, 'explain_row', { ...files, line: 3 });
    const lines = readFileSync(path, 'utf8').split('\n');
    const { text } = JSON.parse(lines[2]) as { text: string };
    assert.ok(lines[2].includes(JSON.stringify(text)), 'a line whose text has no escapes');
    // The same number of bytes, and the old modification time put back: only the content tells.
    const edited = [...text].reverse().join('');
    assert.notEqual(edited, text);
    const size = statSync(path).size;
    writeFileSync(path, [...lines.slice(0, 2), lines[2].replace(JSON.stringify(text), JSON.stringify(edited)), ...lines.slice(3)].join('\n'));
    utimesSync(path, second, second);
    assert.equal(statSync(path).size, size);
    assert.equal(statSync(path).mtimeMs, second * 1000);

    const after = await call(server, 'explain_row', { ...files, line: 3 });
    assert.equal(after.analysis, 'new');
    assert.equal(after.text, edited);
    assert.notEqual(after.text, before.text);
    assert.equal((await call(server, 'explain_row', { ...files, line: 3 })).analysis, 'reused');
  });

  test('a different seed or a changed synthgap.json makes a new analysis', async () => {
    assert.equal((await call(server, 'check', files)).analysis, 'reused');
    assert.equal((await call(server, 'check', { ...files, seed: 7 })).analysis, 'new');
    assert.equal((await call(server, 'check', { ...files, seed: 7 })).analysis, 'reused');
    writeFileSync(join(root, 'synthgap.json'), JSON.stringify({ folds: 3 }));
    assert.equal((await call(server, 'check', { ...files, seed: 7 })).analysis, 'new');
  });

  test('at most two analyses are kept: a third pushes out the least recently used', async () => {
    for (const seed of [11, 12]) assert.equal((await call(server, 'check', { ...files, seed })).analysis, 'new');
    assert.equal((await call(server, 'check', { ...files, seed: 11 })).analysis, 'reused');
    assert.equal((await call(server, 'check', { ...files, seed: 13 })).analysis, 'new');
    assert.equal((await call(server, 'check', { ...files, seed: 11 })).analysis, 'reused');
    assert.equal((await call(server, 'check', { ...files, seed: 12 })).analysis, 'new');
  });
});
