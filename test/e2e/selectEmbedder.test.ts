// `synthgap select --embedder`: near-duplicates and copies found on a semantic embedding, as a user runs it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { SelectReport } from '../../src/core/select/selectDataset';
import { MODEL2VEC_NEAR_COPY } from '../../src/embedders/model2vec';
import { synthgap, tempDir } from '../support/cli';
import { POTION as MODEL, REPO_DATA } from '../support/repoData';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** The first rows of CLINC150's gpt-3.5 paraphrases (about ten rewordings of each source utterance, in a run) and of its real training split. */
function paraphraseCase(): { dir: string; synthetic: string; real: string } {
  const dir = tempDir('synthgap-select-embedder-');
  const synthetic = join(dir, 'synthetic.jsonl');
  const real = join(dir, 'real.jsonl');
  writeFileSync(synthetic, lines(readFileSync(join(REPO_DATA, 'clinc150/synthetic_gpt35.jsonl'), 'utf8')).slice(0, 300).join('\n') + '\n');
  writeFileSync(real, lines(readFileSync(join(REPO_DATA, 'clinc150/real_train.jsonl'), 'utf8')).slice(0, 600).join('\n') + '\n');
  return { dir, synthetic, real };
}

function select(args: readonly string[]): SelectReport {
  const result = synthgap(['select', ...args, '--cache-dir', tempDir(), '--format', 'json', '--quiet']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as SelectReport;
}

describe('synthgap select --embedder', () => {
  test('groups paraphrases the hashed embedding misses, says which embedding it used, and keeps lines byte for byte', () => {
    const { dir, synthetic, real } = paraphraseCase();
    const out = join(dir, 'kept.jsonl');
    const hashed = select([synthetic, '--reference', real]);
    const semantic = select([synthetic, '--reference', real, '--embedder', MODEL, '--out', out]);

    assert.match(hashed.settings.embedder, /^hashed/);
    assert.equal(semantic.settings.embedder, 'model2vec:potion-base-4m-int8');
    assert.deepEqual([hashed.settings.duplicateThreshold, hashed.settings.leakThreshold], [0.9, 0.95]);
    assert.deepEqual([semantic.settings.duplicateThreshold, semantic.settings.leakThreshold], [MODEL2VEC_NEAR_COPY.duplicate, MODEL2VEC_NEAR_COPY.leak], 'the model states its own thresholds');
    // On these 300 rows (seed 42): 37 near-duplicates in 8 groups on potion, none on hashed.
    assert.ok(semantic.counts['near-duplicate'] > hashed.counts['near-duplicate'], `semantic ${semantic.counts['near-duplicate']}, hashed ${hashed.counts['near-duplicate']}`);
    const hashedDropped = new Set(hashed.dropped.map((d) => d.line));
    const onlySemantic = semantic.dropped.filter((d) => d.reason === 'near-duplicate' && !hashedDropped.has(d.line));
    assert.ok(onlySemantic.length > 0, 'rows the hashed run kept are grouped as rewordings');
    // A reworded row is grouped with a row of the same source utterance: the paraphrases come ten to a source, in a run.
    assert.ok(onlySemantic.some((d) => d.like !== undefined && Math.abs(d.like.line - d.line) < 10), JSON.stringify(onlySemantic.slice(0, 3)));

    const input = lines(readFileSync(synthetic, 'utf8'));
    const dropped = new Set(semantic.dropped.map((d) => d.line));
    assert.deepEqual(readFileSync(out, 'utf8'), input.filter((_, i) => !dropped.has(i + 1)).join('\n') + '\n');
  });

  test('the text summary names the embedding and its thresholds; an explicit threshold wins', () => {
    const { synthetic, real } = paraphraseCase();
    const result = synthgap(['select', synthetic, '--reference', real, '--embedder', MODEL, '--duplicate-similarity', '0.99', '--cache-dir', tempDir(), '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Similarity on model2vec:potion-base-4m-int8: near-duplicates at cosine ≥ 0\.99, copies of real rows at ≥ 0\.\d+\./);
  });

  test('a model that cannot be loaded falls back to the hashed embedding and says so once', () => {
    const { dir, synthetic, real } = paraphraseCase();
    const result = synthgap(['select', synthetic, '--reference', real, '--embedder', join(dir, 'no-such-model'), '--no-download', '--cache-dir', tempDir(), '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.match(/Using the built-in hashed embedding/g)?.length, 1, result.stderr);
    assert.match(result.stdout, /Similarity on hashed[^:]*: near-duplicates at cosine ≥ 0\.9, copies of real rows at ≥ 0\.95\./);
  });
});
