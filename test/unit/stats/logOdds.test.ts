import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logOddsZ, pooledPrior } from '../../../src/core/stats/logOdds';

test('log-odds z with the pooled prior, worked by hand', () => {
  // 10 of 100 rows against 2 of 100; prior α0 = 200, α = 200 · 12/200 = 12.
  // δ = ln(22/278) − ln(14/286) = 0.480383; σ² = 1/22 + 1/278 + 1/14 + 1/286 = 0.123977; z = δ/σ = 1.364247.
  const { alpha, alpha0 } = pooledPrior(10, 100, 2, 100);
  assert.deepEqual({ alpha, alpha0 }, { alpha: 12, alpha0: 200 });
  assert.ok(Math.abs(logOddsZ(10, 100, 2, 100, alpha, alpha0) - 1.3642468099648497) < 1e-12);
});

test('log-odds z is antisymmetric, 0 for equal rates, 0 with no evidence', () => {
  assert.ok(Math.abs(logOddsZ(2, 100, 10, 100, 12, 200) + logOddsZ(10, 100, 2, 100, 12, 200)) < 1e-12);
  assert.ok(Math.abs(logOddsZ(5, 50, 10, 100, 1.5, 15)) < 1e-12);
  assert.equal(logOddsZ(0, 0, 0, 0, 0, 0), 0);
  assert.deepEqual(pooledPrior(0, 0, 0, 0), { alpha: 0, alpha0: 0 });
});

test('the prior shrinks rare events more than common ones at the same ratio', () => {
  const rare = logOddsZ(5, 1000, 1, 1000, ...priorOf(5, 1000, 1, 1000));
  const common = logOddsZ(500, 10000, 100, 10000, ...priorOf(500, 10000, 100, 10000));
  assert.ok(rare > 0 && rare < 2, `rare z ${rare}`);
  assert.ok(common > 8, `common z ${common}`);
});

function priorOf(a: number, na: number, b: number, nb: number): [number, number] {
  const { alpha, alpha0 } = pooledPrior(a, na, b, nb);
  return [alpha, alpha0];
}
