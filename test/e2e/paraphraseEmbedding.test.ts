import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { analyze } from '../../src/core/gap/analyze';
import { createEmbedder } from '../../src/embedders/createEmbedder';
import { loadDictionary } from '../../src/node/dictionary';
import { POTION, REPO_DATA } from '../support/repoData';

function head(file: string, rows: number): string {
  return readFileSync(join(REPO_DATA, 'clinc150', file), 'utf8').split('\n').slice(0, rows).join('\n') + '\n';
}

test('the semantic embedding finds a paraphrase group among gpt-3.5 rows that the hashed embedding misses', async () => {
  const input = {
    reference: [{ file: 'real_test.jsonl', data: await readDataset(head('real_test.jsonl', 600), { format: 'jsonl' }) }],
    datasets: [{ file: 'synthetic_gpt35.jsonl', data: await readDataset(head('synthetic_gpt35.jsonl', 400), { format: 'jsonl' }) }],
  };
  const dictionary = loadDictionary();
  const semantic = await createEmbedder(`model2vec:${POTION}`);
  const hashed = await analyze(input, { dictionary });
  const withMeaning = await analyze(input, { dictionary, embedder: semantic.embedder });
  assert.equal(withMeaning.settings.embedder, 'model2vec:potion-base-4m-int8');

  // Lines 223 and 227: "Please deposit $175 into my Wells Fargo checking account from my Citibank savings account."
  // and "I would like to put $175 in my Wells Fargo checking account, transferred from my Citibank savings account."
  // The same request, reworded and reordered: the hashed embedding's character grams keep them apart; at Model2Vec's
  // own paraphrase cosine (0.8, not the hashed near-copy 0.9) the meaning puts them in one group.
  assert.equal(withMeaning.datasets[0].diversity.similarityThreshold, 0.8);
  assert.equal(hashed.datasets[0].diversity.similarityThreshold, 0.9);
  const together = (report: typeof hashed) => report.datasets[0].diversity.nearDuplicateGroups.some((group) => group.lines.includes(223) && group.lines.includes(227));
  assert.equal(together(withMeaning), true);
  assert.equal(together(hashed), false);
  assert.ok(withMeaning.datasets[0].diversity.nearDuplicateRows > hashed.datasets[0].diversity.nearDuplicateRows);
});
