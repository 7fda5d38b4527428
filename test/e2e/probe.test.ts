// `synthgap probe` as a user runs it: the built bin on the example data.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ProbeReport } from '../../src/core/probe/types';
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

/** `perLabel` rows of each label of a JSONL file, in file order: a real file cut down to a known number of rows. */
function perLabel(file: string, perLabel: number): string[] {
  const taken = new Map<string, number>();
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).filter((line) => {
    const label = (JSON.parse(line) as { label: string }).label;
    const count = taken.get(label) ?? 0;
    taken.set(label, count + 1);
    return count < perLabel;
  });
}

describe('synthgap probe: worth N real rows, and --compare', () => {
  test('a "synthetic" file of 450 real rows (3 a label) is worth about 450 real rows, within a factor of two', () => {
    // The answer is known by construction: these rows are real rows of the same kind as the reference.
    const dir = tempDir('synthgap-worth-');
    const stand = join(dir, 'three_a_label.jsonl');
    writeFileSync(stand, `${perLabel(HOLDOUT, 3).join('\n')}\n`);
    const result = synthgap(['probe', stand, '--reference', REAL, '--format', 'json', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as ProbeReport & { worthRealRows: { sentence: string } };
    const worth = report.worthRealRows;
    assert.equal(report.trained.synthetic, 450);
    assert.equal(worth.relation, 'about');
    assert.ok(worth.estimate >= 225 && worth.estimate <= 900, JSON.stringify(worth));
    assert.ok(worth.low <= worth.estimate && worth.estimate <= (worth.high ?? Infinity), JSON.stringify(worth));
    assert.equal(worth.accuracy, report.syntheticOnly.accuracy);
    const curve = report.learningCurve ?? [];
    assert.deepEqual(curve.slice(0, 3).map((point) => point.rows), [25, 50, 100]);
    assert.equal(curve[curve.length - 1].rows, 1000, 'the last point is a fold\'s 1,000 training rows');
    assert.equal(curve[curve.length - 1].accuracy, report.realOnly.accuracy, 'and it is the real-only model');
    assert.ok(curve.every((point, i) => i === 0 || point.rows > curve[i - 1].rows));
    assert.match(worth.sentence, /^Your 450 synthetic rows train about as well as [\d,]+ real rows \(95% interval [\d,]+ to [\d,]+\); added to your real rows \(1,000 a fold\) they add [+-]?\d+\.\d points \(95% interval [+-]?\d+\.\d to [+-]?\d+\.\d\)\.$/);
  });

  test('the text output says what the synthetic rows are worth and shows the curve; --no-curve leaves it out', () => {
    const text = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--quiet']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\nYour 3,000 synthetic rows train (about as well as|better than) [\d,]+ real rows/);
    assert.match(text.stdout, /\nReal rows only, by rows trained on: 25 \d+\.\d%, 50 \d+\.\d%, .*1,000 \d+\.\d%\.\n/);
    const json = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--no-curve', '--format', 'json', '--quiet']);
    const report = JSON.parse(json.stdout) as ProbeReport;
    assert.equal(report.worthRealRows, undefined);
    assert.equal(report.learningCurve, undefined);
  });

  test('--compare with the same rows: no difference, an interval around 0; with mislabelled rows: it hurts', () => {
    const dir = tempDir('synthgap-compare-');
    const lines = readFileSync(SYNTHETIC, 'utf8').split('\n').filter(Boolean);
    const copy = join(dir, 'copy.jsonl');
    writeFileSync(copy, `${lines.join('\n')}\n`);
    const same = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--compare', copy, '--format', 'json', '--quiet']);
    assert.equal(same.code, 0, same.stderr);
    const sameReport = JSON.parse(same.stdout) as ProbeReport & { compare: { sentence: string }; files: { compare: string } };
    assert.equal(sameReport.compare.difference.points, 0);
    assert.ok(sameReport.compare.difference.low <= 0 && sameReport.compare.difference.high >= 0);
    assert.equal(sameReport.compare.accuracy, sameReport.syntheticOnly.accuracy);
    assert.match(sameReport.files.compare, /copy\.jsonl$/);
    assert.match(sameReport.compare.sentence, /scores (\d+\.\d%) against \1 for examples\/synthetic\.jsonl on the same real rows \(0\.0 points, 95% interval 0\.0 to 0\.0\): no measurable change\./);

    // Every third row gets the label of the row before it: a file that teaches wrong answers.
    const labels = lines.map((line) => (JSON.parse(line) as { label: string }).label);
    const broken = lines.map((line, i) => (i % 3 === 2 ? JSON.stringify({ ...(JSON.parse(line) as object), label: labels[(i + 1500) % lines.length] }) : line));
    const worse = join(dir, 'mislabelled.jsonl');
    writeFileSync(worse, `${broken.join('\n')}\n`);
    const text = synthgap(['probe', SYNTHETIC, '--reference', REAL, '--compare', worse, '--quiet']);
    assert.equal(text.code, 0, text.stderr);
    const sentence = /Trained alone, \S*mislabelled\.jsonl scores [\d.]+% against [\d.]+% for examples\/synthetic\.jsonl on the same real rows \((-[\d.]+) points, 95% interval (-[\d.]+) to (-[\d.]+)\): it hurts\./.exec(text.stdout);
    assert.ok(sentence, text.stdout);
    assert.ok(Number(sentence[1]) < -1, sentence[0]);
  });
});
