import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeRows } from '../../../src/core/probe/probeRows';
import { predictRows, trainSoftmax } from '../../../src/core/probe/softmax';
import { labelledTexts } from './support';

test('learns separable labels: near 100% on unseen rows', () => {
  const { texts, labels } = labelledTexts(60, 8, 1);
  const all = Uint32Array.from(texts, (_, i) => i);
  const rows = probeRows(texts, labels, 8, all, { seed: 1, buckets: 1 << 12 });
  // Every fifth row is held out: 5 and 8 share no factor, so every label is in both parts.
  const train = all.filter((i) => i % 5 !== 0);
  const heldOut = all.filter((i) => i % 5 === 0);
  const model = trainSoftmax(rows, train, { seed: 3 });
  const predicted = predictRows(model, rows, heldOut);
  const right = predicted.filter((p, i) => p === labels[heldOut[i]]).length;
  assert.ok(right / heldOut.length >= 0.98, `${right} of ${heldOut.length}`);
  assert.equal(model.stride % 8, 0);
  assert.equal(model.epochs, 4, 'a small set gets the most passes');
});

test('same seed, same weights; unlabelled rows are skipped; no rows, class 0', () => {
  const { texts, labels } = labelledTexts(20, 3, 2);
  labels[0] = -1;
  const all = Uint32Array.from(texts, (_, i) => i);
  const rows = probeRows(texts, labels, 3, all, { seed: 1, buckets: 1 << 10 });
  assert.deepEqual(trainSoftmax(rows, all, { seed: 5 }).weights, trainSoftmax(rows, all, { seed: 5 }).weights);
  const empty = trainSoftmax(rows, new Uint32Array(0));
  assert.equal(empty.epochs, 0);
  assert.deepEqual([...predictRows(empty, rows, [1, 2])], [0, 0]);
});

test('style features add columns after the buckets', () => {
  const texts = ['Hello there!', 'hi', 'WHAT is this???'];
  const all = Uint32Array.of(0, 1, 2);
  const dictionary = new Set(['hello', 'there', 'hi', 'what', 'is', 'this']);
  const plain = probeRows(texts, Int32Array.of(0, 1, 0), 2, all, { buckets: 64 });
  const styled = probeRows(texts, Int32Array.of(0, 1, 0), 2, all, { buckets: 64, styleDictionary: dictionary });
  assert.equal(plain.columns, 64);
  assert.ok(styled.columns > 64);
  const { offsets, indices } = styled.sparse;
  assert.ok(indices[offsets[1] - 1] >= 64, 'the last entries of a row are style columns');
  assert.ok(Math.max(...plain.sparse.indices) < 64);
});
