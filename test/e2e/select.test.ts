// `synthgap select` as a user runs it: through a fake CliIo on the example data, and through the built bin
// once src/cli/main.ts registers the command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runSelect } from '../../src/cli/select';
import { InputError } from '../../src/node/inputs';
import type { SelectReport } from '../../src/core/select/selectDataset';

const ROOT = resolve(__dirname, '../..');
// SYNTHGAP_CLI points the bin tests at another build (for example one that registers the command).
const CLI = process.env.SYNTHGAP_CLI ?? join(ROOT, 'dist/cli.js');
const EXAMPLES = join(ROOT, 'examples');
const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');

/** Runs a command function as main() would: user mistakes become exit 2 and one line on stderr. */
async function run(command: (argv: readonly string[], io: CliIo) => Promise<number>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrStream: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  try {
    return { code: await command(argv, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof InputError || (error as Error).name === 'UnreadableFileError')) throw error;
    return { code: 2, stdout, stderr: `${stderr}synthgap: ${(error as Error).message}\n` };
  }
}

function registered(command: string): boolean {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  return help.status === 0 && help.stdout.includes(`synthgap ${command} `);
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'synthgap-select-'));
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('synthgap select (through the command function)', () => {
  test('writes the kept lines byte for byte, in order, and reports what it dropped and why', async () => {
    const out = join(tempDir(), 'kept.jsonl');
    const result = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--out', out, '--drop-top', '10%', '--format', 'json', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as SelectReport & { out: string };
    assert.equal(report.rows, 3000);
    assert.equal(report.out, out);
    assert.equal(report.keep, undefined, 'the per-row flags are not printed');
    const dropped = report.counts.leaked + report.counts['near-duplicate'] + report.counts['synthetic-looking'];
    assert.equal(report.kept, 3000 - dropped);
    assert.equal(report.dropped.length, dropped);
    assert.ok(report.counts['synthetic-looking'] >= 280 && report.counts['synthetic-looking'] <= 300, JSON.stringify(report.counts));
    assert.ok(report.dropped.every((d) => d.text.length > 0 && ['leaked', 'near-duplicate', 'synthetic-looking'].includes(d.reason)));
    assert.ok(report.auc.before > 0.8);

    const input = lines(readFileSync(SYNTHETIC, 'utf8'));
    const kept = lines(readFileSync(out, 'utf8'));
    const droppedLines = new Set(report.dropped.map((d) => d.line));
    assert.deepEqual(kept, input.filter((_, i) => !droppedLines.has(i + 1)));
  });

  test('text summary: counts per reason with examples; the near-duplicates and copies of real rows go by default', async () => {
    const result = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--quiet', '--seed', '7']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^examples\/synthetic\.jsonl: kept [\d,]+ of 3,000 rows, dropped \d+/);
    assert.match(result.stdout, /\d+ rows? copy a real row/);
    assert.match(result.stdout, /\d+ rows? repeat another kept row/);
    assert.doesNotMatch(result.stdout, /most synthetic/, 'no --drop-top, no such reason');
    assert.match(result.stdout, /Detector AUC \(real vs synthetic\): >?[01]\.\d{3,4}\./);
    assert.match(result.stdout, /Nothing written: pass --out FILE/);
  });

  test('lines that cannot be read are kept untouched and reported', async () => {
    const dir = tempDir();
    const good = lines(readFileSync(SYNTHETIC, 'utf8')).slice(0, 300);
    const bad = '{"text": "unterminated';
    writeFileSync(join(dir, 'bad.jsonl'), [...good.slice(0, 10), bad, ...good.slice(10)].join('\n') + '\n');
    const result = await run(runSelect, [join(dir, 'bad.jsonl'), '--reference', REAL, '--out', join(dir, 'kept.jsonl'), '--drop-top', '50%']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /bad\.jsonl:11: /);
    assert.ok(readFileSync(join(dir, 'kept.jsonl'), 'utf8').includes(`\n${bad}\n`), 'the unreadable line is still there');
    assert.match(result.stdout, /1 line could not be read; kept as they are \(first: line 11/);
  });

  test('refuses to overwrite its input, and bad options, with one line and exit 2', async () => {
    const before = readFileSync(SYNTHETIC);
    const overwrite = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--out', SYNTHETIC]);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /^synthgap: --out .*synthetic\.jsonl is an input file/);
    assert.equal(overwrite.stderr.trim().split('\n').length, 1);
    assert.deepEqual(readFileSync(SYNTHETIC), before);
    const reference = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--out', REAL]);
    assert.equal(reference.code, 2);
    const share = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--drop-top', '10']);
    assert.equal(share.code, 2);
    assert.match(share.stderr, /--drop-top takes a share below 100%, such as 10% or 0\.1; got 10/);
    const group = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--keep-per-group', '0']);
    assert.match(group.stderr, /--keep-per-group needs a whole number of at least 1/);
    const two = await run(runSelect, [SYNTHETIC, join(EXAMPLES, 'real_holdout.jsonl'), '--reference', REAL]);
    assert.match(two.stderr, /select works on one dataset at a time; got 2/);
    const none = await run(runSelect, ['--reference', REAL]);
    assert.match(none.stderr, /no synthetic dataset to select/);
    const folder = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--out', join(tempDir(), 'missing', 'kept.jsonl')]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot write .*kept\.jsonl: no such folder/);
    const seed = await run(runSelect, [SYNTHETIC, '--reference', REAL, '--seed', '-1']);
    assert.match(seed.stderr, /--seed must be a whole number from 0 to 4294967295/);
  });
});

describe('synthgap select (the built bin)', { skip: registered('select') ? false : 'select is not registered in src/cli/main.ts yet' }, () => {
  test('writes the kept lines and exits 0; refuses to overwrite its input with exit 2', () => {
    const out = join(tempDir(), 'kept.jsonl');
    const ok = spawnSync(process.execPath, [CLI, 'select', SYNTHETIC, '--reference', REAL, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /kept [\d,]+ of 3,000 rows/);
    assert.ok(lines(readFileSync(out, 'utf8')).length < 3000);
    const refused = spawnSync(process.execPath, [CLI, 'select', SYNTHETIC, '--reference', REAL, '--out', SYNTHETIC], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr.trim().split('\n').length, 1);
    const help = spawnSync(process.execPath, [CLI, 'select', '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /--keep-per-group N/);
  });
});
