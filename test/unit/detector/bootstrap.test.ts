import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auc } from '../../../src/core/stats/auc';
import { bootstrapAuc } from '../../../src/core/stats/bootstrap';
import { poisson } from '../../../src/core/stats/bootstrapPoisson';
import { meanVariance } from '../../../src/core/stats/summary';
import { seededRandom } from '../../../src/core/stats/random';

/** `n` rows per class; positives score `shift` higher on average, some scores rounded into ties. */
function scored(n: number, shift: number, seed: number): { scores: Float64Array; labels: Uint8Array } {
  const random = seededRandom(seed);
  const scores = new Float64Array(2 * n);
  const labels = new Uint8Array(2 * n).fill(1, n);
  for (let i = 0; i < 2 * n; i++) scores[i] = Math.round((random() + random() + (labels[i] ? shift : 0)) * 50) / 50;
  return { scores, labels };
}

describe('bootstrapAuc', () => {
  it('reports the AUC of the data and an interval around it', () => {
    const { scores, labels } = scored(500, 0.3, 1);
    const result = bootstrapAuc(scores, labels, { seed: 3 });
    assert.equal(result.auc, auc(scores, labels));
    assert.ok(result.low < result.auc && result.auc < result.high, JSON.stringify(result));
    assert.ok(result.high - result.low < 0.1);
  });

  it('narrows as the rows grow', () => {
    const width = (n: number) => {
      const { scores, labels } = scored(n, 0.3, 2);
      const result = bootstrapAuc(scores, labels, { seed: 1 });
      return result.high - result.low;
    };
    const small = width(100);
    const large = width(10_000);
    assert.ok(large < small / 5, `width ${small} at 100 rows, ${large} at 10,000`);
  });

  it('covers the truth about 95% of the time', () => {
    // The true AUC of a 0.3 shift between two sums of two uniforms, from 200,000 rows a side.
    const population = scored(200_000, 0.3, 99);
    const truth = auc(population.scores, population.labels);
    let covered = 0;
    for (let trial = 0; trial < 40; trial++) {
      const { scores, labels } = scored(300, 0.3, 1000 + trial);
      const result = bootstrapAuc(scores, labels, { seed: trial, replicates: 100 });
      if (result.low <= truth && truth <= result.high) covered++;
    }
    assert.ok(covered >= 33, `covered ${covered} of 40`);
  });

  it('is deterministic for a seed', () => {
    const { scores, labels } = scored(300, 0.1, 4);
    assert.deepEqual(bootstrapAuc(scores, labels, { seed: 9 }), bootstrapAuc(scores, labels, { seed: 9 }));
    assert.notDeepEqual(bootstrapAuc(scores, labels, { seed: 9 }), bootstrapAuc(scores, labels, { seed: 10 }));
  });

  it('stays fast with a million rows of one class', () => {
    const n = 1_000_000;
    const random = seededRandom(5);
    const scores = new Float64Array(n + 10_000);
    const labels = new Uint8Array(n + 10_000).fill(1, 10_000);
    for (let i = 0; i < scores.length; i++) scores[i] = random() + (labels[i] ? 0.2 : 0);
    const start = performance.now();
    const result = bootstrapAuc(scores, labels);
    assert.ok(result.low < result.auc && result.auc < result.high);
    assert.ok(performance.now() - start < 5000, `${performance.now() - start} ms`);
  });

  it('gives 0.5 for an empty class and a point without replicates', () => {
    assert.deepEqual(bootstrapAuc([1, 2], [1, 1]), { auc: 0.5, low: 0.5, high: 0.5 });
    assert.deepEqual(bootstrapAuc([], []), { auc: 0.5, low: 0.5, high: 0.5 });
    assert.deepEqual(bootstrapAuc([1, 2], [0, 1], { replicates: 0 }), { auc: 1, low: 1, high: 1 });
  });
});

describe('poisson', () => {
  it('has mean and variance equal to its mean, small or large', () => {
    for (const mean of [0.5, 1, 3, 12, 80, 5000]) {
      const random = seededRandom(Math.round(mean * 7));
      const draws = Float64Array.from({ length: 20_000 }, () => poisson(mean, random));
      const summary = meanVariance(draws);
      const tolerance = 5 * Math.sqrt(mean / draws.length);
      assert.ok(Math.abs(summary.mean - mean) < tolerance, `mean ${summary.mean} for ${mean}`);
      assert.ok(Math.abs(summary.variance / mean - 1) < 0.06, `variance ${summary.variance} for ${mean}`);
      assert.ok(draws.every((k) => Number.isInteger(k) && k >= 0));
    }
  });

  it('draws 0 for a mean of 0', () => {
    assert.equal(poisson(0, seededRandom(1)), 0);
  });
});
