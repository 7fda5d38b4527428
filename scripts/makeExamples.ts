// Cuts the example data in examples/ from the public data in data/ (seeded, so it is reproducible):
//   node --import tsx scripts/makeExamples.ts [data folder, default data]
// Kept in the repository to document where each example row comes from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleIndexes, seededRandom } from '../src/core/stats/random';

const source = process.argv[2] ?? 'data';

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  return Array.from(sampleIndexes(items.length, count, seededRandom(seed)), (i) => items[i]);
}

const lines = (file: string) => readFileSync(join(source, file), 'utf8').split('\n').filter((line) => line.trim());
const write = (file: string, rows: readonly string[]) => writeFileSync(join('examples', file), rows.join('\n') + '\n');

// Two disjoint random halves of one real file: a true real-against-real control.
const real = sample(lines('clinc150/real_train.jsonl'), 3000, 1);
const inFirst = new Set(sample(real.map((_, i) => i), 1500, 2));
write('real.jsonl', real.filter((_, i) => inFirst.has(i)));
write('real_holdout.jsonl', real.filter((_, i) => !inFirst.has(i)));
write('synthetic.jsonl', sample(lines('clinc150/synthetic_gpt35.jsonl'), 3000, 3));
const banking = lines('banking77/real_train.csv');
write('banking_real.csv', [banking[0], ...sample(banking.slice(1), 1500, 4)]);
