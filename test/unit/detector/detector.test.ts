import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SparseVector } from '../../../src/core/embed/types';
import type { DetectorInput } from '../../../src/core/gap/detector/types';
import { trainDetector } from '../../../src/core/gap/detector/train';
import { planFolds } from '../../../src/core/gap/detector/plan';
import { CancelledError } from '../../../src/core/host';
import { quantileSorted, sortedCopy } from '../../../src/core/stats/quantile';
import { seededRandom, shuffleInPlace } from '../../../src/core/stats/random';
import { bootstrapAuc } from '../../../src/core/stats/bootstrap';

/**
 * `real` rows then `synthetic` rows with two dense features (the first shifted by `shift` for synthetic rows)
 * and a sparse part of three words out of 200, where synthetic rows favour the first 20 words by `bias`.
 */
function input(real: number, synthetic: number, shift: number, bias: number, seed = 1): DetectorInput & { calls: () => number } {
  const random = seededRandom(seed);
  const count = real + synthetic;
  const isSynthetic = new Uint8Array(count).fill(1, real);
  const dense = new Float32Array(2 * count);
  const words: number[][] = [];
  for (let i = 0; i < count; i++) {
    dense[2 * i] = random() + random() + isSynthetic[i] * shift;
    dense[2 * i + 1] = 100 * random();
    words.push(Array.from({ length: 3 }, () => (isSynthetic[i] && random() < bias ? Math.floor(random() * 20) : Math.floor(random() * 200))));
  }
  let calls = 0;
  const sparse = (row: number): SparseVector => {
    calls++;
    const indices = Uint32Array.from(new Set(words[row])).sort();
    return { indices, values: new Float32Array(indices.length).fill(1 / Math.sqrt(indices.length)) };
  };
  return { count, isSynthetic, dense, denseDim: 2, sparse, sparseDim: 200, calls: () => calls };
}

function flagged(scores: Float64Array, real: number): number {
  const threshold = quantileSorted(sortedCopy(scores.subarray(0, real)), 0.95);
  return scores.subarray(real).filter((s) => s > threshold).length / (scores.length - real);
}

describe('trainDetector', () => {
  it('separates sides that differ, in both the dense and the sparse part', () => {
    const result = trainDetector(input(600, 600, 0.8, 0.5));
    assert.ok(result.auc > 0.8 && result.aucLow < result.auc && result.auc < result.aucHigh, `AUC ${result.auc}`);
    assert.ok(result.denseWeights[0] > 0.5 && Math.abs(result.denseWeights[1]) < 0.3, `dense ${result.denseWeights.join(', ')}`);
    const favoured = result.sparseWeights!.subarray(0, 20).reduce((a, b) => a + b, 0) / 20;
    const other = result.sparseWeights!.subarray(20).reduce((a, b) => a + b, 0) / 180;
    assert.ok(favoured > other, `sparse weights ${favoured} vs ${other}`);
    assert.equal(result.scores.length, 1200);
    assert.ok(result.scores.every((s) => s > 0 && s < 1));
  });

  it('sees chance and flags about 5% when the sides do not differ', () => {
    const result = trainDetector(input(1500, 1500, 0, 0, 2));
    assert.ok(result.aucLow <= 0.5 && result.aucHigh >= 0.5, `AUC ${result.auc} [${result.aucLow}, ${result.aucHigh}]`);
    const share = flagged(result.scores, 1500);
    assert.ok(share > 0.02 && share < 0.08, `flagged ${share}`);
  });

  it('widens a small set\'s interval by how far shuffled sides spread, and leaves a large set\'s as the bootstrap gives it', () => {
    // Rows in clusters of five near-copies (the same words), dealt at random to the two sides: a null whose
    // learned AUC spreads more than the row bootstrap sees.
    const clustered = (rows: number, seed: number): DetectorInput => {
      const random = seededRandom(seed);
      const cluster = Array.from({ length: rows }, (_, i) => Math.floor(i / 5));
      const isSynthetic = Uint8Array.from(shuffleInPlace(Array.from({ length: rows }, (_, i) => (i % 2 === 0 ? 1 : 0)), random));
      const words = Array.from({ length: Math.ceil(rows / 5) }, () => Uint32Array.from(new Set([0, 1, 2].map(() => Math.floor(random() * 500)))).sort());
      const sparse = (row: number): SparseVector => {
        const indices = words[cluster[row]];
        return { indices, values: new Float32Array(indices.length).fill(1 / Math.sqrt(indices.length)) };
      };
      return { count: rows, isSynthetic, dense: Float32Array.from({ length: rows }, () => random()), denseDim: 1, sparse, sparseDim: 500 };
    };
    const small = clustered(400, 3);
    const widened = trainDetector(small, { seed: 1 });
    const plain = bootstrapAuc(widened.scores, small.isSynthetic, { seed: 1 });
    assert.ok(widened.aucHigh - widened.aucLow > 1.1 * (plain.high - plain.low), `widened [${widened.aucLow}, ${widened.aucHigh}] vs bootstrap [${plain.low}, ${plain.high}]`);
    const large = clustered(3000, 4);
    const asIs = trainDetector(large, { seed: 1 });
    const bootstrap = bootstrapAuc(asIs.scores, large.isSynthetic, { seed: 1 });
    assert.deepEqual([asIs.aucLow, asIs.aucHigh], [bootstrap.low, bootstrap.high]);
  });

  it('standardizes with both classes weighted equally', () => {
    const result = trainDetector(input(100, 900, 1, 0, 3));
    assert.ok(Math.abs(result.denseMean[0] - 1.5) < 0.1, `mean ${result.denseMean[0]}`);
    assert.ok(Math.abs(result.denseMean[1] - 50) < 5 && Math.abs(result.denseStd[1] - 28.9) < 3);
  });

  it('trains on a sample of a large class and scores every other row once, with one calibration', () => {
    const data = input(400, 6000, 0.5, 0.3, 4);
    const result = trainDetector(data, { maxTrainPerClass: 1000, seed: 2 });
    assert.deepEqual(result.trainedOn, { real: 400, synthetic: 1000 });
    assert.equal(data.calls(), 6400);
    // Synthetic rows no model trained on score like the held-out synthetic training rows.
    const plan = planFolds(data.isSynthetic, data.count, 5, 1000, 2);
    const isTrain = new Uint8Array(data.count);
    for (const row of plan.trainRows) isTrain[row] = 1;
    const held: number[] = [];
    const unseen: number[] = [];
    for (let row = 400; row < data.count; row++) (isTrain[row] ? held : unseen).push(result.scores[row]);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    assert.equal(held.length, 1000);
    assert.ok(Math.abs(mean(held) - mean(unseen)) < 0.02, `held out ${mean(held)}, never trained on ${mean(unseen)}`);
    assert.ok(Math.abs(flagged(Float64Array.from([...result.scores.subarray(0, 400), ...held]), 400) - flagged(Float64Array.from([...result.scores.subarray(0, 400), ...unseen]), 400)) < 0.05);
  });

  it('gives identical scores for the same seed and different ones for another', () => {
    const a = trainDetector(input(300, 300, 0.5, 0.3, 5), { seed: 7 });
    const b = trainDetector(input(300, 300, 0.5, 0.3, 5), { seed: 7 });
    const c = trainDetector(input(300, 300, 0.5, 0.3, 5), { seed: 8 });
    assert.deepEqual(b.scores, a.scores);
    assert.deepEqual([b.auc, b.aucLow, b.aucHigh], [a.auc, a.aucLow, a.aucHigh]);
    assert.notDeepEqual(c.scores, a.scores);
  });

  it('scores a new row with the fold-averaged model, close to the out-of-fold scores', () => {
    const data = input(500, 500, 1, 0.5, 6);
    const result = trainDetector(data);
    let agree = 0;
    for (let row = 0; row < data.count; row++) {
      const score = result.score(data.dense, 2 * row, data.sparse!(row));
      if (Math.abs(score - result.scores[row]) < 0.25) agree++;
    }
    assert.ok(agree > 0.9 * data.count, `${agree} of ${data.count} within 0.25`);
    assert.ok(Math.abs(result.score(new Float32Array([1, 50]), 0) - 0.5) < 0.5);
  });

  it('reports progress to the end and stops when cancelled', () => {
    const seen: [number, number][] = [];
    trainDetector(input(100, 100, 0.5, 0.3), { onProgress: (done, total) => seen.push([done, total]) });
    assert.deepEqual(seen.at(-1), [seen[0][1], seen[0][1]]);
    assert.ok(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0]));
    const token = { isCancellationRequested: false };
    assert.throws(
      () => trainDetector(input(100, 100, 0.5, 0.3), { token, onProgress: () => (token.isCancellationRequested = true) }),
      CancelledError,
    );
  });

  it('learns nothing, and says chance, when a class has fewer than two rows', () => {
    const result = trainDetector(input(1, 50, 1, 0.5));
    assert.ok(result.scores.every((s) => s === 0.5));
    assert.deepEqual([result.auc, result.aucLow, result.aucHigh], [0.5, 0.5, 0.5]);
    assert.deepEqual(result.trainedOn, { real: 0, synthetic: 0 });
    assert.equal(result.score(new Float32Array([1, 2]), 0), 0.5);
  });

  it('treats a non-finite feature value as the mean, and clips outliers', () => {
    const data = input(200, 200, 1, 0, 7);
    data.dense[0] = NaN;
    data.dense[2] = 1e9;
    const result = trainDetector(data);
    assert.ok(result.scores.every(Number.isFinite));
    assert.ok(Number.isFinite(result.denseMean[0]) && result.denseClip > 0);
  });

  it('rejects sparse indices outside sparseDim', () => {
    const data = input(50, 50, 1, 0.5);
    assert.throws(() => trainDetector({ ...data, sparseDim: 10 }), RangeError);
  });
});
