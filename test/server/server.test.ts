// The language server as the editor sees it: the built dist/server.js over IPC, a temp workspace with the
// examples, and the LSP messages VS Code would send.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { CLIENT_COMMANDS, DIAGNOSTIC_CODES, SERVER_COMMANDS, type RowDiagnosticData, type StatusParams } from '../../src/shared/protocol';
import { LspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');

function workspace(config: object | undefined): string {
  const folder = mkdtempSync(join(tmpdir(), 'synthgap-server-'));
  copyFileSync(join(EXAMPLES, 'real.jsonl'), join(folder, 'real.jsonl'));
  copyFileSync(join(EXAMPLES, 'synthetic.jsonl'), join(folder, 'synthetic.jsonl'));
  const synthetic = readFileSync(join(EXAMPLES, 'synthetic.jsonl'), 'utf8');
  // A file no one opens, 60,000 rows (5.6 MB): it is read from disk, analyzed, and its first analysis reports progress.
  writeFileSync(join(folder, 'large.jsonl'), synthetic.repeat(20));
  // The fourth line is not JSON.
  const lines = synthetic.split('\n').slice(0, 400);
  lines.splice(3, 0, '{"text": "broken, "label": "x"}');
  writeFileSync(join(folder, 'bad.jsonl'), `${lines.join('\n')}\n`);
  if (config) writeFileSync(join(folder, 'synthgap.json'), JSON.stringify(config));
  return folder;
}

const uriOf = (folder: string, name: string) => pathToFileURL(join(folder, name)).href;
const readyWith = (...uris: string[]) => (s: StatusParams) => s.state === 'ready' && uris.every((uri) => s.files.some((f) => f.uri === uri));
const rowDiagnostics = (items: Diagnostic[]) => items.filter((d) => d.code === DIAGNOSTIC_CODES.tooClean);
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server, trusted workspace', () => {
  let folder: string;
  let client: LspClient;
  let syntheticUri: string;
  let flagged: Diagnostic[];

  before(async () => {
    folder = workspace({ reference: 'real.jsonl' });
    syntheticUri = uriOf(folder, 'synthetic.jsonl');
    const started = Date.now();
    client = await LspClient.start({ folder });
    client.open(join(folder, 'synthetic.jsonl'));
    // The open file is analyzed first: its diagnostics are due as soon as the status lists it.
    await client.waitForStatus((s) => s.files.some((f) => f.uri === syntheticUri));
    const first = rowDiagnostics(await client.diagnostics(syntheticUri));
    console.error(`time to first diagnostics on the open file: ${Date.now() - started} ms (${first.length} diagnostics)`);
    await client.waitForStatus(readyWith(syntheticUri, uriOf(folder, 'large.jsonl'), uriOf(folder, 'bad.jsonl')));
    console.error(`time to ready (3 files, 63,400 rows): ${Date.now() - started} ms`);
    flagged = rowDiagnostics(await client.diagnostics(syntheticUri));
  });

  after(() => client.stop());

  test('flagged rows get a diagnostic inside the text value, with words, a code and the fix payload', () => {
    const doc = client.document(syntheticUri);
    const lines = doc.getText().split('\n');
    assert.ok(flagged.length > 50 && flagged.length <= 500, `${flagged.length} diagnostics`);
    for (const d of flagged) {
      const data = d.data as RowDiagnosticData;
      assert.equal(d.source, 'synthgap');
      assert.equal(d.range.start.line, data.line - 1);
      assert.equal(d.codeDescription?.href, 'https://github.com/synthgap/synthgap#diagnostic-too-clean');
      const line = lines[data.line - 1];
      assert.equal(line[d.range.start.character - 1], '"');
      assert.equal(line[d.range.end.character], '"');
      const value = JSON.parse(`"${line.slice(d.range.start.character, d.range.end.character)}"`) as string;
      assert.equal(value, (JSON.parse(line) as { text: string }).text);
      assert.match(messageOf(d), /^(Reads (like LLM writing|unlike the real rows): .+|Looks synthetic: .+)\.$/);
      assert.match(data.hash, /^[0-9a-f]{16}$/);
    }
    assert.ok(flagged.some((d) => messageOf(d).includes('real rows')));
    const scores = flagged.map((d) => (d.data as RowDiagnosticData).score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'most synthetic-looking first');
  });

  test('bad input is an error on its line, and unopened files are analyzed from disk', async () => {
    const report = await client.request<{ items: WorkspaceDocumentDiagnosticReport[] }>('workspace/diagnostic', { previousResultIds: [] });
    const bad = report.items.find((r) => r.uri === uriOf(folder, 'bad.jsonl'));
    assert.ok(bad && bad.kind === 'full');
    const errors = bad.items.filter((d) => d.code === DIAGNOSTIC_CODES.badInput);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].range.start.line, 3);
    assert.equal(errors[0].severity, 1);
    const large = report.items.find((r) => r.uri === uriOf(folder, 'large.jsonl'));
    assert.ok(large && large.kind === 'full' && rowDiagnostics(large.items).length > 0);
    const status = client.statuses.at(-1);
    assert.equal(status?.files.find((f) => f.uri === uriOf(folder, 'large.jsonl'))?.rows, 60_000);
    assert.deepEqual([client.progress[0]?.kind, client.progress.at(-1)?.kind], ['begin', 'end'], 'work-done progress for the big file');
    const again = await client.request<{ items: WorkspaceDocumentDiagnosticReport[] }>('workspace/diagnostic', {
      previousResultIds: report.items.map((r) => ({ uri: r.uri, value: r.resultId })),
    });
    assert.ok(again.items.every((r) => r.kind === 'unchanged'), 'unchanged files cost nothing');
  });

  test('the hover gives the score, the percentile, the reasons and the nearest real row', async () => {
    const d = flagged.find((x) => messageOf(x).startsWith('Reads ')) ?? flagged[0];
    const text = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: syntheticUri }, position: d.range.start }));
    assert.match(text, /score [<>]?\d\.\d\d, higher than (over )?\d+(\.\d)?% of real rows/);
    assert.match(text, /Nearest real row \(real\.jsonl:\d+, similarity/);
    // The hover opens its reasons with the same words as the diagnostic.
    const headline = /^(Reads [^:]+):/.exec(messageOf(d))?.[1];
    if (headline) assert.ok(text.includes(`${headline}:\n- `), text);
  });

  test('the code lens sums up the file', async () => {
    const lenses = await client.request<{ command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: syntheticUri } });
    const title = lenses[0].command.title;
    assert.match(title, /^Synthgap: [\d,]+ of 3,000 rows look synthetic · AUC [<>]?\d\.\d\d \[[<>]?\d\.\d\d(–[<>]?\d\.\d\d)?\] · Open report$/);
    const flaggedCount = Number(/([\d,]+) of/.exec(title)?.[1].replaceAll(',', ''));
    // Over synthgap.maxDiagnostics (500) flagged rows, a second lens says what the squiggles leave out.
    assert.deepEqual(lenses.slice(1).map((l) => l.command.title), flaggedCount > 500 ? [`500 most synthetic-looking rows underlined; all ${flaggedCount.toLocaleString('en-US')} in the report`] : []);
    assert.ok(lenses.every((l) => l.command.command === CLIENT_COMMANDS.openReport));
  });

  test('"Roughen this example" edits only the text value, and the row then scores lower', async () => {
    const d = flagged[0];
    const data = d.data as RowDiagnosticData;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: syntheticUri }, range: d.range, context: { diagnostics: [d] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore this row') && titles.includes('Roughen all flagged rows in this file') && titles.includes('Open gap report'), titles.join(' | '));
    const roughen = actions.find((a) => a.isPreferred);
    assert.ok(roughen?.edit?.changes, titles.join(' | '));
    assert.match(roughen.title, /^Roughen this example: \S/);
    const before = client.document(syntheticUri).getText().split('\n');
    client.edit(syntheticUri, roughen.edit.changes[syntheticUri]);
    const afterLines = client.document(syntheticUri).getText().split('\n');
    assert.equal(afterLines.length, before.length);
    afterLines.forEach((line, i) => {
      if (line === '') return;
      const row = JSON.parse(line) as { text: string; label: string };
      assert.equal(row.label, (JSON.parse(before[i]) as { label: string }).label);
      if (i !== data.line - 1) assert.equal(line, before[i]);
    });
    assert.notEqual(afterLines[data.line - 1], before[data.line - 1]);
    const now = rowDiagnostics(await client.diagnostics(syntheticUri)).find((x) => (x.data as RowDiagnosticData).line === data.line);
    if (now) assert.ok((now.data as RowDiagnosticData).score < data.score, `${(now.data as RowDiagnosticData).score} < ${data.score}`);
    const hover = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: syntheticUri }, position: d.range.start }));
    const score = Number(/score [<>]?(\d\.\d\d)/.exec(hover)?.[1]);
    console.error(`roughened line ${data.line}: score ${data.score} before, about ${score} after; ${roughen.title}`);
    assert.ok(score <= Number(data.score.toFixed(2)), `${score} after, ${data.score} before`);
  });

  test('"Ignore this row" adds its hash to synthgap.json, and the diagnostic goes', async () => {
    const current = rowDiagnostics(await client.diagnostics(syntheticUri));
    const d = current[1];
    const data = d.data as RowDiagnosticData;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.ignoreRow, arguments: [syntheticUri, data.line] });
    assert.equal(result.applied, true);
    const config = JSON.parse(readFileSync(join(folder, 'synthgap.json'), 'utf8')) as { reference: string; ignore: { hash: string; text: string }[] };
    assert.equal(config.reference, 'real.jsonl');
    // The hash, and the start of the row's text so a person can read the list.
    const line = client.document(syntheticUri).getText().split('\n')[data.line - 1];
    const text = (JSON.parse(line) as { text: string }).text;
    assert.deepEqual(config.ignore, [{ hash: data.hash, text: text.length > 80 ? `${text.slice(0, 79)}…` : text }]);
    const again = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: SERVER_COMMANDS.ignoreRow, arguments: [syntheticUri, data.line] });
    assert.deepEqual([again.applied, again.message], [false, 'This row is already ignored.']);
    const flaggedBefore = client.statuses.at(-1)?.files.find((f) => f.uri === syntheticUri)?.flagged ?? 0;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder, 'synthgap.json'), type: 2 }] });
    // The server applies the new ignore list, then asks the client to pull diagnostics again (a refresh).
    await client.waitForStatus((s) => s.files.some((f) => f.uri === syntheticUri && f.flagged < flaggedBefore));
    const later = rowDiagnostics(await client.diagnostics(syntheticUri));
    assert.ok(!later.some((x) => (x.data as RowDiagnosticData).hash === data.hash));
  });

  test('"Roughen all flagged rows" is one edit, and so large a change retrains the detector in the background', async () => {
    const before = client.statuses.at(-1)?.files.find((f) => f.uri === syntheticUri);
    const from = client.statuses.length;
    const result = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: SERVER_COMMANDS.roughenAll, arguments: [syntheticUri] });
    assert.equal(result.applied, true);
    // Says what it did: how many of the flagged rows changed, and how.
    assert.match(result.message, /^Roughened [\d,]+ of [\d,]+ flagged rows in synthetic\.jsonl: [a-z ,]*lower-case[a-z\d ,]*$/);
    const text = client.document(syntheticUri).getText();
    for (const line of text.split('\n')) if (line) JSON.parse(line);
    await client.diagnostics(syntheticUri);
    await client.waitForStatus((s) => s.state === 'analyzing', 60_000, from);
    const after = (await client.waitForStatus(readyWith(syntheticUri), 120_000, client.statuses.length)).files.find((f) => f.uri === syntheticUri);
    console.error(`after roughening all and retraining: ${after?.flagged} of ${after?.rows} flagged (before ${before?.flagged}), AUC ${after?.auc.toFixed(2)}`);
    assert.ok(before && after && after.flagged < before.flagged, `${after?.flagged} flagged after, ${before?.flagged} before`);
  });

  test('an unopened file changed on disk is analyzed again', async () => {
    const large = uriOf(folder, 'large.jsonl');
    const lines = readFileSync(join(folder, 'large.jsonl'), 'utf8').split('\n').slice(0, 2000);
    writeFileSync(join(folder, 'large.jsonl'), `${lines.join('\n')}\n`);
    const from = client.statuses.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: large, type: 2 }] });
    await client.waitForStatus((s) => s.state === 'ready' && s.files.some((f) => f.uri === large && f.rows === 2000), 60_000, from);
  });

  test('the server never writes to stdout, and logged no error', () => {
    assert.equal(client.stdout, '');
    assert.deepEqual(client.errors, []);
  });
});

describe('language server, restricted mode and limits', () => {
  let folder: string;
  let client: LspClient;

  before(async () => {
    folder = workspace({ reference: 'real.jsonl' });
    client = await LspClient.start({ folder, trusted: false, settings: { maxFileSizeMB: 0.5 } });
    client.open(join(folder, 'synthetic.jsonl'));
  });

  after(() => client.stop());

  test('no fix that writes is offered, and a file over the size limit is skipped and said so', async () => {
    const uri = uriOf(folder, 'synthetic.jsonl');
    const status = await client.waitForStatus(readyWith(uri, uriOf(folder, 'large.jsonl')));
    assert.match(status.files.find((f) => f.uri === uriOf(folder, 'large.jsonl'))?.limited ?? '', /maxFileSizeMB/);
    const d = rowDiagnostics(await client.diagnostics(uri))[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => a.title), ['Open gap report']);
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.ignoreRow, arguments: [uri, (d.data as RowDiagnosticData).line] });
    assert.equal(result.applied, false);
    assert.equal(readFileSync(join(folder, 'synthgap.json'), 'utf8'), '{"reference":"real.jsonl"}');
  });
});

describe('language server without a reference', () => {
  test('reports no-reference', async () => {
    const client = await LspClient.start({ folder: workspace(undefined) });
    try {
      const status = await client.waitForStatus((s) => s.state === 'no-reference');
      assert.match(status.message ?? '', /reference/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server on a CSV file', () => {
  test('ranges sit inside a quoted cell, and roughening keeps the file valid CSV with labels unchanged', async () => {
    const folder = workspace({ reference: 'real.jsonl' });
    const rows = readFileSync(join(EXAMPLES, 'synthetic.jsonl'), 'utf8').trim().split('\n').slice(0, 1000).map((line) => JSON.parse(line) as { text: string; label: string });
    const cell = (text: string, i: number) => (/[",\n]/.test(text) || i % 3 === 0 ? `"${text.replaceAll('"', '""')}"` : text);
    writeFileSync(join(folder, 'synthetic.csv'), `label,text\n${rows.map((r, i) => `${r.label},${cell(r.text, i)}`).join('\n')}\n`);
    const uri = uriOf(folder, 'synthetic.csv');
    const client = await LspClient.start({ folder, settings: { include: ['**/*.csv'] } });
    try {
      client.open(join(folder, 'synthetic.csv'));
      await client.waitForStatus(readyWith(uri));
      const flaggedRows = rowDiagnostics(await client.diagnostics(uri));
      assert.ok(flaggedRows.length > 10);
      const lines = client.document(uri).getText().split('\n');
      const quoted = flaggedRows.find((d) => lines[d.range.start.line][d.range.start.character - 1] === '"');
      assert.ok(quoted, 'a quoted cell is flagged');
      const line = lines[quoted.range.start.line];
      assert.equal(line[quoted.range.end.character], '"');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: quoted.range, context: { diagnostics: [quoted] } });
      const roughen = actions.find((a) => a.isPreferred);
      assert.ok(roughen?.edit?.changes);
      client.edit(uri, roughen.edit.changes[uri]);
      const after = client.document(uri).getText().split('\n');
      const edited = after[quoted.range.start.line];
      assert.ok(edited.startsWith(`${rows[quoted.range.start.line - 1].label},"`) && edited.endsWith('"'), edited);
      after.forEach((text, i) => i !== quoted.range.start.line && assert.equal(text, lines[i]));
    } finally {
      await client.stop();
    }
  });
});

describe('language server with the reference from the settings', () => {
  test('uses synthgap.reference, and "Ignore this row" creates synthgap.json', async () => {
    const folder = workspace(undefined);
    const uri = uriOf(folder, 'bad.jsonl');
    const client = await LspClient.start({ folder, settings: { reference: 'real.jsonl', include: ['bad.jsonl'] } });
    try {
      const status = await client.waitForStatus(readyWith(uri));
      assert.equal(status.reference, 'real.jsonl');
      assert.deepEqual(status.files.map((f) => f.uri), [uri], 'only what synthgap.include names');
      client.open(join(folder, 'bad.jsonl'));
      const d = rowDiagnostics(await client.diagnostics(uri))[0];
      const data = d.data as RowDiagnosticData;
      const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: SERVER_COMMANDS.ignoreRow, arguments: [uri, data.line] });
      assert.equal(result.applied, true);
      const config = JSON.parse(readFileSync(join(folder, 'synthgap.json'), 'utf8')) as { ignore: { hash: string; text: string }[] };
      assert.deepEqual(config.ignore.map((row) => row.hash), [data.hash]);
      assert.ok(config.ignore[0].text.length > 0 && config.ignore[0].text.length <= 80, config.ignore[0].text);
    } finally {
      await client.stop();
    }
  });
});
