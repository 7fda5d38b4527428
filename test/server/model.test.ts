// The editor's scoring model survives a trip to another thread (structured clone) and scores as the detector does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { HashedTfidf } from '../../src/core/embed/hashedTfidf';
import { analyze } from '../../src/core/gap/analyze';
import { phraseBoost } from '../../src/core/gap/markerPrior';
import { ScoringModel, scoringModelState, type ModelParts } from '../../src/core/gap/model';
import { computeFeatures } from '../../src/core/features/compute';
import { FEATURE_COUNT } from '../../src/core/features/registry';
import { loadDictionary } from '../../src/node/dictionary';

const EXAMPLES = resolve(__dirname, '../../examples');

test('a cloned scoring model gives the fitted detector\'s scores, reasons for flagged rows and a nearest real row', async () => {
  const dictionary = loadDictionary();
  const real = await readDataset(readFileSync(resolve(EXAMPLES, 'real.jsonl'), 'utf8'), { fileName: 'real.jsonl' });
  const synthetic = await readDataset(readFileSync(resolve(EXAMPLES, 'synthetic.jsonl'), 'utf8'), { fileName: 'synthetic.jsonl' });
  let parts: ModelParts | undefined;
  const report = await analyze(
    { reference: [{ file: 'real.jsonl', data: real }], datasets: [{ file: 'synthetic.jsonl', data: synthetic }] },
    { dictionary, onModel: (p) => (parts = p) },
  );
  assert.ok(parts);
  const state = structuredClone(scoringModelState(parts, real.rows.map((row) => ({ text: row.text, file: 'real.jsonl', line: row.line })), { maxNearest: 500 }));
  const model = new ScoringModel(state, dictionary);
  const features = new Float32Array(FEATURE_COUNT);
  for (const row of synthetic.rows.slice(0, 50)) {
    computeFeatures(row.text, dictionary, features, 0);
    // The editor adds the same stock-phrase prior as analyze() does to every row.
    const prior = phraseBoost(row.text, parts.reasons.stockPhraseCounts, parts.reasons.referenceRows);
    const expected = parts.detector.score(features, 0, parts.tfidf.vectorView(row.text), prior);
    const scored = model.score(row);
    assert.ok(Math.abs(scored.score - expected) < 1e-12, `${scored.score} vs ${expected}`);
    assert.equal(scored.flagged, scored.score > report.datasets[0].summary.flagThreshold);
    if (scored.flagged) assert.ok(scored.reasons.length > 0 || scored.percentile > 0.9);
  }
  const nearest = model.nearest(synthetic.rows[0].text);
  assert.ok(nearest && nearest.similarity > 0 && nearest.row.file === 'real.jsonl');
});

test('a HashedTfidf rebuilt from its state gives the same vectors', () => {
  const model = new HashedTfidf({ buckets: 1 << 12, seed: 3 });
  model.fit(['how do I reset my pin', 'what is my balance', 'reset the router please']);
  const copy = HashedTfidf.fromState(structuredClone(model.exportState()));
  assert.deepEqual(copy.vector('reset my balance pin'), model.vector('reset my balance pin'));
});
