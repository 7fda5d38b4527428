// The synthgap command as a user runs it: the built bin in a child process, with real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');
/** The built bin (`node scripts/build.mjs`); SYNTHGAP_CLI points the tests at another build. */
export const CLI = process.env.SYNTHGAP_CLI ?? join(ROOT, 'dist/cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `synthgap ARGS` in `cwd` (the repository by default) without color. */
export function synthgap(args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'synthgap-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
