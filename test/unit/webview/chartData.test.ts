import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distributionChartData } from '../../../webview-ui/src/charts/data/distribution';
import { diversityChartData } from '../../../webview-ui/src/charts/data/diversity';
import type { FeatureGap } from '../../../src/core/report/types';
import { fixtureReport } from '../report/fixtureReport';

const gaps = fixtureReport().datasets[0].gaps;
const gap = (feature: string): FeatureGap => {
  const found = gaps.find((g) => g.feature === feature);
  assert.ok(found, feature);
  return found;
};
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('distributionChartData', () => {
  it('puts both sides of a numeric feature on the real side\'s bins and one x domain', () => {
    const data = distributionChartData(gap('words'));
    assert.equal(data.kind, 'histogram');
    assert.equal(data.bins.length, 8);
    assert.deepEqual(data.xDomain, [0, 60]);
    assert.deepEqual(data.bins.map((b) => [b.x0, b.x1]).slice(0, 2), [[0, 5], [5, 10]]);
    assert.equal(data.bins[0].label, '0–5');
  });

  it('has shares that sum to 1 per side and a y maximum over both sides', () => {
    const data = distributionChartData(gap('words'));
    assert.ok(Math.abs(sum(data.bins.map((b) => b.real)) - 1) < 1e-9);
    assert.ok(Math.abs(sum(data.bins.map((b) => b.synthetic)) - 1) < 1e-9);
    assert.ok(data.yMax > 0);
  });

  it('shows a binary feature as two categories, without and with, on the same scale', () => {
    const data = distributionChartData(gap('stock-phrase'));
    assert.equal(data.kind, 'proportion');
    assert.deepEqual(data.bins.map((b) => b.label), ['no', 'yes']);
    assert.ok(Math.abs(data.bins[1].real - 0.04) < 1e-9);
    assert.ok(Math.abs(data.bins[1].synthetic - 0.35) < 1e-9);
    assert.deepEqual(data.xDomain, [0, 2]);
    assert.match(data.description, /4.0% of real rows and 35% of synthetic rows/);
  });

  it('draws wider bins lower so that area, not height, shows the share', () => {
    const data = distributionChartData(gap('words'));
    assert.equal(data.unitWidth, 5, 'most bins of words per row are 5 wide');
    const last = data.bins[7];
    assert.deepEqual([last.x0, last.x1], [40, 60]);
    assert.ok(Math.abs(last.realHeight - last.real / 4) < 1e-12);
    assert.equal(data.bins[0].realHeight, data.bins[0].real);
    assert.equal(data.yMax, Math.max(...data.bins.flatMap((b) => [b.realHeight, b.syntheticHeight])));
    assert.equal(distributionChartData(gap('exclamations')).unitWidth, 1);
    assert.equal(distributionChartData(gap('type-token')).unitWidth, undefined, 'equal bins need no scaling');
    assert.equal(distributionChartData(gap('stock-phrase')).unitWidth, undefined);
  });

  it('says the numbers in words for the aria-label', () => {
    const text = distributionChartData(gap('words')).description;
    assert.match(text, /^Words per row, share of rows per bin/);
    assert.match(text, /0–5: 12% real, 1.0% synthetic/);
  });

  it('normalizes shares that do not sum to 1 and treats broken ones as 0', () => {
    const broken: FeatureGap = { ...gap('words'), real: { ...gap('words').real, edges: [0, 1, 2], shares: [2, 6] }, synthetic: { ...gap('words').synthetic, edges: [0, 1, 2], shares: [NaN, -1] } };
    const data = distributionChartData(broken);
    assert.deepEqual(data.bins.map((b) => b.real), [0.25, 0.75]);
    assert.deepEqual(data.bins.map((b) => b.synthetic), [0, 0]);
  });

  it('gives no bins, a unit domain and yMax 0 for an empty distribution', () => {
    const empty: FeatureGap = { ...gap('words'), real: { edges: [], shares: [], mean: NaN, median: NaN }, synthetic: { edges: [], shares: [], mean: NaN, median: NaN } };
    const data = distributionChartData(empty);
    assert.deepEqual(data.bins, []);
    assert.deepEqual(data.xDomain, [0, 1]);
    assert.equal(data.yMax, 0);
    assert.match(data.description, /no distribution/);
  });
});

describe('diversityChartData', () => {
  it('pairs real and synthetic values of each measure on one scale of at least 1', () => {
    const data = diversityChartData(fixtureReport().datasets[0].diversity);
    assert.deepEqual(data.measures.map((m) => m.key), ['distinct1', 'distinct2', 'compressionRatio']);
    assert.deepEqual(data.measures.map((m) => [m.real, m.synthetic]), [[0.41, 0.18], [0.83, 0.47], [0.38, 0.21]]);
    assert.equal(data.xMax, 1);
    assert.match(data.description, /distinct-1\) 0\.41 real, 0\.18 synthetic/);
  });

  it('shows broken values as 0 and widens the scale past 1 when needed', () => {
    const diversity = fixtureReport().datasets[0].diversity;
    const data = diversityChartData({ ...diversity, real: { ...diversity.real, distinct1: NaN, compressionRatio: 1.4 } });
    assert.equal(data.measures[0].real, 0);
    assert.equal(data.xMax, 1.4);
  });
});
