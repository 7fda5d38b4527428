// runTool as both servers call it: a call that cannot run comes back as one line, before any file is read.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTool } from '../../../src/node/tools/run';

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-run-'));
  writeFileSync(join(dir, 'real.jsonl'), '{"text":"hi"}\n');
  writeFileSync(join(dir, 'synthetic.jsonl'), '{"text":"Hello."}\n');
  return dir;
}

async function failure(name: string, input: unknown, dir = root()): Promise<string> {
  const outcome = await runTool(name, input, { root: dir });
  assert.equal(outcome.ok, false, JSON.stringify(outcome));
  const { error } = outcome as { error: string };
  assert.ok(!error.includes('\n'), error);
  return error;
}

test('an input that does not meet the tool\'s schema names the field and what it must be', async () => {
  assert.match(await failure('explain_row', { dataset: 'synthetic.jsonl' }), /^explain_row: .*line/);
  assert.match(await failure('explain_row', { dataset: 'synthetic.jsonl', line: 0 }), /"line" must be a whole number at least 1 \(got 0\)/);
  assert.match(await failure('check', { dataset: 'synthetic.jsonl', nonsense: true }), /nonsense/);
  assert.match(await failure('nope', {}), /^no tool named "nope" \(tools: check, explain_row, roughen, select, prompts, probe\)$/);
});

test('roughen without an output path, or onto its input, is refused and writes nothing', async () => {
  const dir = root();
  assert.match(await failure('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' }, dir), /^roughen: must have required property 'output'/);
  assert.match(await failure('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: './synthetic.jsonl' }, dir), /is the dataset itself/);
  assert.match(await failure('roughen', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', output: '../out.jsonl' }, dir), /^output \.\.\/out\.jsonl is outside the workspace root/);
  assert.ok(!existsSync(join(dir, '..', 'out.jsonl')));
});

test('a missing file, a missing reference and a missing root are one line each', async () => {
  assert.match(await failure('check', { dataset: 'gone.jsonl', reference: 'real.jsonl' }), /^dataset gone\.jsonl: no such file in the workspace root$/);
  assert.match(await failure('check', { dataset: 'synthetic.jsonl' }), /^no reference set/);
  assert.match(await failure('select', { dataset: 'synthetic.jsonl', reference: 'real.jsonl', folder: 'nowhere' }), /^folder nowhere is not a folder/);
  const outcome = await runTool('check', {}, { root: join(tmpdir(), 'synthgap-no-such-root') });
  assert.deepEqual(outcome, { ok: false, error: `the workspace root ${join(tmpdir(), 'synthgap-no-such-root')} does not exist` });
});

test('files too small to compare give a result that says so, not an error', async () => {
  const outcome = await runTool('check', { dataset: 'synthetic.jsonl', reference: 'real.jsonl' }, { root: root() });
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  const [dataset] = (outcome as { result: { datasets: { verdict: string; headline: string }[] } }).result.datasets;
  assert.equal(dataset.verdict, 'insufficient-data');
  assert.match(dataset.headline, /Too few rows/);
});
