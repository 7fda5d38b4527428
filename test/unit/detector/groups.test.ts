import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { NO_GROUP, planFolds } from '../../../src/core/gap/detector/plan';

test('rows that share a group share a fold, on both sides', () => {
  const count = 400;
  const isSynthetic = new Uint8Array(count).fill(1, 200);
  // Row i and row 200 + i are a real row and its rewrite; every tenth row has no group.
  const groups = Int32Array.from({ length: count }, (_, row) => (row % 10 === 0 ? NO_GROUP : row % 200));
  const plan = planFolds(isSynthetic, count, 5, 1000, 3, groups);
  for (let i = 1; i < 200; i++) if (i % 10 !== 0) assert.equal(plan.foldOf[i], plan.foldOf[200 + i], `pair ${i}`);
  const sizes = [0, 0, 0, 0, 0];
  for (let row = 0; row < count; row++) sizes[plan.foldOf[row]]++;
  assert.ok(Math.min(...sizes) >= 40, `fold sizes ${sizes.join(', ')}`);
});

test('the group field is read from JSONL and CSV, and absent where the row has none', async () => {
  const jsonl = await readDataset('{"text":"a b","seed":"s1"}\n{"text":"c d","seed":7}\n{"text":"e f"}\n', { fileName: 'x.jsonl', groupField: 'seed' });
  assert.deepEqual(jsonl.rows.map((row) => row.group), ['s1', '7', undefined]);
  const csv = await readDataset('text,seed\na b,s1\nc d,\n', { fileName: 'x.csv', groupField: 'seed' });
  assert.deepEqual(csv.rows.map((row) => row.group), ['s1', undefined]);
  const missing = await readDataset('text\na b\n', { fileName: 'x.csv', groupField: 'seed' });
  assert.match(missing.errors[0]?.message ?? '', /no "seed" column/);
  assert.equal(missing.rows.length, 1);
});
