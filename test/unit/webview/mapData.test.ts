import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapChartData, nearestPoint } from '../../../webview-ui/src/charts/data/map';
import type { MapReport } from '../../../src/shared/panel';

const layout = { width: 200, height: 100, margin: 10 };
const point = (side: 'real' | 'synthetic', x: number, y: number, flagged?: boolean) => ({ side, x, y, file: 'f', line: 1, text: 't', ...(flagged === undefined ? {} : { flagged }) });
const map = (points: MapReport['points'], missing: MapReport['missing'] = []): MapReport => ({ method: 'pca', points, missing, realRows: 0, syntheticRows: 0, embedder: 'e' });

describe('mapChartData', () => {
  it('draws each class as one path: circles, squares and diamonds', () => {
    const data = mapChartData(map([point('real', 0, 0), point('real', 1, 1), point('synthetic', 0.5, 0.5), point('synthetic', 1, 0, true)]), layout);
    assert.equal(data.paths.real.match(/M/g)?.length, 2);
    assert.equal(data.paths.synthetic.match(/M/g)?.length, 1);
    assert.equal(data.paths.flagged.match(/M/g)?.length, 1);
    assert.deepEqual(data.counts, { real: 2, synthetic: 2, flagged: 1 });
    assert.match(data.description, /2 real and 2 synthetic rows \(PCA projection\), 1 flagged/);
  });

  it('uses one scale for both axes, inside the margins, with y up', () => {
    const data = mapChartData(map([point('real', -1, -1), point('real', 1, 1)]), layout);
    const [low, high] = data.placed;
    // 80 px tall inner box decides the scale: 2 units → 80 px on both axes, centred across.
    assert.deepEqual([low.px, low.py], [60, 90]);
    assert.deepEqual([high.px, high.py], [140, 10]);
  });

  it('scales missing regions with the points and keeps them visible', () => {
    const data = mapChartData(map([point('real', -1, -1), point('real', 1, 1)], [{ cluster: 7, x: 0, y: 0, radius: 0.01 }]), layout);
    assert.equal(data.regions[0].cluster, 7);
    assert.deepEqual([data.regions[0].cx, data.regions[0].cy], [100, 50]);
    assert.equal(data.regions[0].r, 6, 'never smaller than 6 px');
  });

  it('leaves out points without finite coordinates and handles an empty map', () => {
    assert.equal(mapChartData(map([point('real', NaN, 0), point('real', 0, 0)]), layout).placed.length, 1);
    const empty = mapChartData(map([]), layout);
    assert.deepEqual(empty.paths, { real: '', synthetic: '', flagged: '' });
    assert.deepEqual(empty.counts, { real: 0, synthetic: 0, flagged: 0 });
  });

  it('finds the nearest point within a radius', () => {
    const data = mapChartData(map([point('real', -1, -1), point('real', 1, 1)]), layout);
    assert.equal(nearestPoint(data.placed, 62, 88, 8), data.placed[0]);
    assert.equal(nearestPoint(data.placed, 100, 50, 8), undefined);
  });
});
