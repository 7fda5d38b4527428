// ReadOptions.sample: a file larger than memory read for a seeded uniform sample of its rows (synthgap fit).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';

const jsonl = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ text: `row ${i + 1}` })).join('\n');

test('keeps at most the asked rows, in line order, the same ones for the same seed, and says how many were read', async () => {
  const text = `${jsonl(5000)}\nnot json\n`;
  const a = await readDataset(text, { sample: { rows: 200, seed: 1 } });
  const b = await readDataset(text, { sample: { rows: 200, seed: 1 } });
  const c = await readDataset(text, { sample: { rows: 200, seed: 2 } });
  assert.equal(a.rows.length, 200);
  assert.equal(a.rowsRead, 5000);
  assert.deepEqual(a.rows, b.rows);
  assert.notDeepEqual(a.rows, c.rows);
  assert.ok(a.rows.every((row, i) => i === 0 || row.line > a.rows[i - 1].line), 'line order');
  assert.ok(a.rows.every((row) => row.text === `row ${row.line}`));
  assert.deepEqual(a.errors.map((e) => e.line), [5001], 'every line is still checked');
  // Uniform: each fifth of the file holds about a fifth of the sample (binomial sd about 5.7 of 40).
  for (let fifth = 0; fifth < 5; fifth++) {
    const inFifth = a.rows.filter((row) => Math.floor((row.line - 1) / 1000) === fifth).length;
    assert.ok(inFifth > 20 && inFifth < 60, `fifth ${fifth}: ${inFifth}`);
  }
});

test('a file with no more rows than asked is read whole; without sample nothing changes', async () => {
  const small = await readDataset(jsonl(50), { sample: { rows: 200, seed: 1 } });
  assert.equal(small.rows.length, 50);
  assert.equal(small.rowsRead, 50);
  const whole = await readDataset(jsonl(50), {});
  assert.equal(whole.rowsRead, undefined);
  assert.deepEqual(whole.rows, small.rows);
});
