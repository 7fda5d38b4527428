import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { analyze } from '../../../src/core/gap/analyze';
import { createEmbedder } from '../../../src/embedders/createEmbedder';
import { loadDictionary } from '../../../src/node/dictionary';
import { SHARED_DATA, sharedDataSkip } from '../../support/sharedData';
import { POTION, potionSkip } from './helpers';

const skip = potionSkip || sharedDataSkip('clinc150/synthetic_gpt35.jsonl');

function head(file: string, rows: number): string {
  return readFileSync(join(SHARED_DATA, 'clinc150', file), 'utf8').split('\n').slice(0, rows).join('\n') + '\n';
}

test('the semantic embedding finds a paraphrase group among gpt-3.5 rows that the hashed embedding misses', { skip }, async () => {
  const input = {
    reference: [{ file: 'real_test.jsonl', data: await readDataset(head('real_test.jsonl', 600), { format: 'jsonl' }) }],
    datasets: [{ file: 'synthetic_gpt35.jsonl', data: await readDataset(head('synthetic_gpt35.jsonl', 400), { format: 'jsonl' }) }],
  };
  const dictionary = loadDictionary();
  const semantic = await createEmbedder(`model2vec:${POTION}`);
  const hashed = await analyze(input, { dictionary });
  const withMeaning = await analyze(input, { dictionary, embedder: semantic.embedder });
  assert.equal(withMeaning.settings.embedder, 'model2vec:potion-base-4m-int8');

  // Lines 23 and 26: "In Japanese, how do you greet someone?" and "What do you say in Japanese to greet someone?"
  // The same request, reworded and reordered: few shared character grams, the same meaning.
  const together = (report: typeof hashed) => report.datasets[0].diversity.nearDuplicateGroups.some((group) => group.lines.includes(23) && group.lines.includes(26));
  assert.equal(together(withMeaning), true);
  assert.equal(together(hashed), false);
  assert.ok(withMeaning.datasets[0].diversity.nearDuplicateRows > hashed.datasets[0].diversity.nearDuplicateRows);
});
