// One realistic check on the CLINC150 data in data/: real against real must look calm, and the GPT-3.5
// paraphrases must not. Thresholds are the defaults; nothing here is tuned to these files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { coverageReport } from '../../src/core/gap/coverage';
import { diversityReport } from '../../src/core/gap/diversity';
import { leakageReport } from '../../src/core/gap/leakage';
import { phraseReport } from '../../src/core/gap/phrases';
import type { SideRows } from '../../src/core/gap/sideRows';
import { sampleIndexes, seededRandom } from '../../src/core/stats/random';
import { REPO_DATA } from '../support/repoData';
import { embedAll } from '../unit/gap/testEmbedding';

const DATA = join(REPO_DATA, 'clinc150');

interface Row {
  readonly text: string;
  readonly label: string;
  readonly line: number;
}

function load(name: string): Row[] {
  return readFileSync(`${DATA}/${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ ...(JSON.parse(line) as { text: string; label: string }), line: i + 1 }));
}

function side(rows: readonly Row[], file: string): SideRows {
  const texts = rows.map((r) => r.text);
  return { texts, rows: rows.map((r) => ({ line: r.line, label: r.label })), rowFiles: rows.map(() => file), embedded: embedAll(texts) };
}

const sample = (rows: readonly Row[], n: number, seed: number) => Array.from(sampleIndexes(rows.length, n, seededRandom(seed)), (i) => rows[i]);

test('CLINC150: real_train against real_test is calm, against GPT-3.5 paraphrases it is not', (t) => {
  const train = side(sample(load('real_train'), 2000, 1), 'real_train.jsonl');
  const heldOut = side(sample(load('real_test'), 2000, 2), 'real_test.jsonl');
  // A contiguous block keeps paraphrase families whole, as in a 2,000-row generated file.
  const synthetic = side(load('synthetic_gpt35').slice(10_000, 12_000), 'synthetic_gpt35.jsonl');

  const control = {
    diversity: diversityReport(train, heldOut, { seed: 1 }),
    coverage: coverageReport(train, heldOut, { seed: 1 }),
    leakage: leakageReport(train, heldOut, { seed: 1 }),
    phrases: phraseReport(train.texts, heldOut.texts, { seed: 1 }),
  };
  const gpt = {
    diversity: diversityReport(train, synthetic, { seed: 1 }),
    coverage: coverageReport(train, synthetic, { seed: 1 }),
    leakage: leakageReport(train, synthetic, { seed: 1 }),
    phrases: phraseReport(train.texts, synthetic.texts, { seed: 1 }),
  };
  for (const [name, r] of Object.entries({ control, gpt })) {
    t.diagnostic(`${name}: ${r.diversity.sentence}`);
    t.diagnostic(`${name}: ${r.coverage.sentence}`);
    t.diagnostic(`${name}: leakage exact ${r.leakage.exact}, near ${r.leakage.near}; phrases ${r.phrases.overSynthetic.map((p) => p.phrase).join(', ')}`);
  }

  // Real against real: no gap beyond chance.
  assert.match(control.diversity.sentence, /^Synthetic rows are about as varied as real rows/);
  assert.ok(control.diversity.nearDuplicateRows < 100, 'CLINC has some templated near-copies, but few');
  assert.ok(control.coverage.missing.length <= 1 && control.coverage.syntheticOnly.length <= 1, control.coverage.sentence);
  assert.ok(control.phrases.overSynthetic.length + control.phrases.overReal.length <= 2);
  assert.ok(control.leakage.exact < 20);

  // Paraphrases: rows sit closer to each other than real rows do, copies group, wording differs.
  const d = gpt.diversity;
  assert.ok(d.synthetic.meanNearestSimilarity > control.diversity.synthetic.meanNearestSimilarity);
  assert.ok(d.synthetic.meanNearestSimilarity > d.real.meanNearestSimilarity);
  assert.doesNotMatch(d.sentence, /about as varied|more varied/);
  assert.ok(d.nearDuplicateGroups.length >= 10);
  assert.ok(gpt.phrases.overSynthetic.length >= 5);
});
