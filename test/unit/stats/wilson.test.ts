import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval } from '../../../src/core/stats/wilson';

test('the Wilson interval matches the textbook values and stays inside 0..1', () => {
  // R: prop.test(84, 100, correct = FALSE)$conf.int gives 0.7558 to 0.8990.
  const { low, high } = wilsonInterval(84, 100);
  assert.ok(Math.abs(low - 0.7558) < 1e-4 && Math.abs(high - 0.899) < 1e-4, `${low} ${high}`);
  const none = wilsonInterval(0, 10);
  assert.equal(none.low, 0);
  assert.ok(none.high > 0.27 && none.high < 0.28, 'no successes still leaves room above 0');
  const all = wilsonInterval(10, 10);
  assert.ok(all.high <= 1 && all.low > 0.72 && all.low < 0.73);
  assert.deepEqual(wilsonInterval(0, 0), { low: NaN, high: NaN });
});
