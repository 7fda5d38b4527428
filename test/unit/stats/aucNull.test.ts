import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aucNullStd, widenInterval } from '../../../src/core/stats/aucNull';
import { auc } from '../../../src/core/stats/auc';
import { seededRandom } from '../../../src/core/stats/random';

test('the null spread of the AUC matches that of random scores', () => {
  assert.ok(Math.abs(aucNullStd(200, 200) - 0.02889) < 1e-4);
  assert.ok(Number.isNaN(aucNullStd(0, 10)));
  const random = seededRandom(9);
  const labels = Array.from({ length: 400 }, (_, i) => (i < 200 ? 1 : 0));
  const aucs = Array.from({ length: 400 }, () => auc(labels.map(() => random()), labels));
  const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const std = Math.sqrt(aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / (aucs.length - 1));
  assert.ok(Math.abs(std - aucNullStd(200, 200)) < 0.004, `simulated ${std}`);
});

test('an interval is stretched about its AUC, never narrowed, and stays in [0, 1]', () => {
  const widened = widenInterval({ auc: 0.56, low: 0.51, high: 0.61 }, 1.5);
  assert.ok(Math.abs(widened.low - 0.485) < 1e-12 && Math.abs(widened.high - 0.635) < 1e-12);
  assert.deepEqual(widenInterval({ auc: 0.56, low: 0.51, high: 0.61 }, 0.5), { auc: 0.56, low: 0.51, high: 0.61 });
  const clamped = widenInterval({ auc: 0.98, low: 0.95, high: 0.99 }, 3);
  assert.ok(Math.abs(clamped.low - 0.89) < 1e-12 && clamped.high === 1, JSON.stringify(clamped));
  assert.deepEqual(widenInterval({ auc: 0.6, low: 0.5, high: 0.7 }, NaN), { auc: 0.6, low: 0.5, high: 0.7 });
});
