// `synthgap prompts` as a user runs it: the built bin on the example data.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { PromptsReport } from '../../src/core/prompts/prompts';
import { EXAMPLES, synthgap, tempDir } from '../support/cli';

const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');

/** The synthetic examples without one label, so that label and its topic are under-covered. */
function withoutLabel(dir: string, label: string): string {
  const kept = readFileSync(SYNTHETIC, 'utf8').split('\n').filter((line) => line !== '' && (JSON.parse(line) as { label: string }).label !== label);
  writeFileSync(join(dir, 'partial.jsonl'), `${kept.join('\n')}\n`);
  return join(dir, 'partial.jsonl');
}

describe('synthgap prompts', () => {
  test('writes a prompt for a label the synthetic rows lack: five real examples and the measured style', () => {
    const dir = tempDir('synthgap-prompts-');
    const out = join(dir, 'prompts.md');
    const result = synthgap(['prompts', withoutLabel(dir, 'translate'), '--reference', REAL, '--out', out]);
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

  test('JSON output on the example data, deterministic for a seed', () => {
    const first = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as PromptsReport;
    assert.equal(report.rows.reference, 1500);
    assert.ok(report.clusters > 0 && report.labelled);
    assert.ok(report.constraints.length >= 5);
    for (const section of report.sections) assert.ok(section.examples.length >= 1 && section.prompt.length > 100);
    const second = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(second.stdout, first.stdout);
  });

  test('bad options: one line, exit 2', () => {
    const format = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'html']);
    assert.equal(format.code, 2);
    assert.equal(format.stderr, 'synthgap: --format must be one of markdown, json (got "html")\n');
    const examples = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--examples', '0']);
    assert.equal(examples.stderr, 'synthgap: --examples must be a whole number from 1 to 50 (got 0)\n');
    const none = synthgap(['prompts', SYNTHETIC]);
    assert.match(none.stderr, /no reference set/);
    const overwrite = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--out', REAL]);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /--out .*real\.jsonl is an input file/);
  });

  test('writes the prompts file and exits 0', () => {
    const dir = tempDir('synthgap-prompts-');
    const out = join(dir, 'prompts.md');
    const result = synthgap(['prompts', withoutLabel(dir, 'translate'), '--reference', REAL, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(out, 'utf8'), /Label translate/);
  });
});
