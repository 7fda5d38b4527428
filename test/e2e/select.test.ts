// `synthgap select` as a user runs it: the built bin on the example data.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { SelectReport } from '../../src/core/select/selectDataset';
import { EXAMPLES, synthgap, tempDir } from '../support/cli';

const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('synthgap select', () => {
  test('writes the kept lines byte for byte, in order, and reports what it dropped and why', () => {
    const out = join(tempDir('synthgap-select-'), 'kept.jsonl');
    const result = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', out, '--drop-top', '10%', '--format', 'json', '--quiet']);
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

  test('text summary: counts per reason with examples; the near-duplicates and copies of real rows go by default', () => {
    const result = synthgap(['select', SYNTHETIC, '--reference', REAL, '--quiet', '--seed', '7']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^examples\/synthetic\.jsonl: kept [\d,]+ of 3,000 rows, dropped \d+/);
    assert.match(result.stdout, /\d+ rows? copy a real row/);
    assert.match(result.stdout, /\d+ rows? repeat another kept row/);
    assert.doesNotMatch(result.stdout, /most synthetic/, 'no --drop-top, no such reason');
    assert.match(result.stdout, /Detector AUC \(real vs synthetic\): >?[01]\.\d{3,4}\./);
    assert.match(result.stdout, /Nothing written: pass --out FILE/);
  });

  test('lines that cannot be read are kept untouched and reported', () => {
    const dir = tempDir('synthgap-select-');
    const good = lines(readFileSync(SYNTHETIC, 'utf8')).slice(0, 300);
    const bad = '{"text": "unterminated';
    writeFileSync(join(dir, 'bad.jsonl'), [...good.slice(0, 10), bad, ...good.slice(10)].join('\n') + '\n');
    const result = synthgap(['select', join(dir, 'bad.jsonl'), '--reference', REAL, '--out', join(dir, 'kept.jsonl'), '--drop-top', '50%']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /bad\.jsonl:11: /);
    assert.ok(readFileSync(join(dir, 'kept.jsonl'), 'utf8').includes(`\n${bad}\n`), 'the unreadable line is still there');
    assert.match(result.stdout, /1 line could not be read; kept as they are \(first: line 11/);
  });

  test('refuses to overwrite its input, and bad options, with one line and exit 2', () => {
    const before = readFileSync(SYNTHETIC);
    const overwrite = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', SYNTHETIC]);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /^synthgap: --out .*synthetic\.jsonl is an input file/);
    assert.equal(overwrite.stderr.trim().split('\n').length, 1);
    assert.deepEqual(readFileSync(SYNTHETIC), before);
    const reference = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', REAL]);
    assert.equal(reference.code, 2);
    const share = synthgap(['select', SYNTHETIC, '--reference', REAL, '--drop-top', '10']);
    assert.equal(share.code, 2);
    assert.equal(share.stderr, 'synthgap: --drop-top must be a share below 100%, such as 10% or 0.1 (got 10)\n');
    const group = synthgap(['select', SYNTHETIC, '--reference', REAL, '--keep-per-group', '0']);
    assert.equal(group.stderr, 'synthgap: --keep-per-group must be a whole number at least 1 (got 0)\n');
    const two = synthgap(['select', SYNTHETIC, join(EXAMPLES, 'real_holdout.jsonl'), '--reference', REAL]);
    assert.match(two.stderr, /select works on one dataset at a time; got 2/);
    const none = synthgap(['select', '--reference', REAL]);
    assert.match(none.stderr, /no synthetic dataset to select/);
    const folder = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', join(tempDir('synthgap-select-'), 'missing', 'kept.jsonl')]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot write .*kept\.jsonl: no such folder/);
    const seed = synthgap(['select', SYNTHETIC, '--reference', REAL, '--seed', '-1']);
    assert.equal(seed.stderr, 'synthgap: --seed must be a whole number from 0 to 4294967295 (got -1)\n');
  });

  test('writes the kept lines and exits 0; refuses to overwrite its input with exit 2', () => {
    const out = join(tempDir('synthgap-select-'), 'kept.jsonl');
    const ok = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', out, '--quiet']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /kept [\d,]+ of 3,000 rows/);
    assert.ok(lines(readFileSync(out, 'utf8')).length < 3000);
    const refused = synthgap(['select', SYNTHETIC, '--reference', REAL, '--out', SYNTHETIC]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr.trim().split('\n').length, 1);
    const help = synthgap(['select', '--help']);
    assert.match(help.stdout, /--keep-per-group N/);
  });
});
