// `synthgap fit` and `synthgap score` as a pipeline runs them (the built dist/cli.js): the time to fit on a full
// sample (20,000 synthetic rows against 10,000 real, resampled from examples/), the model file's size, and the rows
// per second of one `synthgap score` process (one thread, so one core) on 100,000 synthetic rows (nearly all flagged:
// each flagged row also gets its reasons) and 100,000 real ones (few flagged), with peak memory. Figures only, no
// timed asserts. SYNTHGAP_BENCH_SCORE_ROWS sets the rows scored per side.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resample } from './resample';
import { timed } from './timed';

/** Enough rows that start-up (about 0.3 s: the bundle, the word list, the model) is a small part of the time. */
const SCORE_ROWS = Number(process.env.SYNTHGAP_BENCH_SCORE_ROWS ?? 100_000);
/** fit's default sample of the synthetic side, and a reference of realistic size (as bench/size.ts). */
const FIT_SYNTHETIC = 20_000;
const FIT_REAL = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-score-'));
try {
  const real = join(dir, 'real.jsonl');
  const synthetic = join(dir, 'synthetic.jsonl');
  const model = join(dir, 'model.json');
  writeFileSync(real, resample('real.jsonl', FIT_REAL, 1));
  writeFileSync(synthetic, resample('synthetic.jsonl', FIT_SYNTHETIC, 2));
  const fit = timed(['fit', synthetic, '--reference', real, '--out', model, '--quiet'], join(dir, 'fit.txt'));
  const bytes = statSync(model).size;
  console.log(`fit: ${FIT_SYNTHETIC.toLocaleString('en-US')} synthetic against ${FIT_REAL.toLocaleString('en-US')} real rows in ${fit.seconds.toFixed(1)} s (CPU ${fit.cpuSeconds.toFixed(1)} s, peak ${fit.peakMb.toFixed(0)} MB); model file ${(bytes / (1 << 20)).toFixed(2)} MB`);

  for (const [side, file, seed] of [['synthetic', 'synthetic.jsonl', 3], ['real', 'real.jsonl', 4]] as const) {
    const input = join(dir, `score-${side}.jsonl`);
    writeFileSync(input, resample(file, SCORE_ROWS, seed));
    const run = timed(['score', '--model', model, input], join(dir, `scores-${side}.jsonl`));
    const scores = readFileSync(join(dir, `scores-${side}.jsonl`), 'utf8').split('\n').filter(Boolean);
    const lines = scores.length;
    const flagged = scores.filter((line) => line.includes('"flagged":true')).length.toLocaleString('en-US');
    console.log(
      `score: ${lines.toLocaleString('en-US')} ${side} rows (${flagged} flagged) in ${run.seconds.toFixed(1)} s: ` +
        `${Math.round(SCORE_ROWS / run.cpuSeconds).toLocaleString('en-US')} rows/s of CPU on one core, ${Math.round(SCORE_ROWS / run.seconds).toLocaleString('en-US')} rows/s wall; peak ${run.peakMb.toFixed(0)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
