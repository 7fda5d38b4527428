// npm run bench (or node --import tsx bench/detector.ts): the detector against the plain scikit-learn baseline
// (bench/baseline.py) on the same rows, and real-against-real nulls (two random halves of one file). Reads the
// public data in data/ (or SYNTHGAP_BENCH_DATA, see bench/data.ts); skips with a message where it is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDataset } from '../src/core/dataset/types';
import { analyze } from '../src/core/gap/analyze';
import { loadDictionary } from '../src/node/dictionary';
import { readDatasetFile } from '../src/node/readDatasetFile';
import { sampleIndexes, seededRandom, shuffleInPlace } from '../src/core/stats/random';
import { BENCH_DATA } from './data';
import { resample } from './resample';
import { sklearnBaseline } from './sklearnBaseline';

const DATA = BENCH_DATA;
const PER_SIDE = 3000;

interface Pair {
  readonly name: string;
  /** Two halves of one real file: must show no gap. */
  readonly isNull: boolean;
  readonly real: string[];
  readonly synthetic: string[];
}

async function texts(relative: string): Promise<string[]> {
  const data = await readDatasetFile(join(DATA, relative));
  return data.rows.map((row) => row.text);
}

function sample(rows: readonly string[], n: number, seed: number): string[] {
  return Array.from(sampleIndexes(rows.length, n, seededRandom(seed)), (i) => rows[i]);
}

/** A seeded shuffle, then the first n and the next n rows. */
function halves(rows: readonly string[], n: number, seed: number): [string[], string[]] {
  const order = shuffleInPlace(Uint32Array.from({ length: rows.length }, (_, i) => i), seededRandom(seed));
  const size = Math.min(n, Math.floor(rows.length / 2));
  return [Array.from(order.subarray(0, size), (i) => rows[i]), Array.from(order.subarray(size, 2 * size), (i) => rows[i])];
}

const strip = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, '').replace(/\s+/g, ' ').trim();

function dataset(rows: readonly string[]): ParsedDataset {
  return { format: 'jsonl', textField: 'text', rows: rows.map((text, i) => ({ line: i + 1, text, textRange: { start: 0, end: text.length } })), errors: [] };
}

async function pairs(): Promise<Pair[]> {
  const clincTrain = await texts('clinc150/real_train.jsonl');
  const clincTest = await texts('clinc150/real_test.jsonl');
  const clincLlm = await texts('clinc150/synthetic_gpt35.jsonl');
  const bankTrain = await texts('banking77/real_train.csv');
  const bankTest = await texts('banking77/real_test.csv');
  // The speed bench's 100K set (resampled from examples/): the whole check must not see less than the baseline there.
  const lines = (text: string) => text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
  const out: Pair[] = [
    { name: 'bench 100K vs 10K (resampled)', isNull: false, real: lines(resample('real.jsonl', 10_000, 1)), synthetic: lines(resample('synthetic.jsonl', 100_000, 2)) },
    { name: 'clinc test vs gpt-3.5', isNull: false, real: sample(clincTest, PER_SIDE, 1), synthetic: sample(clincLlm, PER_SIDE, 2) },
    { name: 'clinc, wording only', isNull: false, real: sample(clincTest, PER_SIDE, 1).map(strip), synthetic: sample(clincLlm, PER_SIDE, 2).map(strip) },
    { name: 'clinc 200 vs 200', isNull: false, real: sample(clincTest, 200, 3), synthetic: sample(clincLlm, 200, 4) },
    { name: 'clinc train vs test (not a null)', isNull: false, real: sample(clincTrain, PER_SIDE, 5), synthetic: sample(clincTest, PER_SIDE, 6) },
    { name: 'banking train vs test (not a null)', isNull: false, real: sample(bankTrain, PER_SIDE, 5), synthetic: sample(bankTest, PER_SIDE, 6) },
  ];
  const files: [string, string[]][] = [['clinc train', clincTrain], ['clinc test', clincTest], ['clinc gpt-3.5', clincLlm], ['banking train', bankTrain], ['banking test', bankTest]];
  for (const [name, rows] of files) {
    const [a, b] = halves(rows, PER_SIDE, 7);
    out.push({ name: `null: ${name} halves`, isNull: true, real: a, synthetic: b });
    const [c, d] = halves(rows, 200, 8);
    out.push({ name: `null: ${name} 200+200`, isNull: true, real: c, synthetic: d });
  }
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'clinc150/real_train.jsonl'))) {
    console.log(`detector bench skipped: no development data at ${DATA} (set SYNTHGAP_BENCH_DATA)`);
    return;
  }
  const only = process.env.SYNTHGAP_BENCH_ONLY;
  const all = (await pairs()).filter((pair) => !only || pair.name.includes(only));
  const base = process.env.SYNTHGAP_BENCH_BASELINE === '0' ? new Map() : sklearnBaseline(all);
  const dictionary = loadDictionary();
  console.log(['pair'.padEnd(36), 'synthgap AUC [95%]'.padEnd(22), 'flagged', 'real>thr', 'baseline', '  s ours', 's base'].join('  '));
  for (const pair of all) {
    const start = performance.now();
    const report = await analyze({ reference: [{ file: 'real', data: dataset(pair.real) }], datasets: [{ file: 'other', data: dataset(pair.synthetic) }] }, { dictionary });
    const seconds = (performance.now() - start) / 1000;
    const s = report.datasets[0].summary;
    const b = base.get(pair.name);
    const quiet = !pair.isNull ? '' : (s.auc <= 0.55 || (s.aucLow <= 0.5 && s.aucHigh >= 0.5)) && s.flagged / s.rows <= 0.06 ? ' quiet' : ' NOT QUIET';
    console.log([
      pair.name.padEnd(36),
      `${s.auc.toFixed(3)} [${s.aucLow.toFixed(3)}–${s.aucHigh.toFixed(3)}]`.padEnd(22),
      `${((100 * s.flagged) / s.rows).toFixed(1)}%`.padStart(7),
      `${(100 * s.referenceFlaggedShare).toFixed(1)}%`.padStart(8),
      (b ? b.auc.toFixed(3) : '-').padStart(8),
      seconds.toFixed(2).padStart(8),
      (b ? b.seconds.toFixed(2) : '-').padStart(6),
    ].join('  ') + quiet);
  }
}

void main();
