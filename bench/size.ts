// One benchmark size, in its own process: prints one JSON array of table cells as its last line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashedTfidf } from '../src/core/embed/hashedTfidf';
import { analyze } from '../src/core/gap/analyze';
import { trainDetector } from '../src/core/gap/detector/train';
import { featureMatrix } from '../src/core/gap/matrix';
import { FEATURE_COUNT } from '../src/core/features/registry';
import type { WordDictionary } from '../src/core/host';
import { loadDictionary } from '../src/node/dictionary';
import { readDatasetFile } from '../src/node/readDatasetFile';
import { resample } from './resample';
import { detectorThread } from '../src/node/detectorThread';
import type { GapReport } from '../src/core/report/types';

const REAL_ROWS = 10_000;


let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

function rate(rows: number, ms: number): string {
  return Math.round(rows / (ms / 1000)).toLocaleString('en-US');
}

/** What `synthgap check` does: read both files, analyze with the detector on its own thread. */
async function check(realFile: string, synthFile: string, dictionary: WordDictionary, stages: Map<string, number>): Promise<GapReport> {
  const [real, synthetic] = [await readDatasetFile(realFile), await readDatasetFile(synthFile)];
  const thread = detectorThread((reason) => console.error(`bench: ${reason}`));
  // analyze's stage timings (`compare: 1241 ms`) at debug level; nested ones are indented and left out.
  const debug = (message: string) => {
    const match = /^([^ ][^:]*): (\d+) ms$/.exec(message);
    if (match) stages.set(match[1], Number(match[2]));
  };
  try {
    return await analyze(
      { reference: [{ file: 'real.jsonl', data: real }], datasets: [{ file: 'synthetic.jsonl', data: synthetic }] },
      { dictionary, logger: { debug, info() {}, warn() {} }, ...(thread ? { runDetector: thread.run } : {}) },
    );
  } finally {
    thread?.dispose();
  }
}

async function main(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-'));
  const realFile = join(dir, 'real.jsonl');
  const synthFile = join(dir, 'synthetic.jsonl');
  writeFileSync(realFile, resample('real.jsonl', REAL_ROWS, 1));
  writeFileSync(synthFile, resample('synthetic.jsonl', size, 2));
  const dictionary = loadDictionary();

  // The whole check first, in a fresh process, so its peak memory is its own.
  let start = performance.now();
  const stages = new Map<string, number>();
  const report = await check(realFile, synthFile, dictionary, stages);
  const checkMs = performance.now() - start;
  const seconds = (stage: string) => ((stages.get(stage) ?? 0) / 1000).toFixed(1);
  const checkPeak = peak;

  start = performance.now();
  const synthetic = await readDatasetFile(synthFile);
  const readMs = performance.now() - start;
  const texts = synthetic.rows.map((row) => row.text);

  start = performance.now();
  const features = featureMatrix(texts, dictionary);
  const featuresMs = performance.now() - start;

  const tfidf = new HashedTfidf({ seed: 1 });
  tfidf.fit(texts.slice(0, 100_000));
  start = performance.now();
  for (const text of texts) tfidf.vector(text);
  const tfidfMs = performance.now() - start;

  const real = await readDatasetFile(realFile);
  const realTexts = real.rows.map((row) => row.text);
  const realFeatures = featureMatrix(realTexts, dictionary);
  const dense = new Float32Array((realTexts.length + texts.length) * FEATURE_COUNT);
  dense.set(realFeatures, 0);
  dense.set(features, realFeatures.length);
  const all = [...realTexts, ...texts];
  start = performance.now();
  trainDetector({
    count: all.length,
    isSynthetic: new Uint8Array(all.length).fill(1, realTexts.length),
    dense,
    denseDim: FEATURE_COUNT,
    sparse: (row) => tfidf.vector(all[row]),
    sparseDim: tfidf.buckets,
  });
  const detectorMs = performance.now() - start;

  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  const cells = [
    size.toLocaleString('en-US'),
    rate(size, readMs),
    rate(size, featuresMs),
    rate(size, tfidfMs),
    rate(size + REAL_ROWS, detectorMs),
    seconds('features'),
    seconds('compare'),
    seconds('detector (beyond the comparison)'),
    seconds('findings'),
    (checkMs / 1000).toFixed(1),
    rate(size + REAL_ROWS, checkMs),
    Math.round(checkPeak / 2 ** 20).toLocaleString('en-US'),
    report.datasets[0].summary.auc.toFixed(3),
  ];
  console.log(JSON.stringify(cells));
}

void main(Number(process.argv[2]));
