import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageReport } from '../../../src/core/gap/coverage';
import { sideOf } from './testEmbedding';
import { topicRows } from './textGen';

const common = ['delivery', 'card', 'travel', 'music', 'weather', 'cooking'];

test('finds a real topic the synthetic rows leave out, and a synthetic topic with no real rows', () => {
  const real = topicRows([...common, 'refund'], 1400, 1);
  const synthetic = topicRows([...common, 'mars'], 1400, 2);
  const report = coverageReport(sideOf(real.texts, { labels: real.labels }), sideOf(synthetic.texts, { labels: synthetic.labels }), { seed: 1 });
  assert.ok(report.clusters >= 2);
  // k-means may split a topic over several clusters; every missing cluster is refund, and together they hold it.
  assert.ok(report.missing.length >= 1 && report.missing.every((c) => c.label === 'refund'), JSON.stringify(report.missing));
  const share = (clusters: { realShare: number; syntheticShare: number }[], side: 'realShare' | 'syntheticShare') => clusters.reduce((sum, c) => sum + c[side], 0);
  assert.ok(share(report.missing, 'realShare') > 0.12 && share(report.missing, 'syntheticShare') < 0.01);
  const missing = report.missing[0];
  assert.equal(missing.examples.length, 5);
  assert.ok(missing.examples.every((text, i) => real.texts[missing.exampleLines[i] - 1] === text && real.labels[missing.exampleLines[i] - 1] === 'refund'));
  assert.ok(report.syntheticOnly.length >= 1 && report.syntheticOnly.every((c) => c.label === 'mars'), JSON.stringify(report.syntheticOnly));
  assert.ok(share(report.syntheticOnly, 'syntheticShare') > 0.12 && share(report.syntheticOnly, 'realShare') < 0.01);
  assert.ok(report.syntheticOnly.every((c) => c.id >= report.clusters));
  assert.match(report.sentence, /^\d+ of \d+ real topics? ha(s|ve) few synthetic rows \(largest: refund, e\.g\. “/);
  assert.match(report.sentence, /\d+ synthetic topics? ha(s|ve) no real rows near \(largest: mars/);
});

test('two samples of one source: nothing missing, nothing new', () => {
  const a = topicRows([...common, 'refund'], 1400, 3);
  const b = topicRows([...common, 'refund'], 1000, 4);
  const report = coverageReport(sideOf(a.texts, { labels: a.labels }), sideOf(b.texts, { labels: b.labels }), { seed: 2 });
  assert.deepEqual(report.missing, []);
  assert.deepEqual(report.syntheticOnly, []);
  assert.match(report.sentence, /^Synthetic rows cover the real topics/);
});

test('coverage is deterministic and handles tiny input', () => {
  const a = topicRows(common, 300, 5);
  const b = topicRows(common.slice(0, 3), 300, 6);
  const first = coverageReport(sideOf(a.texts), sideOf(b.texts), { seed: 4 });
  assert.deepEqual(first, coverageReport(sideOf(a.texts), sideOf(b.texts), { seed: 4 }));
  assert.ok(first.missing.length >= 1);
  assert.equal(coverageReport(sideOf(['one']), sideOf(b.texts)).clusters, 0);
});
