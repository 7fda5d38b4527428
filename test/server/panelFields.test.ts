// The report panel's requests on a chat file read field by field, against the built server (dist/server.js): the
// snapshot's By field data, rows filtered to one role with that turn's text, and the Markdown's By field table.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { RowsQuery } from '../../src/shared/panel';
import { panelMarkdownRequest, panelRowsRequest, panelSnapshotRequest } from '../../src/shared/protocol';
import type { StatusParams } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const FINETUNE = resolve(__dirname, '../fixtures/finetune');

describe('report panel requests on a chat file', () => {
  let client: LspClient;
  let uri: string;

  before(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'synthgap-panel-fields-'));
    copyFileSync(join(FINETUNE, 'openai-chat.real.jsonl'), join(folder, 'real.jsonl'));
    copyFileSync(join(FINETUNE, 'openai-chat.synthetic.jsonl'), join(folder, 'chat.jsonl'));
    writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
    uri = pathToFileURL(join(folder, 'chat.jsonl')).href;
    client = await LspClient.start({ folder, settings: {} });
    client.open(join(folder, 'chat.jsonl'));
    await client.waitForStatus((s: StatusParams) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000);
  });

  after(() => client.stop());

  test('the snapshot names the schema and compares each role; a page of one role shows that turn\'s text', async () => {
    const { snapshot } = await client.send(panelSnapshotRequest, { uri });
    assert.ok(snapshot);
    assert.match(snapshot.schema ?? '', /^Read as OpenAI chat messages: system, user, assistant; /);
    assert.deepEqual(snapshot.fields?.map((f) => f.field), ['system', 'user', 'assistant']);
    assert.ok(snapshot.rows.rows.filter((row) => row.flagged).every((row) => row.field !== undefined), 'every flagged row names its field');
    const query: RowsQuery = { offset: 0, limit: 1000, sort: 'line', descending: false, flaggedOnly: false, field: 'assistant' };
    const page = await client.send(panelRowsRequest, { uri, query });
    assert.ok(page && page.total > 0);
    const lines = client.document(uri).getText().split('\n');
    for (const row of page.rows) {
      assert.equal(row.field, 'assistant');
      assert.ok(row.turn !== undefined);
      const message = (JSON.parse(lines[row.line - 1]) as { messages: { role: string; content: string }[] }).messages[row.turn];
      assert.equal(message.role, 'assistant', `line ${row.line}, message ${row.turn + 1}`);
      assert.equal(row.text, message.content);
    }
    const all = await client.send(panelRowsRequest, { uri, query: { ...query, field: undefined } });
    const users = await client.send(panelRowsRequest, { uri, query: { ...query, field: 'user' } });
    assert.ok(all && users);
    assert.equal(all.total, 60);
    assert.equal(page.total + users.total + all.rows.filter((row) => row.field !== 'assistant' && row.field !== 'user').length, 60, 'each row under one field, or none');
  });

  test('Markdown of the report has the By field table', async () => {
    const { markdown } = await client.send(panelMarkdownRequest, { uri });
    assert.ok(markdown);
    assert.ok(markdown.includes('### By field'));
    assert.match(markdown, /\| \*\*assistant\*\* \| Large gap \| /);
  });
});
