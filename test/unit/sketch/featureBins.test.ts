import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureBin, featureBinCount, featureEdges } from '../../../src/core/sketch/featureBins';
import { summaryValues } from '../../../src/core/sketch/report';

test('edges are the distinct reference values; the last edge has a bin of its own', () => {
  const edges = featureEdges(Float64Array.of(1, 1, 1, 2, 4, 4));
  assert.deepEqual(edges, [1, 2, 4]);
  assert.equal(featureBinCount(edges), 5);
  assert.deepEqual([0, 1, 1.5, 2, 3.9, 4, 4.5, 9].map((v) => featureBin(edges, v)), [0, 1, 1, 2, 2, 3, 4, 4]);
  assert.equal(featureBin([], 3), 0);
});

test('a histogram piled on the reference top reads back as that value, not as a midpoint above it', () => {
  // Every real row has one sentence; the dataset has 90 rows of one and 10 of three.
  const edges = featureEdges(Float64Array.of(1, 1, 1));
  const values = summaryValues({ counts: [0, 90, 10], min: 1, max: 3 }, edges);
  assert.equal(values.length, 100);
  assert.equal(values.filter((v) => v === 1).length, 90);
  assert.equal(values[99], 2, 'values above the reference stand at the midpoint of its top and the largest');
});
