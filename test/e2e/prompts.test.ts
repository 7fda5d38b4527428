// `synthgap prompts` as a user runs it: through a fake CliIo on the example data, and through the built bin
// once src/cli/main.ts registers the command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runPrompts } from '../../src/cli/prompts';
import type { PromptsReport } from '../../src/core/prompts/prompts';
import { InputError } from '../../src/node/inputs';

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

const tempDir = () => mkdtempSync(join(tmpdir(), 'synthgap-prompts-'));

/** The synthetic examples without one label, so that label and its topic are under-covered. */
function withoutLabel(dir: string, label: string): string {
  const kept = readFileSync(SYNTHETIC, 'utf8').split('\n').filter((line) => line !== '' && (JSON.parse(line) as { label: string }).label !== label);
  writeFileSync(join(dir, 'partial.jsonl'), `${kept.join('\n')}\n`);
  return join(dir, 'partial.jsonl');
}

describe('synthgap prompts (through the command function)', () => {
  test('writes a prompt for a label the synthetic rows lack: five real examples and the measured style', async () => {
    const dir = tempDir();
    const out = join(dir, 'prompts.md');
    const result = await run(runPrompts, [withoutLabel(dir, 'translate'), '--reference', REAL, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Wrote \d+ prompts? to .*prompts\.md\n$/);
    const markdown = readFileSync(out, 'utf8');
    assert.match(markdown, /^# Generation prompts for /);
    const section = markdown.split(/^## /m).find((part) => /^\d+\. Label translate/.test(part));
    assert.ok(section, markdown.slice(0, 2000));
    assert.match(section, /no synthetic row has this label/);
    const prompt = section.slice(section.indexOf('```text'));
    assert.equal(prompt.match(/^- .+$/gm)?.filter((line) => !/^- (Length|Casing|Ending|Typos|Slang|Apostrophes|Politeness|Numbers|Emoji|Never|Stock)/.test(line)).length, 5);
    assert.match(prompt, /Casing: all lower-case/);
    assert.match(prompt, /Ending: no final \. ! or \?/);
    assert.match(prompt, /Length: \d+ to \d+ words/);
  });

  test('JSON output on the example data, deterministic for a seed', async () => {
    const first = await run(runPrompts, [SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as PromptsReport;
    assert.equal(report.rows.reference, 1500);
    assert.ok(report.clusters > 0 && report.labelled);
    assert.ok(report.constraints.length >= 5);
    for (const section of report.sections) assert.ok(section.examples.length >= 1 && section.prompt.length > 100);
    const second = await run(runPrompts, [SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(second.stdout, first.stdout);
  });

  test('bad options: one line, exit 2', async () => {
    const format = await run(runPrompts, [SYNTHETIC, '--reference', REAL, '--format', 'html']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be markdown or json/);
    const examples = await run(runPrompts, [SYNTHETIC, '--reference', REAL, '--examples', '0']);
    assert.match(examples.stderr, /--examples needs a whole number from 1 to 50, got 0/);
    const none = await run(runPrompts, [SYNTHETIC]);
    assert.match(none.stderr, /no reference set/);
    const overwrite = await run(runPrompts, [SYNTHETIC, '--reference', REAL, '--out', REAL]);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /--out .*real\.jsonl is an input file/);
  });
});

describe('synthgap prompts (the built bin)', { skip: registered('prompts') ? false : 'prompts is not registered in src/cli/main.ts yet' }, () => {
  test('writes the prompts file and exits 0', () => {
    const dir = tempDir();
    const out = join(dir, 'prompts.md');
    const result = spawnSync(process.execPath, [CLI, 'prompts', withoutLabel(dir, 'translate'), '--reference', REAL, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(readFileSync(out, 'utf8'), /Label translate/);
  });
});
