import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HashedTfidf } from '../../../src/core/embed/hashedTfidf';
import type { FeatureGap } from '../../../src/core/report/types';
import { wordingReport } from '../../../src/core/gap/wording';

const tfidf = new HashedTfidf({ buckets: 1 << 12 });
const weights = new Float32Array(tfidf.buckets);
const weigh = (word: string, weight: number) => (weights[tfidf.wordBucket(word)] = weight);
weigh('tacos', 1.2);
weigh('grocery', 0.8);
weigh('snow', -1.1);
weigh('the', 2); // a stopword: never a topic word
weigh('rare', 3); // used by too few rows
weigh('upside', 0.9); // weighs toward "synthetic" but the real rows use it more: left out
const counts = {
  realWordRows: new Map([['tacos', 4], ['grocery', 10], ['snow', 40], ['the', 500], ['rare', 1], ['upside', 30]]),
  wordRows: 1000,
  syntheticWordRows: new Map([['tacos', 12], ['grocery', 15], ['snow', 5], ['the', 700], ['upside', 2]]),
  syntheticRows: 500,
};
const gap = (size: number) => ({ size }) as FeatureGap;

test('names the words the detector leans on each way, each used more on its side', () => {
  const report = wordingReport({ ...counts, tfidf, weights }, [gap(0.05)], true);
  assert.deepEqual(report.datasetWords.map((w) => w.word), ['tacos', 'grocery']);
  assert.deepEqual(report.referenceWords, [{ word: 'snow', realRows: 40, syntheticRows: 5 }]);
  assert.equal(
    report.sentence,
    'The sides differ in wording or topic, not in style (no style feature differs by more than a negligible amount): this file uses "tacos", "grocery" more, and the reference "snow" more.',
  );
});

test('says nothing of topic when a style feature differs, or when there is no gap', () => {
  assert.equal(wordingReport({ ...counts, tfidf, weights }, [gap(0.6), gap(0.05)], true).sentence, undefined);
  assert.equal(wordingReport({ ...counts, tfidf, weights }, [gap(0.05)], false).sentence, undefined);
});
