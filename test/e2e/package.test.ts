// The .vsix as a user installs it: packaged the way `npm run package` does (scripts/package.ts, for this machine's
// target), unzipped, and its transformer encoder started from the unpacked folder through the real parent-side API.
// Uses the built dist/ (`node scripts/build.mjs`; `npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createEmbedder } from '../../src/embedders/createEmbedder';
import { EncoderSession } from '../../src/embedders/encoderSession';
import { ensureTestEncoder } from '../../scripts/makeTestEncoder';
import { hostTarget, runtimeBinaryFolder } from '../../scripts/package';
import { packageVsix } from '../integration/harness/extensionPackage';
import { ROOT, tempDir } from '../support/cli';
import { extractZip, type ZipEntry } from '../support/zip';

const TARGET = hostTarget();
const BUNDLES = ['extension.js', 'server.js', 'analysisWorker.js', 'rowsWorker.js', 'toolWorker.js', 'detectorWorker.js', 'encoderHost.js', 'words.txt', 'webview/panel.js', 'webview/panel.css', 'ThirdPartyNotices.txt'];
const TEXTS = ['hello', 'reset my pin', 'where is my bank card, i need to pay for the hotel today', '', 'play some music'];

function targetSkip(): string | false {
  try {
    runtimeBinaryFolder(ROOT, TARGET);
    return false;
  } catch (error) {
    return (error as Error).message;
  }
}

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

describe(`the packaged .vsix (${TARGET})`, { skip: targetSkip() }, () => {
  let scratch = '';
  let vsix = '';
  let entries: ZipEntry[] = [];
  let names: string[] = [];
  let unpacked = '';

  before(async () => {
    for (const bundle of BUNDLES) assert.ok(existsSync(join(ROOT, 'dist', bundle)), `dist/${bundle} is missing: run node scripts/build.mjs first`);
    scratch = tempDir('synthgap-vsix-');
    const started = Date.now();
    vsix = await packageVsix(ROOT, { outFile: join(scratch, 'synthgap.vsix') });
    const packagedMs = Date.now() - started;
    entries = extractZip(vsix, join(scratch, 'unpacked'));
    names = entries.map((entry) => entry.name);
    unpacked = join(scratch, 'unpacked/extension');
    const unpackedBytes = entries.reduce((sum, entry) => sum + entry.size, 0);
    console.log(`# ${vsix}: ${statSync(vsix).size} bytes, ${entries.length} entries, ${unpackedBytes} bytes unpacked; packaged in ${packagedMs} ms`);
  }, { timeout: 120_000 });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('holds the bundles, the encoder runtime for this target only, and nothing else of node_modules', () => {
    for (const bundle of BUNDLES) assert.ok(names.includes(`extension/dist/${bundle}`), `extension/dist/${bundle}`);
    assert.deepEqual(names.filter((name) => name.endsWith('.map')), [], 'no source maps');
    assert.deepEqual(names.filter((name) => /sharp|@img\//.test(name)), [], 'no sharp');
    assert.ok(!names.includes('extension/dist/cli.js'), 'no CLI bundle');

    const modules = names.filter((name) => name.startsWith('extension/node_modules/'));
    const packages = new Set(modules.map((name) => name.split('/').slice(2, name.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
    assert.deepEqual([...packages].sort(), ['onnxruntime-common', 'onnxruntime-node']);

    const runtime = modules.filter((name) => name.startsWith('extension/node_modules/onnxruntime-node/')).map((name) => name.slice('extension/node_modules/onnxruntime-node/'.length));
    const binaryFolders = new Set(runtime.filter((name) => name.startsWith('bin/')).map((name) => name.split('/').slice(0, 4).join('/')));
    const expected = runtimeBinaryFolder(ROOT, TARGET).replace('node_modules/onnxruntime-node/', '');
    assert.deepEqual([...binaryFolders], [expected], 'exactly one binary folder, the target\'s');
    assert.ok(runtime.some((name) => name.startsWith(`${expected}/onnxruntime_binding.node`)), 'the binding');
    assert.deepEqual(runtime.filter((name) => !name.startsWith('bin/')).sort(), ['dist/backend.js', 'dist/binding.js', 'dist/index.js', 'dist/version.js', 'package.json']);
    const common = modules.filter((name) => name.startsWith('extension/node_modules/onnxruntime-common/')).map((name) => name.slice('extension/node_modules/onnxruntime-common/'.length));
    assert.ok(common.includes('dist/cjs/index.js') && common.includes('dist/cjs/package.json') && common.includes('package.json'));
    assert.deepEqual(common.filter((name) => !name.startsWith('dist/cjs/') && name !== 'package.json'), [], 'onnxruntime-common: its CommonJS build only');

    const manifest = readFileSync(join(scratch, 'unpacked/extension.vsixmanifest'), 'utf8');
    assert.match(manifest, new RegExp(`TargetPlatform="${TARGET}"`));
    // sharp is replaced by a stub in the bundle (scripts/build.mjs), not required at run time.
    assert.doesNotMatch(readFileSync(join(unpacked, 'dist/encoderHost.js'), 'utf8'), /require\(["']sharp["']\)/);
  });

  test('the unpacked dist/encoderHost.js loads the generated encoder and returns the same normalized vectors as the source', { timeout: 60_000 }, async () => {
    const folder = ensureTestEncoder();
    const choice = await createEmbedder(`transformers:${folder}`, { encoder: { hostScript: join(unpacked, 'dist/encoderHost.js'), loadTimeoutMs: 30_000, timeoutMs: 30_000 } });
    try {
      assert.equal(choice.fallback, undefined, choice.fallback);
      assert.equal(choice.id, 'transformers:test-encoder');
      const vectors = await choice.embedder!.embed(TEXTS);
      assert.equal(vectors.length, TEXTS.length);
      for (const vector of vectors) {
        assert.equal(vector.length, 64);
        assert.ok(Math.abs(norm(vector) - 1) < 1e-5, `norm ${norm(vector)}`);
      }
      // The same pipeline in this process (from source, this repository's node_modules).
      const session = await EncoderSession.load({ model: folder, allowDownload: false });
      const expected = (await session.embed(TEXTS))!;
      vectors.forEach((vector, i) => assert.ok(vector.every((value, k) => Math.abs(value - expected[i][k]) < 1e-5), `row ${i}`));
      assert.ok(vectors[0].some((value, k) => Math.abs(value - vectors[1][k]) > 1e-3), 'different texts, different vectors');
    } finally {
      choice.dispose();
    }
  });

  test('the encoder runs on the runtime inside the package: without it, loading fails and says why', { timeout: 60_000 }, async () => {
    rmSync(join(unpacked, 'node_modules/onnxruntime-node'), { recursive: true, force: true });
    const choice = await createEmbedder(`transformers:${ensureTestEncoder()}`, { encoder: { hostScript: join(unpacked, 'dist/encoderHost.js'), loadTimeoutMs: 30_000 } });
    choice.dispose();
    assert.equal(choice.kind, 'hashed');
    assert.match(choice.fallback ?? '', /onnxruntime-node/);
  });
});
