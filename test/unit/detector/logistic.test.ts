import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainLogistic } from '../../../src/core/gap/logistic';
import type { LogisticRows } from '../../../src/core/gap/logisticRows';
import { rowDot, sigmoid } from '../../../src/core/gap/logisticRows';
import { seededRandom } from '../../../src/core/stats/random';

/** `n` rows: two dense features (the first shifted by `shift` for positives) and one sparse feature per row out of `vocabulary`. */
function rows(n: number, shift: number, seed: number, positives = n / 2, vocabulary = 50): LogisticRows {
  const random = seededRandom(seed);
  const labels = new Uint8Array(n).fill(1, n - positives);
  const dense = new Float32Array(2 * n);
  const offsets = new Float64Array(n + 1);
  const indices = new Uint32Array(n);
  const values = new Float32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    dense[2 * i] = random() * 2 - 1 + labels[i] * shift;
    dense[2 * i + 1] = random() * 2 - 1;
    indices[i] = Math.floor(random() * vocabulary);
    offsets[i + 1] = i + 1;
  }
  return { count: n, labels, dense, denseDim: 2, sparse: { offsets, indices, values }, sparseDim: vocabulary };
}

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('trainLogistic', () => {
  it('reaches the optimum of the regularized, class-weighted objective', () => {
    const data = rows(400, 1, 1, 100);
    const c = 1;
    const model = trainLogistic(data, all(400), { c, tolerance: 1e-4, maxEpochs: 1000 });
    assert.ok(model.converged);
    // Gradient of ½‖w‖² + Σ Cᵢ log(1 + exp(−yᵢ w·xᵢ)) with the intercept as a feature of value 1.
    const gradient = Float64Array.from(model.weights);
    const upper = [(c * 400) / (2 * 300), (c * 400) / (2 * 100)];
    for (let i = 0; i < 400; i++) {
      const y = data.labels[i] === 1 ? 1 : -1;
      const g = -y * upper[data.labels[i]] * sigmoid(-y * rowDot(model.weights, data, i));
      gradient[data.sparse!.indices[i]] += g;
      gradient[50] += g * data.dense[2 * i];
      gradient[51] += g * data.dense[2 * i + 1];
      gradient[52] += g;
    }
    const norm = Math.hypot(...gradient);
    assert.ok(norm < 1e-2, `gradient norm ${norm}`);
    assert.ok(model.dense[0] > 1 && Math.abs(model.dense[1]) < 0.5, `dense weights ${model.dense.join(', ')}`);
  });

  it('weighs the classes equally, so a minority class is not ignored', () => {
    const model = trainLogistic(rows(2000, 0.5, 2, 100), all(2000));
    let positiveMean = 0;
    const data = rows(2000, 0.5, 2, 100);
    for (let i = 1900; i < 2000; i++) positiveMean += sigmoid(rowDot(model.weights, data, i)) / 100;
    assert.ok(positiveMean > 0.5, `mean score of the minority ${positiveMean}`);
  });

  it('trains on the subset only, deterministically for a seed', () => {
    const data = rows(300, 1, 3);
    const subset = all(300).filter((i) => i % 3 !== 0);
    const first = trainLogistic(data, subset, { seed: 4 });
    assert.deepEqual(trainLogistic(data, subset, { seed: 4 }).weights, first.weights);
    assert.notDeepEqual(trainLogistic(data, all(300), { seed: 4 }).weights, first.weights);
  });

  it('learns nothing from a subset with one class', () => {
    const model = trainLogistic(rows(100, 1, 5), all(50));
    assert.ok(model.weights.every((w) => w === 0));
    assert.equal(model.converged, false);
  });

  it('works with no sparse part and no dense part', () => {
    const data = rows(200, 2, 6);
    const denseOnly = trainLogistic({ ...data, sparse: undefined, sparseDim: 0 }, all(200));
    assert.equal(denseOnly.weights.length, 3);
    assert.ok(denseOnly.dense[0] > 1);
    const sparseOnly = trainLogistic({ ...data, dense: new Float32Array(0), denseDim: 0 }, all(200));
    assert.equal(sparseOnly.weights.length, 51);
  });
});

describe('sigmoid', () => {
  it('is stable at the extremes', () => {
    assert.equal(sigmoid(0), 0.5);
    assert.equal(sigmoid(1000), 1);
    assert.equal(sigmoid(-1000), 0);
    assert.ok(Math.abs(sigmoid(2) + sigmoid(-2) - 1) < 1e-15);
  });
});
