// Builds test/fixtures/potion-mini: the Model2Vec model in data/models/potion-base-4m-int8 (MIT) cut
// down to the tokens that the paraphrase fixtures use, so tests embed those texts exactly as the full model does
// without reading anything outside the repository. Greedy WordPiece picks the same pieces from the subset, since
// every piece the full vocabulary picked for these texts is kept and no longer piece is added.
// Run: node --import tsx scripts/makeTestModel.ts [model folder]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTokenizer } from '../src/embedders/tokenizer';

const ROOT = resolve(__dirname, '..');
const SOURCE = process.argv[2] ?? resolve(ROOT, 'data/models/potion-base-4m-int8');
const OUT = join(ROOT, 'test/fixtures/potion-mini');
const TEXTS = ['test/fixtures/paraphrase/real.jsonl', 'test/fixtures/paraphrase/synthetic.jsonl'];
/** [PAD] [UNK] [CLS] [SEP] [MASK] keep their ids. */
const SPECIAL = 5;

async function main(): Promise<void> {
  const tokenizer = await loadTokenizer(SOURCE);
  const used = new Set<number>();
  for (const file of TEXTS) {
    for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n').filter(Boolean)) {
      for (const id of tokenizer.encode((JSON.parse(line) as { text: string }).text)) used.add(id);
    }
  }
  const json = JSON.parse(readFileSync(join(SOURCE, 'tokenizer.json'), 'utf8'));
  const vocab = json.model.vocab as Record<string, number>;
  const kept = Object.entries(vocab).filter(([, id]) => id < SPECIAL || used.has(id)).sort((a, b) => a[1] - b[1]);
  json.model.vocab = Object.fromEntries(kept.map(([token], index) => [token, index]));
  json.added_tokens = json.added_tokens.filter((token: { id: number }) => token.id < SPECIAL);
  const buffer = readFileSync(join(SOURCE, 'model.safetensors'));
  const headerLength = Number(buffer.readBigUInt64LE(0));
  const header = JSON.parse(buffer.subarray(8, 8 + headerLength).toString('utf8'));
  const { shape } = header.embeddings as { shape: [number, number] };
  const dim = shape[1];
  const data = buffer.subarray(8 + headerLength);
  const table = Buffer.alloc(kept.length * dim);
  kept.forEach(([, id], index) => data.copy(table, index * dim, id * dim, (id + 1) * dim));
  const outHeader = Buffer.from(JSON.stringify({ __metadata__: { format: 'pt' }, embeddings: { dtype: 'I8', shape: [kept.length, dim], data_offsets: [0, table.length] } }));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(outHeader.length));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'model.safetensors'), Buffer.concat([length, outHeader, table]));
  writeFileSync(join(OUT, 'tokenizer.json'), JSON.stringify(json));
  for (const file of ['config.json', 'modules.json', 'LICENSE.semhash']) writeFileSync(join(OUT, file), readFileSync(join(SOURCE, file)));
  console.log(`${kept.length} tokens × ${dim}`);
}

void main();
