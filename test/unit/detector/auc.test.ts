import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { auc } from '../../../src/core/stats/auc';

/** The definition, pair by pair. */
function bruteForce(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    for (let j = 0; j < scores.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return pairs === 0 ? 0.5 : wins / pairs;
}

describe('auc', () => {
  it('matches known values', () => {
    assert.equal(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
    assert.equal(auc([1, 2, 3, 4], [0, 0, 1, 1]), 1);
    assert.equal(auc([1, 2, 3, 4], [1, 1, 0, 0]), 0);
    assert.equal(auc([1, 2, 3, 4], [true, false, true, false]), 0.25);
  });

  it('counts ties as one half', () => {
    assert.equal(auc([5, 5, 5, 5], [0, 1, 0, 1]), 0.5);
    assert.equal(auc([1, 2, 2, 3], [0, 0, 1, 1]), 0.875);
  });

  it('is 0.5 when a class is empty', () => {
    assert.equal(auc([], []), 0.5);
    assert.equal(auc([1, 2, 3], [1, 1, 1]), 0.5);
    assert.equal(auc([1, 2, 3], [0, 0, 0]), 0.5);
  });

  it('equals the pairwise definition, ties included', () => {
    const row = fc.record({ score: fc.integer({ min: 0, max: 6 }), label: fc.integer({ min: 0, max: 1 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const scores = rows.map((r) => r.score / 2);
        const labels = rows.map((r) => r.label);
        assert.ok(Math.abs(auc(scores, labels) - bruteForce(scores, labels)) < 1e-12);
      }),
    );
  });
});
