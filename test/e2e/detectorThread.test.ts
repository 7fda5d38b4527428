// The detector on its own thread (dist/detectorWorker.js, as the CLI and the editor run it) gives exactly what it
// gives in place, can be cancelled, and falls back to the main thread when the thread cannot run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readDataset } from '../../src/core/dataset/readDataset';
import { HashedTfidf } from '../../src/core/embed/hashedTfidf';
import { FEATURE_COUNT } from '../../src/core/features/registry';
import { analyze } from '../../src/core/gap/analyze';
import { runDetectorJob, type DetectorJob } from '../../src/core/gap/detector/job';
import { featureMatrix } from '../../src/core/gap/matrix';
import { CancelledError } from '../../src/core/host';
import { loadDictionary } from '../../src/node/dictionary';
import { DetectorThread } from '../../src/node/detectorThread';
import { EXAMPLES, ROOT } from '../support/cli';

const SCRIPT = join(ROOT, 'dist/detectorWorker.js');

async function job(): Promise<DetectorJob> {
  const read = async (file: string) => (await readDataset(readFileSync(join(EXAMPLES, file), 'utf8'), { fileName: file })).rows.map((row) => row.text);
  const real = await read('real.jsonl');
  const synthetic = await read('synthetic.jsonl');
  const texts = [...real, ...synthetic];
  const tfidf = new HashedTfidf({ seed: 42 });
  tfidf.fit(texts);
  return {
    texts,
    isSynthetic: new Uint8Array(texts.length).fill(1, real.length),
    dense: featureMatrix(texts, loadDictionary()),
    denseDim: FEATURE_COUNT,
    tfidf: tfidf.withMinimumDocumentFrequency(2).exportState(),
    folds: 5,
    seed: 42,
    c: [1, 4, 16],
    maxTrainPerClass: 20_000,
  };
}

describe('the detector thread', () => {
  it('gives the same scores, AUC and model as the detector in place', async () => {
    const work = await job();
    const thread = new DetectorThread(SCRIPT, (reason) => assert.fail(reason));
    try {
      const there = (await thread.run(work)).result;
      const here = runDetectorJob(work);
      assert.deepEqual(there.scores, here.scores);
      assert.deepEqual([there.auc, there.aucLow, there.aucHigh, there.c], [here.auc, here.aucLow, here.aucHigh, here.c]);
      assert.deepEqual(there.model.sparseWeights, here.model.sparseWeights);
    } finally {
      thread.dispose();
    }
  });

  it('gives analyze the same report as the detector in place, reasons found on both threads included', async () => {
    const read = async (file: string) => readDataset(readFileSync(join(EXAMPLES, file), 'utf8'), { fileName: file });
    const input = { reference: [{ file: 'real.jsonl', data: await read('real.jsonl') }], datasets: [{ file: 'synthetic.jsonl', data: await read('synthetic.jsonl') }] };
    const thread = new DetectorThread(SCRIPT, (reason) => assert.fail(reason));
    try {
      const there = await analyze(input, { dictionary: loadDictionary(), runDetector: thread.run });
      const here = await analyze(input, { dictionary: loadDictionary() });
      const flagged = there.datasets[0].rows.filter((row) => row.flagged);
      assert.ok(flagged.length > 1000 && flagged.every((row) => row.reasons.length > 0), `${flagged.length} flagged`);
      assert.deepEqual(there, here);
    } finally {
      thread.dispose();
    }
  });

  it('stops a job when the caller cancels, and runs the next one', async () => {
    const work = await job();
    const thread = new DetectorThread(SCRIPT);
    try {
      const token = { isCancellationRequested: false };
      const cancelled = thread.run(work, token);
      setTimeout(() => (token.isCancellationRequested = true), 20);
      await assert.rejects(cancelled, CancelledError);
      const next = await thread.run(work);
      assert.ok(next.result.auc > 0.9);
    } finally {
      thread.dispose();
    }
  });

  it('runs jobs in place, and says why once, when its script is missing', async () => {
    const reasons: string[] = [];
    const thread = new DetectorThread(join(ROOT, 'dist/no-such-worker.js'), (reason) => reasons.push(reason));
    const work = await job();
    const first = await thread.run(work);
    await thread.run(work);
    assert.deepEqual(first.result.scores, runDetectorJob(work).scores);
    assert.equal(reasons.length, 1);
    assert.match(reasons[0], /no detector thread script at .*no-such-worker\.js; the detector runs on the main thread/);
  });
});
