// The analyses `synthgap mcp` keeps, on real files: calls on the same files share one analysis, a cancelled call
// does not cancel the one waiting on it, and older analyses go when the kept rows pass the budget.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { AnalysisCache } from '../../../src/node/tools/analysisCache';
import { capturedIo } from '../../../src/node/tools/capturedIo';
import { prepareCommand } from '../../../src/node/tools/context';

const SUBSET = resolve(__dirname, '../../fixtures/clinc-subset');
/** Rows taken from each side of the fixture: enough for an analysis, few enough for a test that runs eight. */
const ROWS = { 'real.jsonl': 100, 'synthetic.jsonl': 120 };

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-cache-'));
  for (const [file, rows] of Object.entries(ROWS)) {
    const lines = readFileSync(join(SUBSET, file), 'utf8').split('\n').filter(Boolean);
    // Every third line, so several labels are on both sides.
    writeFileSync(join(dir, file), `${lines.filter((_, i) => i % 3 === 0).slice(0, rows).join('\n')}\n`);
  }
  return dir;
}

function analysis(cache: AnalysisCache, dir: string, seed: number, cancelled = false) {
  const command = prepareCommand({ root: dir }, { reference: 'real.jsonl', seed }, 'synthetic.jsonl');
  return cache.get(command, capturedIo(command.cwd, { isCancellationRequested: cancelled }));
}

test('two calls at once on the same files share one analysis', async () => {
  const dir = root();
  const cache = new AnalysisCache();
  const [first, second] = await Promise.all([analysis(cache, dir, 1), analysis(cache, dir, 1)]);
  assert.deepEqual([first.reused, second.reused], [false, true]);
  assert.equal(first.analysis, second.analysis);
});

test('a call waiting on a cancelled call\'s analysis makes its own', async () => {
  const dir = root();
  const cache = new AnalysisCache();
  const cancelled = analysis(cache, dir, 1, true);
  const waiting = analysis(cache, dir, 1);
  await assert.rejects(cancelled, { name: 'CancelledError' });
  const { analysis: made, reused } = await waiting;
  assert.equal(reused, false);
  assert.equal(made.report.datasets[0].rows.length, ROWS['synthetic.jsonl']);
  assert.equal((await analysis(cache, dir, 1)).reused, true);
});

test('an older analysis is dropped when the kept rows pass the budget; the newest is always kept', async () => {
  const dir = root();
  // 220 rows an analysis (100 real, 120 synthetic): a budget of 300 holds one besides the newest, 200 none.
  const roomy = new AnalysisCache(undefined, 2, 300);
  await analysis(roomy, dir, 1);
  await analysis(roomy, dir, 2);
  assert.equal((await analysis(roomy, dir, 1)).reused, true);
  const tight = new AnalysisCache(undefined, 2, 200);
  await analysis(tight, dir, 1);
  await analysis(tight, dir, 2);
  assert.equal((await analysis(tight, dir, 2)).reused, true);
  assert.equal((await analysis(tight, dir, 1)).reused, false);
});
