// One truth in every view: the built server over LSP and the built CLI on the same files and seed. The status
// bar's count, the CodeLens, the diagnostics, the panel snapshot and `synthgap check` must agree after open,
// edit, undo, ignore, save and restore.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver/node';

import { DIAGNOSTIC_CODES, type FileSummary, panelSnapshotRequest, type RowDiagnosticData, SERVER_COMMANDS, type StatusParams } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
/** Few enough squiggles that the views must say what they leave out. */
const MAX_DIAGNOSTICS = 25;

interface Views {
  readonly status: number;
  readonly lens: string[];
  readonly diagnostics: number;
  readonly panel: number;
}

describe('every view counts the same flagged rows', () => {
  let folder: string;
  let client: LspClient;
  let uri: string;
  let original: string;

  /** `synthgap check` on the file as it is on disk, in the folder (so synthgap.json's ignore list applies). */
  const cliFlagged = (): number => {
    const out = execFileSync(process.execPath, [CLI, 'check', 'synthetic.jsonl', '--format', 'json', '--embedder', 'hashed'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return (JSON.parse(out) as { datasets: { summary: { flagged: number } }[] }).datasets[0].summary.flagged;
  };

  const summary = (): FileSummary | undefined => client.statuses.at(-1)?.files.find((f) => f.uri === uri);

  /** Every view's count, once the server has nothing pending (diagnostics first: they wait out the debounce). */
  const views = async (): Promise<Views> => {
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === DIAGNOSTIC_CODES.tooClean);
    await client.waitForStatus((s) => s.state === 'ready', 120_000, client.statuses.length - 1);
    const lenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    const panel = await client.send(panelSnapshotRequest, { uri });
    return { status: summary()?.flagged ?? -1, lens: lenses.map((l) => l.command.title), diagnostics: diagnostics.length, panel: panel.snapshot?.summary.flagged ?? -1 };
  };

  const lensCount = (v: Views): number => Number(/Synthgap: ([\d,]+) of/.exec(v.lens[0])?.[1].replaceAll(',', '') ?? NaN);

  const assertAgree = (v: Views, expected: number, what: string) => {
    assert.equal(v.status, expected, `${what}: status bar`);
    assert.equal(lensCount(v), expected, `${what}: CodeLens ${v.lens[0]}`);
    assert.equal(v.panel, expected, `${what}: panel`);
    assert.equal(v.diagnostics, Math.min(expected, MAX_DIAGNOSTICS), `${what}: squiggles`);
    if (expected > MAX_DIAGNOSTICS) {
      const said = `${MAX_DIAGNOSTICS} most synthetic-looking rows underlined; all ${expected.toLocaleString('en-US')} in the report`;
      assert.ok(v.lens.includes(said), `${what}: the CodeLens says what the squiggles leave out: ${v.lens.join(' | ')}`);
      assert.equal(summary()?.leftOut, said, `${what}: the status says it too`);
    }
  };

  /** Replaces the whole text of the open document, as an undo or a paste of the file would. */
  const setText = (text: string) => {
    const doc = client.document(uri);
    const edit: TextEdit = { range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text };
    client.edit(uri, [edit]);
  };

  /** Writes the open document to disk and tells the server, as a save does; resolves when it analyzed again. */
  const save = async () => {
    const from = client.statuses.length;
    writeFileSync(join(folder, 'synthetic.jsonl'), client.document(uri).getText());
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.waitForStatus((s: StatusParams) => s.state === 'analyzing', 60_000, from);
    await client.waitForStatus((s: StatusParams) => s.state === 'ready', 120_000, client.statuses.length - 1);
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'synthgap-counts-'));
    copyFileSync(join(ROOT, 'examples/real.jsonl'), join(folder, 'real.jsonl'));
    // Duplicate rows score differently out of fold: the editor must give each its own score, as the report does.
    const lines = readFileSync(join(ROOT, 'examples/synthetic.jsonl'), 'utf8').trim().split('\n');
    original = `${[...lines, ...lines.slice(0, 300)].join('\n')}\n`;
    writeFileSync(join(folder, 'synthetic.jsonl'), original);
    writeFileSync(join(folder, 'synthgap.json'), `${JSON.stringify({ reference: 'real.jsonl' }, null, 2)}\n`);
    uri = pathToFileURL(join(folder, 'synthetic.jsonl')).href;
    client = await LspClient.start({ folder, settings: { maxDiagnostics: MAX_DIAGNOSTICS, embedding: { model: 'hashed' } } });
    client.open(join(folder, 'synthetic.jsonl'));
    await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000);
  });

  after(() => client.stop());

  test('open, edit, undo, ignore, save and restore', async () => {
    const cli = cliFlagged();
    assert.ok(cli > MAX_DIAGNOSTICS, `${cli} flagged by the CLI`);
    assertAgree(await views(), cli, 'after open');

    // An edit: one flagged row becomes a real row's text. The views agree with each other.
    const flagged = (await client.diagnostics(uri)).filter((d) => d.code === DIAGNOSTIC_CODES.tooClean);
    const target = flagged[0];
    const realText = (JSON.parse(readFileSync(join(folder, 'real.jsonl'), 'utf8').split('\n')[0]) as { text: string }).text;
    client.edit(uri, [{ range: target.range, newText: JSON.stringify(realText).slice(1, -1) }]);
    const edited = await views();
    assertAgree(edited, edited.status, 'after an edit');
    assert.ok(edited.status < cli, `the edited row is no longer flagged: ${edited.status} of ${cli}`);

    // Undo: the analyzed text is back, and so are the analysis's scores, duplicates included.
    setText(original);
    assertAgree(await views(), cli, 'after undo');

    // Ignore a row: one undoable edit of synthgap.json; the count drops by one in every view at once, and the
    // CLI (which reads the same synthgap.json) agrees.
    // A row whose text is in the file once (lines 1-300 have copies at the end; ignore goes by content).
    const beforeIgnore = client.statuses.length;
    const ignored = flagged.find((d) => d !== target && (d.data as RowDiagnosticData).line > 300 && (d.data as RowDiagnosticData).line <= 3000);
    assert.ok(ignored);
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.ignoreRow, arguments: [uri, (ignored.data as RowDiagnosticData).line] });
    assert.equal(result.applied, true);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, 'synthgap.json')).href, type: 2 }] });
    await client.waitForStatus((s) => s.files.some((f) => f.uri === uri && f.flagged === cli - 1), 120_000, beforeIgnore);
    const afterIgnore = await views();
    assert.equal(afterIgnore.status, cli - 1, 'ignore changes the count');
    assert.equal(cliFlagged(), cli - 1, 'the CLI reads the same ignore list');
    assertAgree(afterIgnore, cli - 1, 'after ignore');

    // Save an edit: the model learns the saved rows, and the CodeLens says what changed.
    client.edit(uri, [{ range: target.range, newText: JSON.stringify(realText).slice(1, -1) }]);
    await views();
    await save();
    const saved = await views();
    const savedCli = cliFlagged();
    assertAgree(saved, savedCli, 'after save');
    const change = saved.lens.find((title) => title.startsWith('re-scored after save: '));
    assert.ok(change, saved.lens.join(' | '));
    const before = afterIgnore.status - 1;
    const was = before === savedCli ? 'as before' : `was ${before.toLocaleString('en-US')}`;
    assert.equal(change, `re-scored after save: ${savedCli.toLocaleString('en-US')} flagged, ${was}`);
    assert.equal(summary()?.change, change);

    // Restore the original and save: the same count as the CLI on the original, with the ignore list.
    setText(original);
    await views();
    await save();
    assertAgree(await views(), cli - 1, 'after restore');
    assert.deepEqual(client.errors, []);
  });
});
