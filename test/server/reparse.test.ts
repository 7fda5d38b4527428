// Re-reading only the edited lines gives what reading the whole file gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { reparse } from '../../src/server/reparse';
import { seededRandom } from '../../src/core/stats/random';

const row = (text: string, label = 'a') => JSON.stringify({ text, label });

test('reparse equals a full read after random line edits, inserts and deletes', async () => {
  const random = seededRandom(7);
  const pick = (n: number) => Math.floor(random() * n);
  let lines = Array.from({ length: 40 }, (_, i) => row(`row number ${i}`, i % 2 ? 'a' : 'b'));
  let text = `${lines.join('\n')}\n`;
  let parsed = await readDataset(text, { fileName: 'x.jsonl' });
  for (let step = 0; step < 200; step++) {
    const at = pick(lines.length + 1);
    const kind = pick(5);
    if (kind === 0) lines.splice(at, 0, row(`inserted ${step}`));
    else if (kind === 1 && lines.length > 1) lines.splice(Math.min(at, lines.length - 1), 1);
    else if (kind === 2) lines.splice(Math.min(at, lines.length - 1), 1, '{"text": broken');
    else if (kind === 3) lines.splice(at, 0, '');
    else lines[Math.min(at, lines.length - 1)] = row(`edited ${step}`);
    const next = step % 7 === 0 ? lines.join('\n') : `${lines.join('\n')}\n`;
    const fast = await reparse(text, parsed, next, { fileName: 'x.jsonl' });
    const full = await readDataset(next, { fileName: 'x.jsonl', textField: parsed.textField, labelField: parsed.labelField ?? false });
    assert.deepEqual(fast.rows, full.rows, `step ${step}`);
    assert.deepEqual(fast.errors, full.errors, `step ${step}`);
    text = next;
    parsed = fast;
    lines = next.split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '');
  }
});

test('an edit inside one row re-reads that row only, with the same positions', async () => {
  const text = `${row('Hello there.')}\n${row('Second row!')}\n${row('Third.')}\n`;
  const parsed = await readDataset(text, { fileName: 'x.jsonl' });
  const next = text.replace('Second row!', 'second row');
  const fast = await reparse(text, parsed, next, { fileName: 'x.jsonl' });
  assert.equal(fast.rows[0], parsed.rows[0]);
  assert.equal(fast.rows[2], parsed.rows[2]);
  assert.equal(fast.rows[1].text, 'second row');
  assert.deepEqual(fast.rows[1].textRange, { start: 8, end: 20 });
});
