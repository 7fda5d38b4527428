// synthgap check with a semantic embedder, as a user runs it: the built bin, real files, a real model folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { ensureTestEncoder } from '../../scripts/makeTestEncoder';
import { CLI, EXAMPLES, synthgap, tempDir } from '../support/cli';
import { POTION } from '../support/repoData';

const INPUTS = [join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl')];

function check(args: string[], cwd?: string) {
  const result = synthgap(['check', ...args, '--format', 'json'], cwd);
  assert.equal(result.code, 0, result.stderr);
  return { report: JSON.parse(result.stdout) as GapReport, stderr: result.stderr };
}

describe('synthgap check --embedder', () => {
  test('a Model2Vec folder: the report names the model, and a second run reads every vector from the cache', () => {
    const cacheDir = tempDir();
    const first = check([...INPUTS, '--embedder', `model2vec:${POTION}`, '--cache-dir', cacheDir, '--verbose']);
    assert.equal(first.report.settings.embedder, 'model2vec:potion-base-4m-int8');
    // 1,500 real and 3,000 synthetic rows, one text repeated: each distinct text is embedded once.
    assert.match(first.stderr, /model2vec:potion-base-4m-int8: embedded 4499 new texts/);
    assert.ok(readdirSync(join(cacheDir, 'embeddings')).some((file) => file.startsWith('model2vec_potion-base-4m-int8-')));
    const second = check([...INPUTS, '--embedder', `model2vec:${POTION}`, '--cache-dir', cacheDir, '--verbose']);
    assert.match(second.stderr, /embedded 0 new texts/);
    assert.deepEqual(second.report.datasets[0].diversity, first.report.datasets[0].diversity);
  });

  test('synthgap.json names the embedder, relative to its own folder', () => {
    const folder = tempDir();
    cpSync(POTION, join(folder, 'models/potion'), { recursive: true });
    writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: join(EXAMPLES, 'real.jsonl'), embedder: 'model2vec:models/potion' }));
    const { report } = check([join(EXAMPLES, 'synthetic.jsonl'), '--cache-dir', tempDir()], folder);
    assert.equal(report.settings.embedder, 'model2vec:potion');
  });

  test('a model that cannot be loaded: the analysis runs on the hashed embedding and stderr says why, once', () => {
    const missing = join(tempDir(), 'no-such-model');
    const { report, stderr } = check([...INPUTS, '--embedder', `model2vec:${missing}`, '--cache-dir', tempDir()]);
    assert.match(report.settings.embedder, /^hashed/);
    const lines = stderr.split('\n').filter((line) => line.includes('Using the built-in hashed embedding'));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /the model folder .*no-such-model does not exist\.$/);
  });

  test('offline with downloads off, a named model falls back without touching the network', () => {
    const { report, stderr } = check([...INPUTS, '--embedder', 'model2vec:minishlab/potion-base-8M', '--no-download', '--cache-dir', tempDir()]);
    assert.match(report.settings.embedder, /^hashed/);
    assert.match(stderr, /minishlab\/potion-base-8M is not in the model cache .* and downloads are off/);
  });

  test('auto without a downloaded model says it uses the hashed embedding', () => {
    const { report, stderr } = check([...INPUTS, '--embedder', 'auto', '--cache-dir', tempDir()]);
    assert.match(report.settings.embedder, /^hashed/);
    assert.match(stderr, /auto: using the built-in hashed embedding; minishlab\/potion-base-8M is not downloaded/);
  });

  test('a transformer encoder runs in its own process on a sample, and the report says the figures rest on it', () => {
    const encoder = ensureTestEncoder();
    const { report } = check([...INPUTS, '--embedder', `transformers:${encoder}`, '--embed-sample', '500', '--cache-dir', tempDir()]);
    assert.equal(report.settings.embedder, 'transformers:test-encoder');
    assert.ok(report.warnings.some((warning) => /similarity figures .* rest on a seeded sample of 500 rows per side/.test(warning)), report.warnings.join('\n'));
  });

  test('without the optional onnxruntime-node, a transformer encoder falls back and stderr gives the install command', () => {
    // The bundles copied where no node_modules lies above them: the runtime is really absent, as after a lean install.
    const dist = join(tempDir('synthgap-no-runtime-'), 'dist');
    cpSync(dirname(CLI), dist, { recursive: true });
    const encoder = ensureTestEncoder();
    const result = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check', ...INPUTS, '--embedder', `transformers:${encoder}`, '--cache-dir', tempDir(), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(result.status, 0, result.stderr);
    assert.match((JSON.parse(result.stdout) as GapReport).settings.embedder, /^hashed/);
    const lines = result.stderr.split('\n').filter((line) => line.includes('onnxruntime-node'));
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /transformer encoders need onnxruntime-node, an optional part of synthgap that is not installed \(install it with: (ONNXRUNTIME_NODE_INSTALL=skip )?npm install --prefix ".*dist" onnxruntime-node@\d+\.\d+\.\d+\)\.$/);
  });

  test('an embedder in synthgap.json that is no embedder is a config error', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'synthgap.json'), JSON.stringify({ reference: join(EXAMPLES, 'real.jsonl'), embedder: 'word2vec:news' }));
    const result = synthgap(['check', join(EXAMPLES, 'synthetic.jsonl'), '--format', 'json'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'synthgap: synthgap.json: embedder must be "hashed", "auto", "model2vec:<model or folder>", "transformers:<model or folder>" or a model folder (got "word2vec:news")\n');
  });
});
