import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crossingRows, curveSizes, nonDecreasing } from '../../../src/core/probe/crossing';
import { learningCurve, nestedOrder } from '../../../src/core/probe/learningCurve';
import { seededRandom } from '../../../src/core/stats/random';
import { worthRealRows, type WorthRealRows } from '../../../src/core/probe/worth';
import { roundRows, worthSentence } from '../../../src/core/probe/format';

const close = (actual: number, expected: number, tolerance = 1e-9) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

describe('crossingRows', () => {
  test('interpolates in log(rows) between the two sizes around the target', () => {
    const crossing = crossingRows([100, 200, 400], [0.5, 0.6, 0.7], 0.65);
    assert.equal(crossing.relation, 'about');
    close(crossing.rows, Math.sqrt(200 * 400)); // halfway on a log axis
    close(crossingRows([100, 200, 400], [0.5, 0.6, 0.7], 0.6).rows, 200);
    close(crossingRows([100, 200, 400], [0.5, 0.6, 0.7], 0.5).rows, 100);
  });

  test('a target above the whole curve is worth at least its largest size; below its start, fewer than the smallest', () => {
    assert.deepEqual(crossingRows([25, 50, 100], [0.2, 0.4, 0.6], 0.9), { relation: 'atLeast', rows: 100 });
    assert.deepEqual(crossingRows([25, 50, 100], [0.2, 0.4, 0.6], 0.1), { relation: 'fewerThan', rows: 25 });
  });

  test('a dip from one noisy sample does not make a second, earlier crossing', () => {
    // Raw, the curve passes 0.55 at 200 then falls back below it at 400; made non-decreasing, it crosses once.
    const crossing = crossingRows([100, 200, 400, 800], [0.5, 0.56, 0.54, 0.7], 0.6);
    assert.equal(crossing.relation, 'about');
    assert.ok(crossing.rows > 400 && crossing.rows < 800, String(crossing.rows));
  });

  test('a flat curve at the target crosses at its first point; no sizes or a NaN target give NaN', () => {
    assert.deepEqual(crossingRows([25, 50], [0.5, 0.5], 0.5), { relation: 'about', rows: 25 });
    assert.ok(Number.isNaN(crossingRows([], [], 0.5).rows));
    assert.ok(Number.isNaN(crossingRows([25], [0.5], NaN).rows));
  });
});

test('nonDecreasing pools adjacent violators', () => {
  assert.deepEqual(nonDecreasing([1, 3, 2, 4]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(nonDecreasing([3, 2, 1]), [2, 2, 2]);
  assert.deepEqual(nonDecreasing([]), []);
});

test('curveSizes doubles from 25 and ends at the full size', () => {
  assert.deepEqual(curveSizes(300), [25, 50, 100, 200, 300]);
  assert.deepEqual(curveSizes(200), [25, 50, 100, 200]);
  assert.deepEqual(curveSizes(10), [10]);
  assert.deepEqual(curveSizes(0), []);
});

test('nestedOrder: every prefix holds each label in about its share', () => {
  const labels = Int32Array.from({ length: 400 }, (_, i) => (i < 300 ? i % 3 : 3)); // 100 each of 0–3
  const order = nestedOrder(Uint32Array.from({ length: 400 }, (_, i) => i), labels, seededRandom(1));
  assert.equal(new Set(order).size, 400);
  for (const prefix of [4, 40, 200]) {
    const counts = [0, 0, 0, 0];
    for (const row of order.subarray(0, prefix)) counts[labels[row]]++;
    assert.ok(counts.every((count) => Math.abs(count - prefix / 4) <= 1), `${prefix}: ${counts.join(',')}`);
  }
});

describe('worthRealRows', () => {
  /** Runs whose accuracy at each size is exactly `curve` (the first rows right), one split, two repeats. */
  const runsFor = (sizes: number[], curve: number[], n = 1000) => ({
    sizes,
    hits: curve.map((accuracy) => [0, 1].map(() => Uint8Array.from({ length: n }, (_, i) => (i < accuracy * n ? 1 : 0)))),
    splitOf: new Int32Array(n),
    repeats: 2,
  });
  const targetOf = (accuracy: number, n = 1000) => Uint8Array.from({ length: n }, (_, i) => (i < accuracy * n ? 1 : 0));

  test('reads the crossing off the curve, with an interval around it', () => {
    const { worth, curve } = worthRealRows(runsFor([100, 200, 400, 800], [0.5, 0.6, 0.7, 0.8]), targetOf(0.65), 1);
    assert.equal(worth.relation, 'about');
    assert.equal(worth.estimate, Math.round(Math.sqrt(200 * 400)));
    assert.ok(worth.low < worth.estimate && (worth.high as number) > worth.estimate, JSON.stringify(worth));
    assert.ok(worth.low >= 200 && (worth.high as number) <= 400, JSON.stringify(worth));
    close(worth.accuracy, 0.65);
    assert.deepEqual(curve.map((p) => p.rows), [100, 200, 400, 800]);
    assert.ok(curve.every((p) => p.low <= p.accuracy && p.accuracy <= p.high));
  });

  test('synthetic rows better than the whole curve: at least the largest size, no upper end', () => {
    const { worth } = worthRealRows(runsFor([100, 200, 400], [0.5, 0.6, 0.7]), targetOf(0.9), 1);
    assert.deepEqual([worth.relation, worth.estimate, worth.high], ['atLeast', 400, null]);
    assert.ok(worth.low >= 200, JSON.stringify(worth));
  });

  test('worse than the smallest sample: fewer than it, and the interval starts at 0', () => {
    const { worth } = worthRealRows(runsFor([25, 50, 100], [0.5, 0.6, 0.7]), targetOf(0.2), 1);
    assert.deepEqual([worth.relation, worth.estimate, worth.low], ['fewerThan', 25, 0]);
  });

  test('the same input and seed give the same answer', () => {
    const a = worthRealRows(runsFor([100, 200, 400], [0.5, 0.6, 0.7]), targetOf(0.62), 3);
    const b = worthRealRows(runsFor([100, 200, 400], [0.5, 0.6, 0.7]), targetOf(0.62), 3);
    assert.deepEqual(a, b);
  });
});

describe('worth in words', () => {
  const curve = [25, 50, 100, 10_000].map((rows) => ({ rows, accuracy: 0.5, low: 0.4, high: 0.6 }));
  const added = { points: 1.23, low: -0.14, high: 2.5 };
  const report = (worth: WorthRealRows) => ({ worthRealRows: worth, learningCurve: curve, trained: { real: 2000, synthetic: 10_000 }, added, evaluation: 'test-set' as const });

  test('about N, rounded to two figures, with what the rows add to the real ones', () => {
    assert.equal(
      worthSentence(report({ relation: 'about', estimate: 352, low: 298, high: 1437, accuracy: 0.8 })),
      'Your 10,000 synthetic rows train about as well as 350 real rows (95% interval 300 to 1,400); added to your 2,000 real rows they add +1.2 points (95% interval -0.1 to +2.5).',
    );
  });

  test('at least the largest sample, or fewer than the smallest, with open interval ends', () => {
    assert.match(worthSentence(report({ relation: 'atLeast', estimate: 10_000, low: 4200, high: null, accuracy: 0.9 })) ?? '', /train better than 10,000 real rows do, the most a model here was trained on: worth at least 10,000 real rows \(95% interval 4,200 to more than 10,000\)/);
    assert.match(worthSentence(report({ relation: 'fewerThan', estimate: 25, low: 0, high: 31, accuracy: 0.1 })) ?? '', /train less well than 25 real rows: worth fewer than 25 real rows \(95% interval fewer than 25 to 31\)/);
    assert.match(worthSentence(report({ relation: 'fewerThan', estimate: 25, low: 0, high: 25, accuracy: 0.1 })) ?? '', /train less well than 25 real rows: worth fewer than 25 real rows; added/);
    assert.match(worthSentence(report({ relation: 'atLeast', estimate: 10_000, low: 10_000, high: null, accuracy: 0.9 })) ?? '', /worth at least 10,000 real rows; added/);
    assert.equal(worthSentence({ ...report({ relation: 'about', estimate: 50, low: 40, high: 60, accuracy: 0.5 }), learningCurve: undefined }), undefined);
  });

  test('roundRows keeps two significant figures from 100 on', () => {
    assert.deepEqual([47, 352, 1437, 15_049].map(roundRows), [47, 350, 1400, 15_000]);
  });
});

describe('learningCurve', () => {
  // 200 tested rows of one split; a model on `size` rows gets the first min(size, 150) rows right (75% at most).
  const labels = new Int32Array(400);
  const truth = new Int32Array(200);
  const fit = (subset: Uint32Array) => (which: ArrayLike<number>) => Int32Array.from(which, (_, i) => (i < Math.min(subset.length, 150) ? 0 : 1));
  const split = { train: Uint32Array.from({ length: 200 }, (_, i) => 200 + i), inside: Uint32Array.from({ length: 200 }, (_, i) => i), positions: Uint32Array.from({ length: 200 }, (_, i) => i) };
  const full = new Int32Array(200).fill(0); // the real-only model on all 200 training rows: all right

  test('stops at the first size every run beats the target, then adds the full pool\'s point', () => {
    const target = Uint8Array.from({ length: 200 }, (_, i) => (i < 60 ? 1 : 0)); // 30%
    const runs = learningCurve([split], { labels, truth, repeats: 2, target, full, seed: 1, fit });
    assert.deepEqual(runs.sizes, [25, 50, 100, 200]);
    assert.deepEqual(runs.hits.map((atSize) => atSize[0].reduce((sum, hit) => sum + hit, 0)), [25, 50, 100, 200]);
    assert.equal(runs.hits[0].length, 2);
    const { worth } = worthRealRows(runs, target, 1);
    assert.equal(worth.relation, 'about');
    assert.ok(worth.estimate > 50 && worth.estimate < 100, JSON.stringify(worth));
  });

  test('a target no sample reaches: every size is trained, and the answer is at least the full pool', () => {
    const target = Uint8Array.from({ length: 200 }, (_, i) => (i < 199 ? 1 : 0));
    const runs = learningCurve([split], { labels, truth, repeats: 1, target, full, seed: 1, fit });
    assert.deepEqual(runs.sizes, [25, 50, 100, 200]);
    assert.equal(worthRealRows(runs, target, 1).worth.relation, 'about'); // the full model (all right) reaches it
    const unreachable = learningCurve([split], { labels, truth, repeats: 1, target, full: new Int32Array(200).fill(1), seed: 1, fit });
    assert.deepEqual(worthRealRows(unreachable, target, 1).worth.relation, 'atLeast');
  });
});
