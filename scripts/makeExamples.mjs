// Cuts the example data in examples/ from the shared development data (seeded, so it is reproducible):
//   node scripts/makeExamples.mjs ../shared/data
// Kept in the repository to document where each example row comes from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? '../shared/data';

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(lines, count, seed) {
  const random = seeded(seed);
  const indexes = lines.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (indexes.length - i));
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes.slice(0, count).sort((a, b) => a - b).map((i) => lines[i]);
}

const lines = (file) => readFileSync(join(source, file), 'utf8').split('\n').filter((line) => line.trim());
const write = (file, rows) => writeFileSync(join('examples', file), rows.join('\n') + '\n');

// Two disjoint random halves of one real file: a true real-against-real control.
const real = sample(lines('clinc150/real_train.jsonl'), 3000, 1);
const half = sample(real.map((_, i) => i), 1500, 2);
const inFirst = new Set(half);
write('real.jsonl', real.filter((_, i) => inFirst.has(i)));
write('real_holdout.jsonl', real.filter((_, i) => !inFirst.has(i)));
write('synthetic.jsonl', sample(lines('clinc150/synthetic_gpt35.jsonl'), 3000, 3));
const banking = lines('banking77/real_train.csv');
write('banking_real.csv', [banking[0], ...sample(banking.slice(1), 1500, 4)]);
