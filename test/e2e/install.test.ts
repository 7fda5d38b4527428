// The CLI as a user installs it from the repository: `npm pack` into a temporary folder, `npm install` of the
// tarball into a clean folder outside the clone (offline: the package has no dependencies to fetch), and the
// installed bin run on the example files. Uses the built dist/ (`npm test` builds first); packs with
// --ignore-scripts so that `prepare` does not rebuild dist/ under the other tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { ensureTestEncoder } from '../../scripts/makeTestEncoder';
import { EXAMPLES, ROOT, tempDir } from '../support/cli';

/** The installed package may grow, but not by a dependency tree: today it is about 10 MB, all of it dist/. */
const MAX_INSTALLED_BYTES = 20 * 1024 * 1024;

function npm(args: readonly string[], cwd: string) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

describe('synthgap installed from a packed tarball', () => {
  let clean = '';
  let bin = '';
  let packed: string[] = [];

  before(() => {
    const scratch = tempDir('synthgap-pack-');
    const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT)) as { filename: string; files: { path: string }[] }[];
    packed = info.files.map((file) => file.path);
    clean = join(scratch, 'clean');
    npm(['install', '--offline', '--prefix', clean, join(scratch, info.filename)], scratch);
    bin = join(clean, 'node_modules/.bin', process.platform === 'win32' ? 'synthgap.cmd' : 'synthgap');
  });

  test('the tarball holds the bundles the CLI loads and nothing of the clone besides', () => {
    for (const file of ['dist/cli.js', 'dist/detectorWorker.js', 'dist/mcpWorker.js', 'dist/encoderHost.js', 'dist/words.txt', 'dist/webview/panel.js', 'dist/webview/panel.css', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(packed.includes(file), `${file} is packed`);
    }
    assert.deepEqual(packed.filter((file) => /\.map$|^(src|test|data|examples|bench|node_modules)\//.test(file)), []);
  });

  test('installs without scripts: npm runs nothing of the package, and asks nothing, when it is installed', () => {
    const manifest = JSON.parse(readFileSync(join(clean, 'node_modules/synthgap/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.scripts ?? {}).filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name)), []);
  });

  test('installs lean: no dependency, no transformer runtime', () => {
    assert.deepEqual(readdirSync(join(clean, 'node_modules')).filter((name) => !name.startsWith('.')).sort(), ['synthgap']);
    const bytes = bytesUnder(join(clean, 'node_modules'));
    assert.ok(bytes < MAX_INSTALLED_BYTES, `${(bytes / 1e6).toFixed(1)} MB installed`);
  });

  test('the installed bin checks the example files from a folder outside the clone', () => {
    const cwd = tempDir('synthgap-user-');
    const text = spawnSync(bin, ['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl')], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /AUC [<>]?[01]\.\d\d/);
    assert.match(text.stdout, /3,000 rows/);
    const html = join(cwd, 'report.html');
    const json = spawnSync(bin, ['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout) as GapReport;
    assert.equal(report.datasets[0].summary.verdict, 'large-gap');
    const page = spawnSync(bin, ['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--format', 'html', '--out', html], { cwd, encoding: 'utf8' });
    assert.equal(page.status, 0, page.stderr);
    assert.ok(existsSync(html) && statSync(html).size > 100_000, 'the HTML report carries the panel bundle');
  });

  test('a transformer encoder says which command installs its runtime beside this install', () => {
    const result = spawnSync(bin, ['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--embedder', `transformers:${ensureTestEncoder()}`, '--cache-dir', tempDir(), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(result.status, 0, result.stderr);
    const escaped = clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(result.stderr, new RegExp(`\\(install it with: (ONNXRUNTIME_NODE_INSTALL=skip )?npm install --prefix "${escaped}" onnxruntime-node@\\d+\\.\\d+\\.\\d+\\)\\.\\n`));
  });
});
