import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SideRows } from '../../../src/core/gap/sideRows';
import { embeddedAll } from '../../support/embeddedSample';
import { UNCOVERED_QUANTILE, uncoveredShare } from '../../../src/core/gap/uncovered';
import { seededRandom } from '../../../src/core/stats/random';

const DIM = 16;

/** `n` unit vectors scattered around the first `topics` of DIM axis directions (one topic per axis), seeded. */
function side(n: number, topics: number, seed: number): SideRows {
  const random = seededRandom(seed);
  const vectors = Array.from({ length: n }, (_, i) => {
    const v = new Float32Array(DIM);
    for (let j = 0; j < DIM; j++) v[j] = 0.25 * (random() - 0.5);
    v[i % topics] += 1;
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  return { texts: vectors.map((_, i) => `row ${i}`), rows: vectors.map((_, i) => ({ line: i + 1 })), embedded: embeddedAll(vectors) };
}

describe('uncoveredShare', () => {
  test('random draws of one distribution: about the share expected by chance', () => {
    const found = uncoveredShare(side(1200, 8, 1), side(600, 8, 2), 42);
    assert.ok(found);
    assert.equal(found.expected, UNCOVERED_QUANTILE);
    assert.equal(found.rows, 600);
    assert.ok(Math.abs(found.share - UNCOVERED_QUANTILE) < 0.05, `${found.share}`);
  });

  test('synthetic rows on half the topics: the real rows of the other half have no close synthetic row', () => {
    const found = uncoveredShare(side(1200, 8, 1), side(600, 4, 2), 42);
    assert.ok(found && found.share > 0.45, `${found?.share}`);
  });

  test('too few rows to measure: undefined; the same seed gives the same share', () => {
    assert.equal(uncoveredShare(side(30, 2, 1), side(300, 2, 2), 1), undefined);
    assert.deepEqual(uncoveredShare(side(400, 4, 1), side(300, 2, 2), 7), uncoveredShare(side(400, 4, 1), side(300, 2, 2), 7));
  });
});
