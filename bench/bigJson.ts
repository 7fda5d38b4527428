// The largest report a user can ask for: `synthgap check --format json` on a 200 MB dataset (1.77M rows), written
// to a file with --out and to stdout through a pipe, by the built CLI (dist/cli.js) as users run it. The report is
// over a gigabyte, longer than the longest string JavaScript can hold, so it must be written in pieces. Prints the
// time, the peak RSS (from /usr/bin/time -v when present) and the report's size of each, and of the same check with
// the terminal summary for comparison. SYNTHGAP_BENCH_BIG_ROWS sets the row count.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resample } from './resample';

/** The size of the file in the bug report: 1.77M synthetic rows, about 200 MB of JSONL. */
const SYNTHETIC_ROWS = Number(process.env.SYNTHGAP_BENCH_BIG_ROWS ?? 1_770_000);
/** As in bench/size.ts: a reference of realistic size. */
const REAL_ROWS = 10_000;
const CLI = resolve(__dirname, '../dist/cli.js');
const TIME = '/usr/bin/time';

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  readonly outputBytes: number;
  readonly exitCode: number;
  readonly stderrTail: string;
}

/** Runs the CLI; stdout is counted, not kept (a pipe to a reader, as `| jq` would be). */
function runCli(args: readonly string[]): Promise<Run> {
  const timed = existsSync(TIME);
  const [command, argv] = timed ? [TIME, ['-v', process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const start = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let outputBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    outputBytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({ seconds, peakMb: rss ? Number(rss[1]) / 1024 : Number.NaN, outputBytes, exitCode: code ?? -1, stderrTail: stderr.split('\n').filter((line) => !line.startsWith('\t')).slice(-5).join('\n') });
    });
  });
}

/** The last bytes of a file: a whole report ends with the closing brace of its object. */
function tail(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-json-'));
  try {
    const real = join(dir, 'real.jsonl');
    const synthetic = join(dir, 'synthetic.jsonl');
    writeFileSync(real, resample('real.jsonl', REAL_ROWS, 1));
    writeFileSync(synthetic, resample('synthetic.jsonl', SYNTHETIC_ROWS, 2));
    const inputMb = statSync(synthetic).size / 2 ** 20;
    const out = join(dir, 'report.json');
    const common = ['check', synthetic, '--reference', real, '--format', 'json', '--quiet'];

    const toFile = await runCli([...common, '--out', out]);
    const fileBytes = existsSync(out) ? statSync(out).size : 0;
    const whole = fileBytes > 0 && tail(out, 64).trimEnd().endsWith('}');
    rmSync(out, { force: true });
    const toStdout = await runCli(common);
    // The same check with the terminal summary: what the analysis alone costs, for the JSON runs to be read against.
    const summary = await runCli(['check', synthetic, '--reference', real, '--quiet']);

    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(`JSON report of ${SYNTHETIC_ROWS.toLocaleString('en-US')} rows (${inputMb.toFixed(0)} MB of JSONL) against ${REAL_ROWS.toLocaleString('en-US')} real rows:`);
    const runs = [['json --out', toFile, fileBytes], ['json stdout', toStdout, toStdout.outputBytes], ['text stdout', summary, summary.outputBytes]] as const;
    for (const [name, run, bytes] of runs) {
      const status = run.exitCode === 0 ? 'ok' : `FAILED (exit ${run.exitCode}): ${run.stderrTail}`;
      console.log(`  ${name.padEnd(12)} ${run.seconds.toFixed(1).padStart(7)} s  peak RSS ${Number.isNaN(run.peakMb) ? 'n/a' : `${run.peakMb.toFixed(0)} MB`}  report ${mb(bytes)} MB  ${status}`);
    }
    if (!whole) console.log('  the file report does not end with a closing brace: it was cut short');
    if (runs.some(([, run]) => run.exitCode !== 0) || !whole || toStdout.outputBytes !== fileBytes) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
