// `synthgap mcp` as an agent uses it: the built bin started as a subprocess, spoken to over stdio with the official
// SDK's client, on real files in a temporary workspace root.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, ROOT, synthgap, tempDir } from '../support/cli';

const SUBSET = join(ROOT, 'test/fixtures/clinc-subset');
/** Long enough for the 50,000-row check on a busy machine (the SDK's default is 60 s). */
const TIMEOUT = { timeout: 600_000 };
/** The size every result stays under (src/node/tools/bounds.ts MAX_RESULT_CHARS). */
const MAX_RESULT_CHARS = 32_000;

/** The part of check's result these tests read. */
interface CheckedDataset {
  readonly file: string;
  readonly verdict: string;
  readonly auc: { readonly value: number; readonly low: number; readonly high: number };
  readonly flaggedRows: number;
  readonly rows: number;
  readonly gaps: { readonly sentence: string }[];
  readonly phrases: { readonly overusedInSynthetic: unknown[] };
  readonly mostSyntheticRows: { readonly line: number; readonly score: number; readonly text: string }[];
}

interface Called {
  readonly isError: boolean;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

describe('synthgap mcp', () => {
  let root: string;
  let client: Client;
  let stderr = '';

  before(async () => {
    root = tempDir('synthgap-mcp-');
    copyFileSync(join(SUBSET, 'real.jsonl'), join(root, 'real.jsonl'));
    copyFileSync(join(SUBSET, 'synthetic.jsonl'), join(root, 'synthetic.jsonl'));
    client = new Client({ name: 'synthgap-test', version: '1.0.0' });
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
  });

  async function call(name: string, args: Record<string, unknown>): Promise<Called> {
    const result = (await client.callTool({ name, arguments: args }, undefined, TIMEOUT)) as { isError?: boolean; content: { type: string; text: string }[] };
    const text = result.content.map((part) => part.text).join('');
    assert.ok(text.length < MAX_RESULT_CHARS, `${name}: ${text.length} characters`);
    return { isError: result.isError === true, text, json: result.isError ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  /** A failed call is one line naming what is wrong, and the server answers the next request. */
  async function failsWith(name: string, args: Record<string, unknown>, pattern: RegExp): Promise<void> {
    const result = await call(name, args);
    assert.equal(result.isError, true, result.text);
    assert.match(result.text, pattern);
    assert.ok(!result.text.includes('\n'), `one line: ${result.text}`);
    assert.ok(!/\bat .*\.js:\d+/.test(result.text), 'no stack trace');
    const { tools } = await client.listTools();
    assert.equal(tools.length, 6, 'the server still answers');
  }

  test('initialize names the server; tools/list has the six tools, each with a description and an input schema', async () => {
    assert.equal(client.getServerVersion()?.name, 'synthgap');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['check', 'explain_row', 'probe', 'prompts', 'roughen', 'select']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object');
      assert.ok(tool.inputSchema.properties && 'reference' in tool.inputSchema.properties, tool.name);
      assert.ok((tool.description ?? '').length > 80, tool.name);
    }
    assert.equal(tools.find((tool) => tool.name === 'roughen')?.annotations?.readOnlyHint, false);
    assert.equal(tools.find((tool) => tool.name === 'check')?.annotations?.readOnlyHint, true);
  });

  test('check returns the verdict and the AUC with its interval that `synthgap check` reports, and the gaps in words', async () => {
    const { json, isError, text } = await call('check', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' });
    assert.equal(isError, false, text);
    const cli = synthgap(['check', 'synthetic.jsonl', '--reference', 'real.jsonl', '--format', 'json', '--quiet'], root);
    assert.equal(cli.code, 0, cli.stderr);
    const expected = (JSON.parse(cli.stdout) as { datasets: { summary: { verdict: string; auc: number; aucLow: number; aucHigh: number; flagged: number } }[] }).datasets[0].summary;
    const [dataset] = json.datasets as CheckedDataset[];
    assert.equal(dataset.file, 'synthetic.jsonl');
    assert.equal(dataset.verdict, expected.verdict);
    assert.equal(dataset.auc.value, Math.round(expected.auc * 1000) / 1000);
    assert.ok(dataset.auc.low <= dataset.auc.value && dataset.auc.value <= dataset.auc.high);
    assert.equal(dataset.flaggedRows, expected.flagged);
    assert.equal(dataset.rows, 360);
    assert.ok(dataset.gaps.length > 0 && dataset.gaps.length <= 5 && dataset.gaps.every((gap) => gap.sentence.length > 10));
    assert.ok(Array.isArray(dataset.phrases.overusedInSynthetic));
    assert.ok(dataset.mostSyntheticRows.length > 0 && dataset.mostSyntheticRows.length <= 5);
    const lines = readFileSync(join(root, 'synthetic.jsonl'), 'utf8').split('\n');
    for (const row of dataset.mostSyntheticRows) assert.ok(lines[row.line - 1].includes(row.text.slice(0, 20)), `line ${row.line} holds ${row.text}`);
  });

  test('explain_row gives a flagged row\'s score, percentile among real rows, reasons and nearest real row', async () => {
    const checked = await call('check', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' });
    const top = (checked.json.datasets as CheckedDataset[])[0].mostSyntheticRows[0];
    const { json, isError, text } = await call('explain_row', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', line: top.line });
    assert.equal(isError, false, text);
    assert.equal(json.line, top.line);
    assert.equal(json.score, top.score);
    assert.equal(json.flagged, true);
    assert.ok((json.percentileAmongRealRows as number) > 0.9, String(json.percentileAmongRealRows));
    assert.ok((json.reasons as string[]).length > 0);
    const nearest = json.nearestRealRow as { file: string; line: number; text: string; similarity: number };
    assert.equal(nearest.file, 'real.jsonl');
    const realLine = readFileSync(join(root, 'real.jsonl'), 'utf8').split('\n')[nearest.line - 1];
    assert.equal((JSON.parse(realLine) as { text: string }).text, nearest.text);
    await failsWith('explain_row', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', line: 100000 }, /^synthetic\.jsonl:100000: no row starts on this line/);
    await failsWith('explain_row', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' }, /"line"|line/);
  });

  test('roughen refuses to run without an output path, and with one writes it and returns the changed lines', async () => {
    await failsWith('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' }, /output/);
    assert.ok(!existsSync(join(root, 'synthetic.roughened.jsonl')));
    const before = readFileSync(join(root, 'synthetic.jsonl'), 'utf8');
    // The output's folder must exist: the tool does not create folders.
    await failsWith('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: 'out/rough.jsonl' }, /no such folder/);
    await failsWith('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: 'synthetic.jsonl' }, /is the dataset itself/);
    const done = await call('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: 'rough.jsonl' });
    assert.equal(done.isError, false, done.text);
    assert.equal(readFileSync(join(root, 'synthetic.jsonl'), 'utf8'), before, 'the input is untouched');
    const written = readFileSync(join(root, 'rough.jsonl'), 'utf8').split('\n');
    assert.equal(done.json.wrote, 'rough.jsonl');
    assert.ok((done.json.rowsChanged as number) > 0);
    const changed = done.json.changedLines as { line: number; before: string; after: string }[];
    assert.ok(changed.length > 0 && changed.length <= 10);
    for (const change of changed) assert.equal(written[change.line - 1].slice(0, 40), change.after.slice(0, 40));
    assert.ok(Object.keys(done.json.changesByKind as object).length > 0);
    await failsWith('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: 'real.jsonl' }, /reference/);
  });

  test('select reports the drops and writes nothing without an output path', async () => {
    const { json, isError, text } = await call('select', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' });
    assert.equal(isError, false, text);
    assert.equal(json.rows, 360);
    assert.equal(json.wrote, null);
    assert.equal(json.kept as number, 360 - Object.values(json.droppedByReason as Record<string, number>).reduce((a, b) => a + b, 0));
    assert.ok((json.dropped as unknown[]).length <= 15);
  });

  test('prompts returns generation prompts for the labels the synthetic rows miss', async () => {
    const lines = readFileSync(join(root, 'synthetic.jsonl'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(join(root, 'partial.jsonl'), `${lines.filter((line) => !line.includes('"label": "gas"') && !line.includes('"label":"gas"')).join('\n')}\n`);
    const { json, isError, text } = await call('prompts', { dataset: 'partial.jsonl', reference: 'real.jsonl', top: 3 });
    assert.equal(isError, false, text);
    const prompts = json.prompts as { label: string; prompt: string; uncoveredRealRows: number }[];
    assert.ok(prompts.length > 0 && prompts.length <= 3);
    assert.equal(prompts[0].label, 'gas', JSON.stringify(prompts.map((p) => p.label)));
    assert.ok(prompts[0].prompt.length > 100);
  });

  test('probe trains on real, synthetic and both and returns the accuracies', async () => {
    const { json, isError, text } = await call('probe', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', curve: false });
    assert.equal(isError, false, text);
    for (const side of ['realOnly', 'syntheticOnly', 'realPlusSynthetic']) {
      const accuracy = (json[side] as { accuracy: number }).accuracy;
      assert.ok(accuracy > 0 && accuracy <= 1, `${side}: ${accuracy}`);
    }
  });

  test('paths outside the root, through a symbolic link out of it, and missing files are tool errors naming the file', async () => {
    const outside = tempDir('synthgap-mcp-outside-');
    copyFileSync(join(SUBSET, 'synthetic.jsonl'), join(outside, 'secret.jsonl'));
    symlinkSync(outside, join(root, 'escape'));
    await failsWith('check', { dataset: '../secret.jsonl', reference: 'real.jsonl' }, /dataset \.\.\/secret\.jsonl is outside the workspace root/);
    await failsWith('check', { dataset: join(outside, 'secret.jsonl'), reference: 'real.jsonl' }, /outside the workspace root/);
    await failsWith('check', { dataset: 'escape/secret.jsonl', reference: 'real.jsonl' }, /leads outside the workspace root through a symbolic link/);
    await failsWith('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: '../rough.jsonl' }, /output \.\.\/rough\.jsonl is outside/);
    assert.ok(!existsSync(join(root, '..', 'rough.jsonl')));
    await failsWith('check', { dataset: 'missing.jsonl', reference: 'real.jsonl' }, /^dataset missing\.jsonl: no such file/);
    await failsWith('check', { dataset: 'synthetic.jsonl' }, /no reference/);
    await failsWith('nonesuch', {}, /no tool named "nonesuch"/);
  });

  test('synthgap.json in a named folder supplies the reference; one pointing outside the root is refused', async () => {
    mkdirSync(join(root, 'project'));
    copyFileSync(join(SUBSET, 'real.jsonl'), join(root, 'project', 'real.jsonl'));
    writeFileSync(join(root, 'project', 'synthgap.json'), JSON.stringify({ reference: ['real.jsonl'], datasets: ['../synthetic.jsonl'] }));
    const { json, isError, text } = await call('check', { folder: 'project' });
    assert.equal(isError, false, text);
    assert.equal((json.reference as { files: string[] }).files[0], 'real.jsonl');
    assert.equal((json.datasets as { rows: number }[])[0].rows, 360);
    mkdirSync(join(root, 'leaky'));
    writeFileSync(join(root, 'leaky', 'synthgap.json'), JSON.stringify({ reference: ['../../secret.jsonl'] }));
    await failsWith('check', { folder: 'leaky', dataset: 'synthetic.jsonl' }, /reference .*secret\.jsonl is outside the workspace root/);
  });

  test('a malformed line is reported as file:line while the rest is analyzed', async () => {
    const lines = readFileSync(join(root, 'synthetic.jsonl'), 'utf8').split('\n').filter(Boolean);
    lines.splice(4, 0, '{"text": "cut off');
    writeFileSync(join(root, 'bad.jsonl'), `${lines.join('\n')}\n`);
    const { json, isError, text } = await call('check', { dataset: 'bad.jsonl', reference: 'real.jsonl' });
    assert.equal(isError, false, text);
    const [dataset] = json.datasets as { rows: number; unreadable: { count: number; first: string[] } }[];
    assert.equal(dataset.rows, 360);
    assert.equal(dataset.unreadable.count, 1);
    assert.match(dataset.unreadable.first[0], /^bad\.jsonl:5: /);
  });

  test('a 50,000-row file with very long rows and many bad lines gives a result under the size cap', async () => {
    const words = readFileSync(join(root, 'synthetic.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string; label: string }));
    const out: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const row = words[i % words.length];
      // Every 1,000th row is 20,000 characters long and every 500th line is broken.
      if (i % 500 === 499) out.push(`{"text": "broken ${i}`);
      else out.push(JSON.stringify({ text: i % 1000 === 0 ? `${row.text} ${'and so on '.repeat(2000)}` : `${row.text} (${i % 97})`, label: row.label }));
    }
    writeFileSync(join(root, 'huge.jsonl'), `${out.join('\n')}\n`);
    const started = Date.now();
    const { json, isError, text } = await call('check', { dataset: 'huge.jsonl', reference: 'real.jsonl' });
    assert.equal(isError, false, text);
    const [dataset] = json.datasets as { rows: number; unreadable: { count: number; first: string[] } }[];
    assert.equal(dataset.unreadable.count, 100);
    assert.equal(dataset.unreadable.first.length, 5);
    console.log(`huge check: ${text.length} characters in ${Math.round((Date.now() - started) / 1000)} s`);
    const explained = await call('explain_row', { dataset: 'huge.jsonl', reference: 'real.jsonl', line: 1 });
    assert.equal(explained.isError, false, explained.text);
    assert.ok((explained.json.text as string).length <= 300);
  });

  test('a cancelled check stops on the server, which answers the next call', async () => {
    // A seed of its own, so huge.jsonl (written by the test before) is analyzed anew rather than taken from the kept analyses.
    const controller = new AbortController();
    const mark = stderr.length;
    const checking = client.callTool({ name: 'check', arguments: { dataset: 'huge.jsonl', reference: 'real.jsonl', seed: 5 } }, undefined, { ...TIMEOUT, signal: controller.signal });
    controller.abort();
    await assert.rejects(checking);
    // The server logs each call when it ends, cancelled or not: wait for that line.
    const ended = /synthgap mcp: check (done|failed: .*) \(/;
    while (!ended.test(stderr.slice(mark))) await new Promise((wake) => setTimeout(wake, 50));
    assert.equal(ended.exec(stderr.slice(mark))?.[1], 'failed: cancelled');
    const next = await call('explain_row', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', line: 1 });
    assert.equal(next.isError, false, next.text);
  });

  test('a client that asks for progress hears it during a long call', async () => {
    const heard: { progress: number; total?: number }[] = [];
    const result = await client.callTool({ name: 'check', arguments: { dataset: 'synthetic.jsonl', reference: 'real.jsonl' } }, undefined, { ...TIMEOUT, onprogress: (progress) => heard.push(progress) });
    assert.notEqual(result.isError, true);
    assert.ok(heard.length >= 1, 'no progress notification');
    assert.ok(heard.every((p) => p.total === 1 && p.progress >= 0 && p.progress <= 1), JSON.stringify(heard));
  });

  test('nothing but protocol reached stdout, and each call was logged on stderr', () => {
    assert.match(stderr, /synthgap mcp .*: serving 6 tools/);
    assert.match(stderr, /check done/);
  });
});
