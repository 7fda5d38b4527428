// The benches' datasets: rows drawn with replacement from examples/, seeded, so every run measures the same data.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../src/core/stats/random';

const EXAMPLES = resolve(__dirname, '../examples');

/** `count` lines of examples/`file`, drawn with replacement with a seeded generator, as one JSONL text. */
export function resample(file: string, count: number, seed: number): string {
  const lines = readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean);
  const random = seededRandom(seed);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = lines[Math.floor(random() * lines.length)];
  return out.join('\n') + '\n';
}
