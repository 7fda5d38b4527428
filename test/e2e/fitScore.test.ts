// `synthgap fit` and `synthgap score` as a pipeline runs them: the built bin, real files, stdin, split files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { CLI, EXAMPLES, ROOT, synthgap, tempDir, type CliRun } from '../support/cli';

const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');
const FINETUNE = join(ROOT, 'test/fixtures/finetune');

interface Scored {
  readonly file: string;
  readonly line: number;
  readonly score?: number;
  readonly flagged?: boolean;
  readonly reasons?: { code: string; message: string }[];
  readonly error?: string;
}

function run(args: readonly string[], input?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parsed(run: CliRun): Scored[] {
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Scored);
}

const dir = tempDir('synthgap-fitscore-');
const MODEL = join(dir, 'model.json');
// The examples with a blank line and two lines that are not JSON: every other line is a record.
const lines = readFileSync(SYNTHETIC, 'utf8').split('\n').filter((line) => line !== '');
const mixed = [...lines.slice(0, 10), '', '{"text": "unterminated', ...lines.slice(10, 2000), '[1, 2]', ...lines.slice(2000)];
const MIXED = join(dir, 'mixed.jsonl');
writeFileSync(MIXED, `${mixed.join('\n')}\n`);

describe('synthgap fit and score', () => {
  before(() => {
    const fit = run(['fit', SYNTHETIC, '--reference', REAL, '--out', MODEL, '--quiet']);
    assert.equal(fit.code, 0, fit.stderr);
    assert.match(fit.stdout, /^Wrote .*model\.json \([\d.]+ (KB|MB)\) from 3,000 synthetic rows and 1,500 reference rows: AUC .*, large-gap, in [\d.]+ s\n$/);
  });

  test('one output line per record, in order, with its line number; a bad line is an error line and scoring goes on', () => {
    const out = parsed(run(['score', '--model', MODEL, MIXED]));
    const expectedLines = mixed.flatMap((line, i) => (line === '' ? [] : [i + 1]));
    assert.deepEqual(out.map((o) => o.line), expectedLines);
    assert.ok(out.every((o) => o.file === MIXED));
    assert.match(out.find((o) => o.line === 12)?.error ?? '', /^invalid JSON: /);
    assert.equal(out.find((o) => o.line === mixed.indexOf('[1, 2]') + 1)?.error, 'expected a JSON object, found an array');
    assert.equal(out.filter((o) => o.error !== undefined).length, 2);
    assert.ok(out.filter((o) => o.error === undefined).every((o) => typeof o.score === 'number' && o.score > 0 && o.score < 1));
  });

  test('flagged rows are those above the model\'s threshold, each with reasons; the others have none', () => {
    const model = JSON.parse(readFileSync(MODEL, 'utf8')) as { summary: { flagThreshold: number; flagRule: string } };
    assert.equal(model.summary.flagRule, 'score');
    const out = parsed(run(['score', '--model', MODEL, SYNTHETIC]));
    assert.equal(out.length, 3000);
    let flagged = 0;
    for (const o of out) {
      assert.equal(o.flagged, (o.score as number) > model.summary.flagThreshold, `line ${o.line}`);
      assert.equal((o.reasons?.length ?? 0) > 0, o.flagged, `line ${o.line}`);
      if (o.flagged) flagged++;
    }
    assert.ok(flagged > 2500, `${flagged} flagged`);
    const real = parsed(run(['score', '--model', MODEL, REAL]));
    assert.ok(real.filter((o) => o.flagged).length < real.length * 0.15, 'few real rows look synthetic');
  });

  test('scores do not depend on the partition: three parts, stdin and the whole file agree to the last digit', () => {
    const whole = parsed(run(['score', '--model', MODEL, MIXED]));
    const cuts = [0, 700, 1700, mixed.length];
    const parts: Scored[] = [];
    for (let p = 0; p < 3; p++) {
      const part = join(dir, `part-${p}.jsonl`);
      writeFileSync(part, `${mixed.slice(cuts[p], cuts[p + 1]).join('\n')}\n`);
      // Part 1 goes through stdin, as a Dask worker hands it over, named with --file-name.
      const out = p === 1 ? parsed(run(['score', '--model', MODEL, '--file-name', `part-${p}.jsonl`], readFileSync(part, 'utf8'))) : parsed(run(['score', '--model', MODEL, part]));
      if (p === 1) assert.ok(out.every((o) => o.file === 'part-1.jsonl'));
      parts.push(...out.map((o) => ({ ...o, file: MIXED, line: o.line + cuts[p] })));
    }
    assert.deepEqual(parts, whole);
    const stdin = parsed(run(['score', '--model', MODEL, '-'], readFileSync(MIXED, 'utf8')));
    assert.deepEqual(stdin.map((o) => ({ ...o, file: MIXED })), whole);
    assert.ok(stdin.every((o) => o.file === '-'));
  });

  test('fit is deterministic: the same seed writes the same bytes; --sample fits on a seeded sample', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const c = join(dir, 'c.json');
    assert.equal(run(['fit', SYNTHETIC, '--reference', REAL, '--out', a, '--sample', '1000', '--seed', '7', '--quiet']).code, 0);
    assert.equal(run(['fit', SYNTHETIC, '--reference', REAL, '--out', b, '--sample', '1000', '--seed', '7', '--quiet']).code, 0);
    const fit = run(['fit', SYNTHETIC, '--reference', REAL, '--out', c, '--sample', '1000', '--seed', '8', '--quiet']);
    assert.match(fit.stdout, /from 1,000 of 3,000 synthetic rows \(seeded sample\) and 1,000 of 1,500 reference rows \(seeded sample\)/);
    assert.ok(readFileSync(a).equals(readFileSync(b)), 'byte-identical');
    assert.ok(!readFileSync(a).equals(readFileSync(c)), 'another seed, another sample');
    const model = JSON.parse(readFileSync(a, 'utf8')) as { rows: Record<string, number>; seed: number; reference: { rows: number } };
    assert.deepEqual(model.rows, { reference: 1000, synthetic: 1000, referenceRead: 1500, syntheticRead: 3000 });
    assert.equal(model.seed, 7);
    assert.equal(model.reference.rows, 1000);

    // Three files are one synthetic side, sampled as one: 1,000 of their 3,000 rows, not 1,000 of each.
    const parts = [0, 1, 2].map((p) => join(dir, `side-${p}.jsonl`));
    parts.forEach((part, p) => writeFileSync(part, `${lines.slice(p * 1000, (p + 1) * 1000).join('\n')}\n`));
    const split = join(dir, 'split.json');
    const fromParts = run(['fit', ...parts, '--reference', REAL, '--out', split, '--sample', '1000', '--seed', '7', '--quiet']);
    assert.equal(fromParts.code, 0, fromParts.stderr);
    assert.match(fromParts.stdout, /from 1,000 of 3,000 synthetic rows \(seeded sample\)/);
    const splitModel = JSON.parse(readFileSync(split, 'utf8')) as { rows: Record<string, number> };
    assert.deepEqual(splitModel.rows, model.rows);
  });

  test('a model of another schema version or other lexicons, a missing model: one line, exit 2', () => {
    const model = JSON.parse(readFileSync(MODEL, 'utf8')) as Record<string, unknown>;
    const v3 = join(dir, 'v3.json');
    writeFileSync(v3, JSON.stringify({ ...model, schemaVersion: 3 }));
    const older = run(['score', '--model', v3, SYNTHETIC]);
    assert.equal(older.code, 2);
    assert.equal(older.stdout, '');
    assert.match(older.stderr, /^synthgap: .*v3\.json was written by synthgap [\d.]+ \(model schema 3\); this synthgap reads schemas 1 and 2: fit it again\n$/);
    const lex = join(dir, 'lex.json');
    writeFileSync(lex, JSON.stringify({ ...model, lexicons: 'lex1-0123456789abcdef' }));
    const other = run(['score', '--model', lex, SYNTHETIC]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /^synthgap: .*lex\.json was fitted by synthgap [\d.]+ with other lexicons or features \(lex1-0123456789abcdef; this synthgap has lex1-[0-9a-f]{16}\): fit it again\n$/);
    const missing = run(['score', '--model', join(dir, 'none.json'), SYNTHETIC]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^synthgap: cannot read .*none\.json: no such file\n$/);
    const noModel = run(['score', SYNTHETIC]);
    assert.equal(noModel.code, 2);
    assert.match(noModel.stderr, /^synthgap: --model FILE is required/);
    const noInput = run(['score', '--model', MODEL, join(dir, 'none.jsonl')]);
    assert.equal(noInput.code, 2);
    assert.match(noInput.stderr, /^synthgap: cannot read .*none\.jsonl: no such file\n$/);
    const noColumn = run(['score', '--model', MODEL, '--format', 'csv', '--file-name', 'part.csv'], 'question,answer\nhow are you,fine\n');
    assert.equal(noColumn.code, 2);
    assert.equal(noColumn.stdout, '');
    assert.equal(noColumn.stderr, 'synthgap: part.csv: no "text" column in the header (columns: question, answer)\n');
  });

  test('fit refuses to write over an input, and needs --out', () => {
    const before = readFileSync(REAL);
    const over = synthgap(['fit', SYNTHETIC, '--reference', REAL, '--out', REAL, '--quiet']);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /^synthgap: --out .*real\.jsonl is an input file/);
    assert.ok(readFileSync(REAL).equals(before));
    const none = synthgap(['fit', SYNTHETIC, '--reference', REAL]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^synthgap: --out FILE is required/);
  });

  test('a reader that stops early (| head) ends score quietly, exit 0', () => {
    const script = `node ${JSON.stringify(CLI)} score --model ${JSON.stringify(MODEL)} ${JSON.stringify(SYNTHETIC)} | head -n 2 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.equal(result.stderr, 'exit 0\n');
  });

  test('fine-tuning data: a chat file fits and every conversation scores as one record; instruction CSV and JSONL score alike', () => {
    const chat = join(dir, 'chat.json');
    const fit = run(['fit', join(FINETUNE, 'openai-chat.synthetic.jsonl'), '--reference', join(FINETUNE, 'openai-chat.real.jsonl'), '--out', chat, '--quiet']);
    assert.equal(fit.code, 0, fit.stderr);
    const model = JSON.parse(readFileSync(chat, 'utf8')) as { text: { textField: string; role: string }; model: { recordFields: string[] } };
    assert.deepEqual(model.text, { textField: 'messages.content', textFields: ['system', 'user', 'assistant'], role: 'system,user,assistant' });
    assert.deepEqual(model.model.recordFields, ['system', 'user', 'assistant']);
    const synthetic = parsed(run(['score', '--model', chat, join(FINETUNE, 'openai-chat.synthetic.jsonl')]));
    const real = parsed(run(['score', '--model', chat, join(FINETUNE, 'openai-chat.real.jsonl')]));
    assert.deepEqual(synthetic.map((o) => o.line), Array.from({ length: 60 }, (_, i) => i + 1));
    assert.ok(synthetic.every((o) => typeof o.score === 'number'));
    const mean = (rows: Scored[]) => rows.reduce((sum, o) => sum + (o.score as number), 0) / rows.length;
    assert.ok(mean(synthetic) > mean(real) + 0.3, `${mean(synthetic)} vs ${mean(real)}`);

    const alpaca = join(dir, 'alpaca.json');
    assert.equal(run(['fit', join(FINETUNE, 'alpaca.synthetic.jsonl'), '--reference', join(FINETUNE, 'alpaca.real.jsonl'), '--out', alpaca, '--quiet']).code, 0);
    const jsonl = parsed(run(['score', '--model', alpaca, join(FINETUNE, 'alpaca.real.jsonl')]));
    const csv = parsed(run(['score', '--model', alpaca, join(FINETUNE, 'alpaca.csv')]));
    // Line 22's record runs on to line 23 (a quoted cell with a line break): one record, one output line.
    assert.deepEqual(csv.map((o) => o.line), Array.from({ length: 65 }, (_, i) => i + 2).filter((line) => line !== 23));
    assert.ok(jsonl.length === 66 && csv.every((o) => typeof o.score === 'number'));
  });
});
