import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { analyze } from '../../../src/core/gap/analyze';
import type { ProgressEvent } from '../../../src/core/host';

const dictionary = new Set(['where', 'is', 'my', 'package', 'card', 'the', 'i', 'would', 'like', 'to', 'know', 'status', 'of', 'order', 'please', 'help', 'me', 'with', 'a', 'refund']);

function jsonl(texts: string[]): string {
  return texts.map((text, i) => JSON.stringify({ text, label: i % 2 ? 'refund' : 'status' })).join('\n');
}

const realTexts = Array.from({ length: 120 }, (_, i) => ['wtf where is my package', 'refund pls', 'my card isnt here??', 'help me with a refund'][i % 4] + ` ${i}`);
const syntheticTexts = Array.from({ length: 120 }, (_, i) => ['I would like to know the status of my order.', 'Could you please help me with a refund?', 'Kindly assist me with my card.'][i % 3] + ` (${i})`);

async function run(seed = 1, real = realTexts, synthetic = syntheticTexts, onProgress?: (event: ProgressEvent) => void) {
  return analyze(
    {
      reference: [{ file: 'real.jsonl', data: await readDataset(jsonl(real), { format: 'jsonl' }) }],
      datasets: [{ file: 'synthetic.jsonl', data: await readDataset(jsonl(synthetic), { format: 'jsonl' }) }],
    },
    { dictionary, seed, onProgress },
  );
}

test('separates clearly different sides, flags their rows and keeps every row with its position', async () => {
  const report = await run();
  const [dataset] = report.datasets;
  assert.equal(report.schemaVersion, 1);
  assert.equal(dataset.rows.length, 120);
  assert.equal(report.reference.rows.length, 120);
  assert.ok(dataset.summary.auc > 0.95, `AUC ${dataset.summary.auc}`);
  assert.equal(dataset.summary.verdict, 'large-gap');
  assert.ok(dataset.rows.filter((row) => row.flagged).every((row) => row.reasons.length > 0));
  assert.equal(dataset.rows[3].line, 4);
  assert.deepEqual(dataset.byLabel.labels.map((label) => label.label).sort(), ['refund', 'status']);
});

test('the same seed gives the same report', async () => {
  const [first, second] = [await run(3), await run(3)];
  assert.deepEqual(first, second);
});

test('fewer than 50 rows on a side gives insufficient-data, and small sides a warning', async () => {
  const report = await run(1, realTexts.slice(0, 40), syntheticTexts);
  assert.equal(report.datasets[0].summary.verdict, 'insufficient-data');
  assert.ok(report.warnings.some((warning) => /reference set has 40 rows/.test(warning)));
});

test('reports progress through every stage it runs', async () => {
  const stages = new Set<string>();
  await run(1, realTexts, syntheticTexts, (event) => stages.add(event.stage));
  assert.deepEqual([...stages], ['features', 'detector', 'compare', 'findings']);
});

test('stops when cancelled', async () => {
  const data = await readDataset(jsonl(realTexts), { format: 'jsonl' });
  await assert.rejects(
    analyze({ reference: [{ file: 'a', data }], datasets: [{ file: 'b', data }] }, { dictionary, token: { isCancellationRequested: true } }),
    { name: 'CancelledError' },
  );
});

test('suggests --group-field when many rows copy reference rows, and not when the rows are grouped', async () => {
  // Synthetic rows that are near-word-for-word rewrites of the real ones (paired data), each naming its source row.
  const pairs = realTexts.map((text, i) => ({ text: `${text}!`, source: `r${i}` }));
  const real = await readDataset(realTexts.map((text, i) => JSON.stringify({ text, source: `r${i}` })).join('\n'), { format: 'jsonl', groupField: 'source' });
  const synthetic = await readDataset(pairs.map((row) => JSON.stringify(row)).join('\n'), { format: 'jsonl', groupField: 'source' });
  const ungrouped = await readDataset(pairs.map((row) => JSON.stringify({ text: row.text })).join('\n'), { format: 'jsonl' });
  const realUngrouped = await readDataset(realTexts.map((text) => JSON.stringify({ text })).join('\n'), { format: 'jsonl' });
  const hint = (warnings: string[]) => warnings.find((warning) => warning.includes('--group-field'));
  const plain = await analyze({ reference: [{ file: 'real.jsonl', data: realUngrouped }], datasets: [{ file: 'rewrites.jsonl', data: ungrouped }] }, { dictionary });
  assert.match(hint(plain.warnings) ?? '', /^rewrites\.jsonl: 120 rows copy or nearly copy reference rows\. If the synthetic rows are rewrites of particular real rows, give --group-field/);
  const grouped = await analyze({ reference: [{ file: 'real.jsonl', data: real }], datasets: [{ file: 'rewrites.jsonl', data: synthetic }] }, { dictionary });
  assert.equal(hint(grouped.warnings), undefined);
  assert.equal(hint((await run()).warnings), undefined, 'no hint for sides that copy nothing');
});
