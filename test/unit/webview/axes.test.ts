import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { percentFormat, tickCount, tickFormat } from '../../../webview-ui/src/charts/axes';

describe('axis ticks', () => {
  it('writes big numbers with SI prefixes, so a histogram of 6-digit values has short labels', () => {
    const ticks = [0, 50_000, 100_000, 150_000];
    assert.deepEqual(ticks.map(tickFormat(ticks)), ['0', '50k', '100k', '150k']);
  });

  it('gives small numbers only the decimals their step needs', () => {
    assert.deepEqual([0, 0.5, 1, 1.5].map(tickFormat([0, 0.5, 1, 1.5])), ['0', '0.5', '1', '1.5']);
    assert.deepEqual([0, 2000, 4000].map(tickFormat([0, 2000, 4000])), ['0', '2,000', '4,000']);
    assert.deepEqual([0, 0.1, 0.2].map(percentFormat([0, 0.1, 0.2])), ['0%', '10%', '20%']);
    assert.deepEqual([0, 0.005, 0.01].map(percentFormat([0, 0.005, 0.01])), ['0%', '0.5%', '1%']);
  });

  it('asks for fewer ticks on a narrower axis, never fewer than 2', () => {
    assert.equal(tickCount(480), 6);
    assert.equal(tickCount(200), 2);
    assert.equal(tickCount(40), 2);
    assert.equal(tickCount(2000, 7), 7);
  });
});
