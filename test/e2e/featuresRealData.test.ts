import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { computeFeatures } from '../../src/core/features/compute';
import { FEATURES, FEATURE_COUNT, featureIndex } from '../../src/core/features/registry';
import { wordList } from '../unit/features/support';
import { REPO_DATA } from '../support/repoData';

// Public data nobody here wrote (see data/README.md).
const DATA = `${REPO_DATA}/clinc150`;
const ROWS = 500;

/** `ROWS` texts spread evenly over a file, so every intent is represented (the files are ordered by label). */
function sample(file: string): string[] {
  const lines = readFileSync(`${DATA}/${file}`, 'utf8').split('\n').filter(Boolean);
  const step = lines.length / ROWS;
  return Array.from({ length: ROWS }, (_, i) => (JSON.parse(lines[Math.floor(i * step)]) as { text: string }).text);
}

function means(texts: string[]): Float64Array {
  const out = new Float32Array(FEATURE_COUNT);
  const sums = new Float64Array(FEATURE_COUNT);
  for (const text of texts) {
    computeFeatures(text, wordList(), out, 0);
    for (let j = 0; j < FEATURE_COUNT; j++) sums[j] += out[j];
  }
  return sums.map((sum) => sum / texts.length);
}

test('CLINC150: crowd text is lower-case without final punctuation, GPT-3.5 paraphrases the reverse', () => {
  const real = means(sample('real_test.jsonl'));
  const synthetic = means(sample('synthetic_gpt35.jsonl'));
  const lower = featureIndex('all-lowercase');
  const terminal = featureIndex('terminal-punctuation');
  assert.ok(real[lower] - synthetic[lower] > 0.3, `all lower-case: real ${real[lower]}, synthetic ${synthetic[lower]}`);
  assert.ok(synthetic[terminal] - real[terminal] > 0.3, `final punctuation: real ${real[terminal]}, synthetic ${synthetic[terminal]}`);
});

test('CLINC150: two real splits differ by no more than a few points on any yes/no feature', () => {
  const train = means(sample('real_train.jsonl'));
  const testSplit = means(sample('real_test.jsonl'));
  FEATURES.forEach((def, j) => {
    if (def.kind !== 'binary') return;
    assert.ok(Math.abs(train[j] - testSplit[j]) < 0.05, `${def.id}: train ${train[j]}, test ${testSplit[j]}`);
  });
});
