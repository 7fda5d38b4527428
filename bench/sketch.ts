// `synthgap sketch` and `synthgap merge` as a cluster job runs them (the built dist/cli.js): rows per second of one
// `sketch` process (one thread, so one core) and its peak memory, the sketch file's size per 100,000 rows, and the
// time and memory of `merge` over 1, 4 and 16 sketches. Rows are resampled from examples/ and numbered, so every
// row is a distinct text: the worst case for a sketch whose near-duplicate part grew with distinct rows. Figures
// only, no timed asserts. SYNTHGAP_BENCH_SKETCH_ROWS sets the rows sketched.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resample } from './resample';
import { timed } from './timed';

/** Rows sketched: enough that start-up (about 0.5 s: bundle, word list, model, layout) is a small share. */
const ROWS = Number(process.env.SYNTHGAP_BENCH_SKETCH_ROWS ?? 100_000);
/** Partitions the rows are also cut into, for the merge figures: 4 sketches, and the 4 four times over as 16. */
const PARTS = 4;
/** A small fit: the model's size does not change a sketch's cost, and bench/score.ts times a full fit. */
const FIT_ROWS = 5_000;

/** Numbered rows, a quarter synthetic-looking: every text distinct (a number appended to the text field). */
function distinctRows(count: number, seed: number): string[] {
  const synthetic = resample('synthetic.jsonl', Math.ceil(count / 4), seed).split('\n').filter(Boolean);
  const real = resample('real.jsonl', count - synthetic.length, seed + 1).split('\n').filter(Boolean);
  return [...synthetic, ...real].map((line, k) => {
    const row = JSON.parse(line) as { text: string };
    return JSON.stringify({ ...row, text: `${row.text} ${k}` });
  });
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-sketch-'));
try {
  const model = join(dir, 'model.json');
  writeFileSync(join(dir, 'real.jsonl'), resample('real.jsonl', FIT_ROWS, 1));
  writeFileSync(join(dir, 'synthetic.jsonl'), resample('synthetic.jsonl', FIT_ROWS, 2));
  timed(['fit', join(dir, 'synthetic.jsonl'), '--reference', join(dir, 'real.jsonl'), '--out', model, '--quiet'], join(dir, 'fit.txt'));

  const rows = distinctRows(ROWS, 5);
  const whole = join(dir, 'whole.jsonl');
  writeFileSync(whole, `${rows.join('\n')}\n`);
  const run = timed(['sketch', '--model', model, whole, '--out', join(dir, 'whole.sketch')], join(dir, 'sketch.txt'));
  const bytes = statSync(join(dir, 'whole.sketch')).size;
  console.log(
    `sketch: ${fmt(ROWS)} distinct rows in ${run.seconds.toFixed(1)} s: ${fmt(ROWS / run.cpuSeconds)} rows/s of CPU on one core, ` +
      `peak ${run.peakMb.toFixed(0)} MB; sketch file ${(bytes / 1024).toFixed(0)} KB (${((bytes / ROWS) * 100_000 / 1024).toFixed(0)} KB per 100,000 rows)`,
  );

  const size = Math.ceil(ROWS / PARTS);
  const parts: string[] = [];
  let partBytes = 0;
  for (let p = 0; p < PARTS; p++) {
    const input = join(dir, `part-${p}.jsonl`);
    writeFileSync(input, `${rows.slice(p * size, (p + 1) * size).join('\n')}\n`);
    parts.push(join(dir, `part-${p}.sketch`));
    timed(['sketch', '--model', model, input, '--file-name', whole, '--line-offset', String(p * size), '--out', parts[p]], join(dir, `part-${p}.txt`));
    partBytes += statSync(parts[p]).size;
  }
  console.log(`sketch: ${PARTS} partitions of ${fmt(size)} rows: ${(partBytes / PARTS / 1024).toFixed(0)} KB a sketch`);
  for (const sketches of [[join(dir, 'whole.sketch')], parts, [...parts, ...parts, ...parts, ...parts]]) {
    const merged = timed(['merge', '--model', model, ...sketches, '--format', 'json'], join(dir, 'report.json'));
    console.log(`merge: ${sketches.length} ${sketches.length === 1 ? 'sketch' : 'sketches'} in ${merged.seconds.toFixed(1)} s (CPU ${merged.cpuSeconds.toFixed(1)} s), peak ${merged.peakMb.toFixed(0)} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
