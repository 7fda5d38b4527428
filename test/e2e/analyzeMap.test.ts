import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { analyze, type AnalyzeOptions } from '../../src/core/gap/analyze';
import { truncate } from '../../src/core/exporters/format';
import { topicRows } from '../unit/gap/textGen';

const common = ['delivery', 'card', 'travel', 'music', 'weather', 'cooking'];
const real = topicRows([...common, 'refund'], 900, 1);
const synthetic = topicRows(common, 700, 2);
// A long row: the map carries at most 160 characters of it.
real.texts[0] = `${real.texts[0]} ${'and then some more words '.repeat(12)}`;

function jsonl(texts: readonly string[], labels: readonly string[]): string {
  return texts.map((text, i) => JSON.stringify({ text, label: labels[i] })).join('\n');
}

async function run(map: AnalyzeOptions['map'], seed = 3) {
  return analyze(
    {
      reference: [{ file: 'real.jsonl', data: await readDataset(jsonl(real.texts, real.labels), { format: 'jsonl' }) }],
      datasets: [{ file: 'synthetic.jsonl', data: await readDataset(jsonl(synthetic.texts, synthetic.labels), { format: 'jsonl' }) }],
    },
    { dictionary: new Set(), seed, ...(map === undefined ? {} : { map }) },
  );
}

test('the map holds both sides with their texts, files and lines, and circles the missing clusters', async () => {
  const [dataset] = (await run({ method: 'pca' })).datasets;
  const map = dataset.map;
  assert.ok(map);
  assert.equal(map.method, 'pca');
  assert.equal(map.realRows, 900);
  assert.equal(map.syntheticRows, 700);
  assert.match(map.embedder, /^hashed-tfidf-/);
  const realPoints = map.points.filter((p) => p.side === 'real');
  const syntheticPoints = map.points.filter((p) => p.side === 'synthetic');
  assert.equal(realPoints.length, 900);
  assert.equal(syntheticPoints.length, 700);
  for (const p of realPoints) {
    assert.equal(p.file, 'real.jsonl');
    assert.equal(p.label, real.labels[p.line - 1]);
    assert.equal(p.flagged, undefined);
    assert.equal(p.text, truncate(real.texts[p.line - 1], 160));
  }
  const long = realPoints.find((p) => p.line === 1)?.text ?? '';
  assert.ok(long.length <= 160 && long.endsWith('…') && real.texts[0].startsWith(long.slice(0, -1)), long);
  for (const p of syntheticPoints) {
    assert.equal(p.file, 'synthetic.jsonl');
    assert.equal(p.text, synthetic.texts[p.line - 1]);
    assert.equal(p.flagged, dataset.rows[p.line - 1].flagged);
  }
  for (const p of map.points) assert.ok(Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1);

  const missingIds = dataset.coverage.missing.map((c) => c.id);
  assert.ok(missingIds.length >= 1, dataset.coverage.sentence);
  assert.deepEqual(map.missing.map((r) => r.cluster), missingIds);
  // Two axes cannot keep seven topics apart, so a circle holds other rows too; it holds far more refund rows than chance.
  const refundShare = realPoints.filter((p) => p.label === 'refund').length / realPoints.length;
  for (const region of map.missing) {
    assert.ok(region.radius > 0);
    const inside = realPoints.filter((p) => Math.hypot(p.x - region.x, p.y - region.y) <= region.radius);
    const refund = inside.filter((p) => p.label === 'refund').length;
    assert.ok(refund / inside.length > 2 * refundShare, `${refund} of ${inside.length} real points in the circle are refund rows`);
  }
});

test('the map is the same for the same seed, rests on a sample when asked, is off by default and changes nothing else', async () => {
  const first = (await run({ method: 'pca', maxRowsPerSide: 200 })).datasets[0].map;
  assert.deepEqual(first, (await run({ method: 'pca', maxRowsPerSide: 200 })).datasets[0].map);
  assert.equal(first?.points.length, 400);
  assert.equal(first?.realRows, 200);
  const without = await run(undefined);
  assert.equal(without.datasets[0].map, undefined);
  assert.equal((await run(false)).datasets[0].map, undefined);
  // Drawing the map changes no other figure of the report.
  const withMap = await run({ method: 'pca', maxRowsPerSide: 200 });
  assert.deepEqual({ ...withMap, datasets: withMap.datasets.map(({ map: _map, ...rest }) => rest) }, without);
});

test('a UMAP map carries its method and both sides', async () => {
  const map = (await run({ method: 'umap', maxRowsPerSide: 150 })).datasets[0].map;
  assert.equal(map?.method, 'umap');
  assert.equal(map?.points.length, 300);
});
