// Roughening on the CLINC150 data in data/: gpt-3.5 paraphrases against the real crowd-written rows. The check's
// detector must find them much harder to tell apart afterwards, and a classifier trained on the synthetic rows
// must do no worse on real rows. Nothing here is tuned to these files: the profile is learned from real_train.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { HashedTfidf } from '../../src/core/embed/hashedTfidf';
import { analyze } from '../../src/core/gap/analyze';
import { learnNoiseProfile } from '../../src/core/roughen/profile';
import { roughenText } from '../../src/core/roughen/roughen';
import { sampleIndexes, seededRandom } from '../../src/core/stats/random';
import { REPO_DATA } from '../support/repoData';
import { wordList } from '../unit/roughen/support';

interface Row {
  readonly text: string;
  readonly label: string;
}

const load = (name: string): Row[] =>
  readFileSync(join(REPO_DATA, 'clinc150', name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

const jsonl = (rows: readonly Row[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

/** Train on synthetic, test on real: a nearest-centroid classifier over hashed TF-IDF, accuracy on `test`. */
function syntheticOnlyAccuracy(train: readonly Row[], test: readonly Row[]): number {
  const buckets = 1 << 16;
  const tfidf = new HashedTfidf({ buckets });
  tfidf.fit(train.map((row) => row.text));
  const centroids = new Map<string, Float64Array>();
  for (const row of train) {
    let centroid = centroids.get(row.label);
    if (!centroid) centroids.set(row.label, (centroid = new Float64Array(buckets)));
    const vector = tfidf.vector(row.text);
    for (let j = 0; j < vector.indices.length; j++) centroid[vector.indices[j]] += vector.values[j];
  }
  for (const centroid of centroids.values()) {
    const norm = Math.hypot(...centroid) || 1;
    for (let j = 0; j < buckets; j++) centroid[j] /= norm;
  }
  let correct = 0;
  for (const row of test) {
    const vector = tfidf.vector(row.text);
    let best = '';
    let bestScore = -Infinity;
    for (const [label, centroid] of centroids) {
      let score = 0;
      for (let j = 0; j < vector.indices.length; j++) score += centroid[vector.indices[j]] * vector.values[j];
      if (score > bestScore) [best, bestScore] = [label, score];
    }
    if (best === row.label) correct++;
  }
  return correct / test.length;
}

test('CLINC150: roughening gpt-3.5 paraphrases lowers the AUC a lot and keeps synthetic-only accuracy on real rows', { timeout: 120_000 }, async (t) => {
  const real = load('real_train.jsonl');
  const heldOut = load('real_test.jsonl');
  const all = load('synthetic_gpt35.jsonl');
  const synthetic = Array.from(sampleIndexes(all.length, 3000, seededRandom(1)), (i) => all[i]);
  const dictionary = wordList();
  const profile = learnNoiseProfile(real.map((row) => row.text), dictionary, { labels: real.map((row) => row.label) });
  // As `synthgap roughen` does: the rows are calibrated as a group against their own profile.
  const dataset = learnNoiseProfile(synthetic.map((row) => row.text), dictionary, { maxDonors: 0 });
  const rough = synthetic.map((row) => ({ ...row, text: roughenText(row.text, profile, { seed: 7, label: row.label, dictionary, dataset }).text }));

  const reference = [{ file: 'real_train.jsonl', data: await readDataset(jsonl(real), { format: 'jsonl' }) }];
  const aucOf = async (rows: readonly Row[]) =>
    (await analyze({ reference, datasets: [{ file: 'synthetic.jsonl', data: await readDataset(jsonl(rows), { format: 'jsonl' }) }] }, { dictionary })).datasets[0].summary.auc;
  const before = { auc: await aucOf(synthetic), accuracy: syntheticOnlyAccuracy(synthetic, heldOut) };
  const after = { auc: await aucOf(rough), accuracy: syntheticOnlyAccuracy(rough, heldOut) };
  t.diagnostic(`AUC ${before.auc.toFixed(3)} → ${after.auc.toFixed(3)}; synthetic-only accuracy on real_test ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}`);
  for (let i = 0; i < 5; i++) t.diagnostic(`${synthetic[i].text} → ${rough[i].text}`);

  // Roughening takes away the style part of the gap (case, punctuation, typos); what is left is wording, which it
  // does not paraphrase. So after roughening the detector sees about what it sees with case and punctuation
  // stripped from both sides. Measured: 1.000 → 0.905, wording alone 0.912 (the detector matches a
  // scikit-learn TF-IDF baseline on wording since issue 9, so this is no longer a drop of 0.15).
  const strip = (rows: readonly Row[]) => rows.map((row) => ({ ...row, text: row.text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, '').replace(/\s+/g, ' ').trim() }));
  const wordingOnly = (await analyze({
    reference: [{ file: 'real_train.jsonl', data: await readDataset(jsonl(strip(real)), { format: 'jsonl' }) }],
    datasets: [{ file: 'synthetic.jsonl', data: await readDataset(jsonl(strip(synthetic)), { format: 'jsonl' }) }],
  }, { dictionary })).datasets[0].summary.auc;
  t.diagnostic(`wording alone (case and punctuation stripped from both sides): AUC ${wordingOnly.toFixed(3)}`);
  assert.ok(after.auc <= wordingOnly + 0.02, `AUC after roughen ${after.auc} vs wording alone ${wordingOnly}`);
  assert.ok(after.auc <= before.auc - 0.08, `AUC ${before.auc} → ${after.auc}`);
  assert.ok(after.accuracy >= before.accuracy - 0.005, `accuracy ${before.accuracy} → ${after.accuracy}`);
  assert.equal(rough.length, synthetic.length);
  assert.deepEqual(rough.map((row) => row.label), synthetic.map((row) => row.label));
});
