// Fixes that match the diagnosis, over LSP against the built server: where roughening changes nothing on a
// flagged row, the quick-fix menu says so and offers the generation prompt of the row's label; "Roughen all"
// can say beforehand how many rows it changes; the prompts come back as Markdown.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { CLIENT_COMMANDS, DIAGNOSTIC_CODES, promptsRequest, roughenPreviewRequest, type RowDiagnosticData } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');

describe('fixes that match the diagnosis', () => {
  let client: LspClient;
  let folder: string;
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'synthgap-fixes-'));
    // Roles swapped: the "reference" is the formal, punctuated text and the checked file the lower-case crowd
    // text, so the flagged rows differ by what roughening cannot add back (capitals, punctuation, wording).
    copyFileSync(join(EXAMPLES, 'synthetic.jsonl'), join(folder, 'formal.jsonl'));
    copyFileSync(join(EXAMPLES, 'real.jsonl'), join(folder, 'crowd.jsonl'));
    writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: 'formal.jsonl' }));
    client = await LspClient.start({ folder, settings: { embedding: { model: 'hashed' } } });
    client.open(join(folder, 'crowd.jsonl'));
    await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri('crowd.jsonl')), 120_000);
  });

  after(() => client.stop());

  test('a flagged row roughening cannot change offers the generation prompt of its label, not a fix that does nothing', async () => {
    const flagged = (await client.diagnostics(uri('crowd.jsonl'))).filter((d) => d.code === DIAGNOSTIC_CODES.tooClean);
    assert.ok(flagged.length > 0, 'no flagged row');
    let seen: { diagnostic: Diagnostic; actions: CodeAction[] } | undefined;
    for (const diagnostic of flagged.slice(0, 20)) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('crowd.jsonl') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      if (actions.some((a) => a.title.startsWith('No automatic fix'))) {
        seen = { diagnostic, actions };
        break;
      }
    }
    assert.ok(seen, 'no flagged row without an automatic fix among the first 20');
    const titles = seen.actions.map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Roughen this example')), titles.join(' | '));
    const entry = seen.actions.find((a) => a.title.startsWith('No automatic fix'));
    const line = (seen.diagnostic.data as RowDiagnosticData).line;
    const label = (JSON.parse(readFileSync(join(folder, 'crowd.jsonl'), 'utf8').split('\n')[line - 1]) as { label: string }).label;
    assert.equal(entry?.title, `No automatic fix: roughening changes nothing here (the difference is wording or content); show the generation prompt for "${label}"`);
    assert.deepEqual(entry?.command && [entry.command.command, entry.command.arguments], [CLIENT_COMMANDS.showPrompts, [uri('crowd.jsonl'), label]]);

    // What the entry opens: that label's prompt, quoting only its real rows.
    const prompts = await client.send(promptsRequest, { uri: uri('crowd.jsonl'), label });
    assert.ok(prompts.markdown, prompts.reason);
    assert.match(prompts.markdown, new RegExp(label));
    // Real rows are quoted as `formal.jsonl:12`, as the CLI quotes them, not by a full path.
    assert.match(prompts.markdown, /\(formal\.jsonl:\d+\)/);
    assert.doesNotMatch(prompts.markdown, new RegExp(folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const unknown = await client.send(promptsRequest, { uri: uri('crowd.jsonl'), label: 'no_such_label' });
    assert.deepEqual(unknown, { markdown: null, reason: 'No real row has the label "no_such_label".' });
  });

  test('"Roughen all" can say beforehand how many flagged rows it changes, and how', async () => {
    const status = client.statuses.at(-1);
    const crowd = await client.send(roughenPreviewRequest, { uri: uri('crowd.jsonl') });
    assert.equal(crowd.flagged, status?.files.find((f) => f.uri === uri('crowd.jsonl'))?.flagged);
    assert.ok(crowd.changed < crowd.flagged, `${crowd.changed} of ${crowd.flagged} change`);
    console.error(`roughen preview: ${crowd.changed} of ${crowd.flagged} flagged rows change (${crowd.changes || 'nothing'})`);
    assert.deepEqual(client.errors, []);
  });
});
