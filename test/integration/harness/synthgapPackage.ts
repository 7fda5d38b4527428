/**
 * What every code-server test file starts with: whether the tests run at all, code-server installed, and the
 * repository's extension packaged as a release is (vsce, .vscodeignore applied) into a temp folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { repoRoot } from '../../../scripts/codeServer/paths.mjs';
import { packageVsix } from './extensionPackage.js';
import { makeTempDir, removeTempDir } from './processes.js';

/** `describe`'s `skip`: a reason with SYNTHGAP_SKIP_INTEGRATION=1, else false. */
export const SKIP_INTEGRATION: string | false = process.env.SYNTHGAP_SKIP_INTEGRATION === '1'
  ? 'SYNTHGAP_SKIP_INTEGRATION=1: skipping the code-server integration tests'
  : false;

/** The installer is idempotent: seconds when `npm run setup:integration` already ran, minutes on a fresh machine. */
export function installCodeServer(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/codeServer/install.mjs')], { stdio: 'inherit', timeout: 30 * 60_000 });
  if (result.status !== 0) throw new Error(`scripts/codeServer/install.mjs failed (${result.error?.message ?? `exit ${result.status}`})`);
}

/**
 * Before the enclosing describe block's tests: installs code-server, checks that `bundles` (paths under dist/)
 * are built, and packages the repository's .vsix into a temp folder, removed after the tests. `vsix` is set once
 * `before` has run, so the workbench's start reads it, never the module scope.
 */
export function usePackagedExtension(bundles: readonly string[]): { readonly vsix: string } {
  const packaged = { vsix: '' };
  let packDir = '';
  before(async () => {
    installCodeServer();
    for (const bundle of bundles) assert.ok(existsSync(join(repoRoot, 'dist', bundle)), `dist/${bundle} is missing: run node scripts/build.mjs first`);
    packDir = makeTempDir('synthgap-vsix-');
    const started = Date.now();
    // The same packaging as `npm run package` (scripts/package.ts: vsce --target, .vscodeignore), into a temp folder.
    packaged.vsix = await packageVsix(repoRoot, { outFile: join(packDir, 'synthgap.vsix') });
    console.log(`# packaged ${packaged.vsix} in ${Date.now() - started} ms`);
  }, { timeout: 30 * 60_000 });
  after(() => {
    if (packDir) removeTempDir(packDir);
  });
  return packaged;
}
