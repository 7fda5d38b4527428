#!/usr/bin/env node
// Runs the Python integration's tests (integrations/python/tests) on a real Dask cluster with the built CLI.
// Installs Debian's Dask, pandas and pytest first when they are missing, as the code-server setup installs Chromium.
// Usage: node scripts/pythonTests.mjs [pytest args]   (SYNTHGAP_SKIP_PYTHON=1 skips it; SYNTHGAP_PYTHON picks the interpreter)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Debian's packages install into Debian's interpreter, not into one that pyenv or a venv put first on PATH.
const PYTHON = process.env.SYNTHGAP_PYTHON || '/usr/bin/python3';
const APT_PACKAGES = ['python3', 'python3-distributed', 'python3-dask', 'python3-pandas', 'python3-pytest'];
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

function log(message) {
  console.log(`[python tests] ${message}`);
}

function fail(message) {
  console.error(`[python tests] ERROR: ${message}`);
  process.exit(1);
}

function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages() {
  if (spawnSync('dpkg-query', ['--version']).error) {
    log(`dpkg-query not found: not Debian; expecting ${APT_PACKAGES.join(' ')} (or pip's dask[distributed], pandas, pytest) in ${PYTHON}`);
    return;
  }
  const missing = APT_PACKAGES.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) fail(`missing Debian packages: ${missing.join(' ')}; run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  log(`installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run (the code-server setup, unattended upgrades) may hold the dpkg lock for a while: wait, not fail.
  const waitForLock = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [[...waitForLock, 'update'], [...waitForLock, 'install', '-y', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) fail(`apt-get ${args.slice(2).join(' ')} failed:\n${(result.stderr || result.stdout).slice(-2000)}`);
  }
  const still = missing.filter((name) => !isInstalled(name));
  if (still.length > 0) fail(`apt-get did not install: ${still.join(' ')}`);
}

if (process.env.SYNTHGAP_SKIP_PYTHON === '1') {
  log('SYNTHGAP_SKIP_PYTHON=1: skipping');
  process.exit(0);
}
ensureAptPackages();
const cli = join(repo, 'dist', 'cli.js');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build first`);
const env = {
  ...process.env,
  // The tests run the CLI this very Node runs; JSON quoting is valid shell quoting for the path.
  SYNTHGAP_CMD: `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`,
  PYTHONDONTWRITEBYTECODE: '1',
};
const args = ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', join(repo, 'integrations', 'python', 'tests'), ...process.argv.slice(2)];
const result = spawnSync(PYTHON, args, { stdio: 'inherit', env, cwd: join(repo, 'integrations', 'python') });
if (result.error) fail(`cannot run ${PYTHON}: ${result.error.message}`);
process.exit(result.status ?? 1);
