// Paraphrase groups on a semantic embedding: test/fixtures/potion-mini is the shared Model2Vec model cut down to
// the tokens of test/fixtures/paraphrase (scripts/makeTestModel.ts), so these texts embed as with the full model.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diversityReport } from '../../../src/core/gap/diversity';
import { nearDuplicateGroups } from '../../../src/core/gap/duplicates';
import type { SideRows } from '../../../src/core/gap/sideRows';
import { embeddedAll } from '../../support/embeddedSample';
import { MODEL2VEC_NEAR_COPY } from '../../../src/embedders/model2vec';
import { createEmbedder } from '../../../src/embedders/createEmbedder';

const FIXTURES = join(__dirname, '../../fixtures');

function texts(name: string): string[] {
  return readFileSync(join(FIXTURES, 'paraphrase', name), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
}

async function side(rows: string[]): Promise<SideRows> {
  const { embedder, fallback } = await createEmbedder(`model2vec:${join(FIXTURES, 'potion-mini')}`);
  assert.ok(embedder, `the test model did not load: ${fallback}`);
  return { texts: rows, rows: rows.map((_, i) => ({ line: i + 1 })), embedded: embeddedAll(await embedder.embed(rows)) };
}

test('ten lines that restate one request form one group on the semantic embedding; the sentence does not call the rows more varied', async () => {
  const real = await side(texts('real.jsonl'));
  const synthetic = await side(texts('synthetic.jsonl'));
  const options = { seed: 1, threshold: MODEL2VEC_NEAR_COPY.duplicate, paraphrase: MODEL2VEC_NEAR_COPY.paraphrase, embedder: 'model2vec:potion-mini' };
  const report = diversityReport(real, synthetic, options);
  const first = report.nearDuplicateGroups.find((group) => group.lines.includes(1));
  assert.ok(first && first.lines.filter((line) => line <= 10).length >= 8, JSON.stringify(report.nearDuplicateGroups));
  assert.doesNotMatch(report.sentence, /more varied/);
  assert.match(report.sentence, /near-copies or paraphrases of another synthetic row/);
  assert.equal(report.paraphrases, true);
  assert.equal(report.similarityThreshold, 0.8);
  assert.match(report.method ?? '', /cosine ≥ 0\.80 to a group's first row on model2vec:potion-mini, a semantic embedding, so paraphrases count/);
  // At the near-copy cosine alone (what the report used before), the paraphrases stay apart and the rows read as "more varied".
  const copiesOnly = diversityReport(real, synthetic, { seed: 1, threshold: MODEL2VEC_NEAR_COPY.duplicate, embedder: 'model2vec:potion-mini' });
  assert.equal(copiesOnly.nearDuplicateGroups.some((group) => group.lines.includes(1)), false);
  assert.match(copiesOnly.sentence, /more varied/);
  assert.match(copiesOnly.method ?? '', /paraphrases are not detected/);
});

test('leader linkage does not chain: a row near a near row is not pulled in', () => {
  // Unit vectors at 0°, 30° and 60°: cos 0.87 between neighbours, 0.5 between the ends.
  const at = (degrees: number) => Float32Array.from([Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)]);
  const rows = ['a', 'b', 'c'];
  const sideRows = { texts: rows, rows: rows.map((_, i) => ({ line: i + 1 })), embedded: embeddedAll([at(0), at(30), at(60)]) };
  assert.deepEqual(nearDuplicateGroups(sideRows, { threshold: 0.8, seed: 1 }).groups.map((g) => g.lines), [[1, 2, 3]]);
  assert.deepEqual(nearDuplicateGroups(sideRows, { threshold: 0.8, seed: 1, linkage: 'leader' }).groups.map((g) => g.lines), [[1, 2]]);
});
