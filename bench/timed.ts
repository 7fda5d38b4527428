// The built CLI run as a user runs it, timed: wall and CPU seconds and peak memory (the benches of fit, score,
// sketch and merge).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CLI = resolve(__dirname, '../dist/cli.js');
const TIME = '/usr/bin/time';

export interface Timed {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
}

/** Runs the CLI under /usr/bin/time -v when present (CPU time and peak RSS), stdout to a file. */
export function timed(args: readonly string[], out: string): Timed {
  const useTime = existsSync(TIME);
  const argv = useTime ? ['-v', process.execPath, CLI, ...args] : [CLI, ...args];
  const start = performance.now();
  const result = spawnSync(useTime ? TIME : process.execPath, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`synthgap ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  writeFileSync(out, result.stdout);
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)?.[1] ?? Number.NaN);
  return { seconds, cpuSeconds: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), peakMb: field('Maximum resident set size \\(kbytes\\)') / 1024 };
}
