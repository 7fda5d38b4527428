import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stratifiedFolds } from '../../../src/core/probe/folds';
import { formatProbeText } from '../../../src/core/probe/format';
import { macroF1, pairedDifference, share } from '../../../src/core/probe/metrics';
import { probeProblem, probeSynthetic } from '../../../src/core/probe/probe';
import type { ProbeRow } from '../../../src/core/probe/types';
import { labelledTexts } from './support';

const NAMES = ['card', 'flight', 'weather', 'music'];

function rows(perClass: number, seed: number, keep: (label: string) => boolean = () => true): ProbeRow[] {
  const { texts, labels } = labelledTexts(perClass, 4, seed);
  return texts.map((text, i) => ({ text, label: NAMES[labels[i]] })).filter((row) => keep(row.label));
}

test('synthetic rows that say the same things as real ones: all three models near 100%', () => {
  const report = probeSynthetic({ reference: rows(30, 1), synthetic: rows(60, 2), test: rows(20, 3) }, { seed: 1 });
  assert.equal(report.evaluation, 'test-set');
  assert.equal(report.tested, 80);
  for (const model of [report.realOnly, report.syntheticOnly, report.blend]) assert.ok(model.accuracy >= 0.97, JSON.stringify(model));
  assert.ok(Math.abs(report.added.points) <= 3);
  assert.deepEqual(report.onlyReal, []);
});

test('a label the synthetic rows lack costs the synthetic-only model its rows, and is named', () => {
  const synthetic = rows(60, 2, (label) => label !== 'music');
  const report = probeSynthetic({ reference: rows(30, 1), synthetic }, { seed: 1 });
  assert.equal(report.evaluation, 'cross-validation');
  assert.equal(report.folds, 3);
  assert.equal(report.tested, 120);
  assert.deepEqual(report.onlyReal, ['music']);
  assert.ok(report.realOnly.accuracy >= 0.95);
  assert.ok(report.syntheticOnly.accuracy <= 0.76, `${report.syntheticOnly.accuracy}`);
  assert.ok(report.replaced.points <= -20 && report.replaced.high < 0, JSON.stringify(report.replaced));
  const music = report.byLabel.find((label) => label.label === 'music');
  assert.deepEqual([music?.syntheticOnly, music?.syntheticTrain], [0, 0]);
  assert.equal(report.byLabel[0].label, report.byLabel.reduce((worst, l) => (l.blend - l.realOnly < worst.blend - worst.realOnly ? l : worst)).label);
  const text = formatProbeText(report, { dataset: 'synthetic.jsonl', reference: ['real.jsonl'] });
  assert.match(text, /real only\s+120\s+\d+\.\d%/);
  assert.match(text, /Labels with real rows but no synthetic rows \(1\): music/);
  assert.match(text, /3-fold cross-validation/);
});

test('counts the labels it tests on: a label only the synthetic rows have is trained on, not counted', () => {
  const reference = rows(30, 1, (label) => label !== 'music');
  const report = probeSynthetic({ reference, synthetic: rows(60, 2) }, { seed: 1 });
  assert.equal(report.labels, 3, 'card, flight and weather are tested');
  assert.equal(report.classes, 4, 'music is one more class to choose from');
  assert.equal(report.byLabel.length, report.labels);
  assert.deepEqual(report.onlySynthetic, ['music']);
  for (const model of [report.realOnly, report.syntheticOnly, report.blend]) {
    assert.ok(model.accuracyLow <= model.accuracy && model.accuracy <= model.accuracyHigh, JSON.stringify(model));
    assert.ok(model.accuracyHigh - model.accuracyLow < 0.2, 'a 95% interval over 90 rows is narrower than 20 points');
  }
  const text = formatProbeText(report, { dataset: 'synthetic.jsonl', reference: ['real.jsonl'] });
  assert.match(text, /3 labels tested \(1 more only in the training rows\)/);
  assert.match(text, /real only\s+90\s+\d+\.\d%\s+\d+\.\d%\s+\d+\.\d% to \d+\.\d%/, 'the interval of the accuracy follows macro-F1');
});

test('the same seed gives the same report', () => {
  const input = { reference: rows(20, 4), synthetic: rows(20, 5) };
  assert.deepEqual(probeSynthetic(input, { seed: 9 }), probeSynthetic(input, { seed: 9 }));
});

test('says why it cannot run: no labels, or one label only', () => {
  const unlabelled = [{ text: 'hello' }, { text: 'bye' }];
  assert.equal(probeProblem({ reference: unlabelled, synthetic: rows(5, 1) }), 'the reference rows have no labels');
  assert.equal(probeProblem({ reference: rows(5, 1), synthetic: unlabelled }), 'the synthetic rows have no labels');
  assert.equal(probeProblem({ reference: rows(5, 1), synthetic: rows(5, 1), test: unlabelled }), 'the test rows have no labels');
  assert.equal(probeProblem({ reference: [{ text: 'a', label: 'x' }], synthetic: rows(5, 1) }), 'there are fewer than two labels to tell apart');
  assert.equal(probeProblem({ reference: rows(5, 1), synthetic: rows(5, 1) }), undefined);
  assert.throws(() => probeSynthetic({ reference: unlabelled, synthetic: rows(5, 1) }), RangeError);
});

test('metrics: macro-F1 over the true classes, share, and paired differences in points', () => {
  assert.equal(macroF1(Int32Array.of(0, 0, 1), Int32Array.of(0, 1, 1), 3), 2 / 3);
  assert.ok(Number.isNaN(macroF1(new Int32Array(0), new Int32Array(0), 2)));
  assert.equal(share(Uint8Array.of(1, 0, 1, 1)), 0.75);
  const d = pairedDifference(Uint8Array.of(1, 1, 1, 0), Uint8Array.of(1, 0, 1, 0));
  assert.equal(d.points, 25);
  assert.ok(Math.abs(d.low - -24) < 0.01 && Math.abs(d.high - 74) < 0.01, JSON.stringify(d));
  assert.deepEqual(pairedDifference(Uint8Array.of(1, 1), Uint8Array.of(1, 1)), { points: 0, low: 0, high: 0 });
});

test('stratified folds hold each label in about the same share; unlabelled rows get none', () => {
  const labels = Int32Array.from({ length: 90 }, (_, i) => (i < 60 ? 0 : 1));
  labels[5] = -1;
  const folds = stratifiedFolds(labels, 3, 1);
  assert.equal(folds[5], -1);
  for (let f = 0; f < 3; f++) {
    const zero = labels.filter((l, i) => l === 0 && folds[i] === f).length;
    const one = labels.filter((l, i) => l === 1 && folds[i] === f).length;
    assert.ok(zero >= 19 && zero <= 20 && one === 10, `fold ${f}: ${zero}, ${one}`);
  }
  assert.deepEqual(stratifiedFolds(labels, 3, 1), folds);
});

test('the learning curve: stops once every sample beats the synthetic rows, its last point the real-only model; a compared copy changes nothing', () => {
  const reference = rows(100, 1);
  const synthetic = rows(60, 2, (label) => label !== 'music');
  const report = probeSynthetic({ reference, synthetic, compare: synthetic.map((row) => ({ ...row })) }, { seed: 3 });
  const curve = report.learningCurve ?? [];
  // Each label names its own topic word: 25 real rows already beat synthetic rows that lack one label of four
  // (75% at most), so the curve stops there, beside the full fold's point, and they are worth fewer than 25.
  assert.deepEqual(curve.map((point) => point.rows), [25, Math.round((400 * 2) / 3)]);
  assert.equal(curve[1].accuracy, report.realOnly.accuracy);
  assert.ok(curve[0].accuracy > report.syntheticOnly.accuracy);
  assert.deepEqual(report.worthRealRows, { relation: 'fewerThan', estimate: 25, low: 0, high: 25, accuracy: report.syntheticOnly.accuracy });
  assert.equal(report.compare?.difference.points, 0);
  assert.equal(report.compare?.accuracy, report.syntheticOnly.accuracy);
  assert.deepEqual(report.compare?.worthRealRows, report.worthRealRows);
  assert.equal(probeSynthetic({ reference, synthetic }, { seed: 3, curve: false }).worthRealRows, undefined);
});
