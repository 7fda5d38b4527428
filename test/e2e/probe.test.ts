// `synthgap probe` as a user runs it: the built bin on the example data.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ProbeReport } from '../../src/core/probe/probeReport';
import { EXAMPLES, synthgap, tempDir } from '../support/cli';

const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');
const HOLDOUT = join(EXAMPLES, 'real_holdout.jsonl');

describe('synthgap probe', () => {
  test('on a real test file: three accuracies, what the synthetic rows add, per-label figures', () => {
    const result = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--test', HOLDOUT, '--format', 'json', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as ProbeReport & { files: { test: string } };
    assert.equal(report.evaluation, 'test-set');
    assert.equal(report.files.test, 'examples/real_holdout.jsonl');
    assert.equal(report.tested, 1500);
    assert.equal(report.labels, 150);
    assert.deepEqual(report.trained, { real: 1500, synthetic: 3000 });
    // 10 real rows a label are few: 3,000 paraphrases add a lot, and alone do about as well as the real rows.
    assert.ok(report.realOnly.accuracy > 0.6 && report.realOnly.accuracy < 0.95, JSON.stringify(report.realOnly));
    assert.ok(report.blend.accuracy > report.realOnly.accuracy, 'the blend beats real only');
    assert.ok(report.added.low > 0, JSON.stringify(report.added));
    assert.equal(report.byLabel.length, 150);
    assert.ok(report.byLabel.every((l) => l.rows >= 1 && l.realOnly >= 0 && l.realOnly <= 1));
    const changes = report.byLabel.map((l) => l.blend - l.realOnly);
    assert.deepEqual(changes, [...changes].sort((a, b) => a - b), 'sorted by what the synthetic rows add, costs first');
  });

  test('cross-validates the reference without a test file; text output reads as a table', () => {
    const result = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--folds', '2', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /2-fold cross-validation/);
    assert.match(result.stdout, /real only\s+1,500\s+\d+\.\d%\s+\d+\.\d%/);
    assert.match(result.stdout, /synthetic only\s+3,000/);
    assert.match(result.stdout, /real \+ synthetic\s+4,500/);
    assert.match(result.stdout, /Adding the synthetic rows to the real ones: [+-]\d+\.\d points \(95% interval/);
  });

  test('without labels, or with bad options: one line, exit 2', () => {
    const dir = tempDir('synthgap-probe-');
    const texts = readFileSync(SYNTHETIC, 'utf8').split('\n').filter(Boolean).slice(0, 50).map((line) => JSON.stringify({ text: (JSON.parse(line) as { text: string }).text }));
    writeFileSync(join(dir, 'unlabelled.jsonl'), `${texts.join('\n')}\n`);
    const unlabelled = synthgap(['probe', join(dir, 'unlabelled.jsonl'), '--reference', REAL]);
    assert.equal(unlabelled.code, 2);
    assert.equal(unlabelled.stderr, 'synthgap: probe needs labelled rows: the synthetic rows have no labels (name the label field with --label-field)\n');
    const folds = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--folds', '1']);
    assert.equal(folds.stderr, 'synthgap: --folds must be a whole number from 2 to 20 (got 1)\n');
    const missing = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--test', join(dir, 'nope.jsonl')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.jsonl: no such file/);
  });

  test('prints the three accuracies and exits 0', () => {
    const result = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--test', HOLDOUT, '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /real \+ synthetic\s+4,500\s+\d+\.\d%/);
  });
});
