// Folders added to and removed from a running workspace (`workspace/didChangeWorkspaceFolders`): the new folder's
// datasets are checked against its own reference, and the removed folder's files leave the status.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');

function folderWith(root: string, name: string): { folder: string; uri: string } {
  const folder = join(root, name);
  mkdirSync(folder);
  const lines = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean).slice(0, 300);
  writeFileSync(join(folder, 'real.jsonl'), `${lines('real.jsonl').join('\n')}\n`);
  writeFileSync(join(folder, 'synthetic.jsonl'), `${lines('synthetic.jsonl').join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
  return { folder, uri: pathToFileURL(join(folder, 'synthetic.jsonl')).href };
}

test('a folder added to the workspace is checked, and a removed one leaves the status', async () => {
  const root = mkdtempSync(join(tmpdir(), 'synthgap-folders-'));
  const first = folderWith(root, 'first');
  const second = folderWith(root, 'second');
  const client = await LspClient.start({ folder: first.folder, settings: { 'embedding.model': 'hashed' } });
  try {
    await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === first.uri), 120_000);
    const from = client.statuses.length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(second.folder).href, name: 'second' }], removed: [{ uri: pathToFileURL(first.folder).href, name: 'test' }] },
    });
    const status = await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === second.uri), 120_000, from);
    assert.deepEqual(status.files.map((f) => f.uri), [second.uri]);
    assert.ok(status.files[0].flagged > 0);
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
