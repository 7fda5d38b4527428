import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phraseReport } from '../../../src/core/gap/phrases';
import { sentenceWords } from '../../../src/core/gap/words';
import { seededRandom } from '../../../src/core/stats/random';
import { topicRow } from './textGen';

const TOPICS = ['delivery', 'refund', 'card', 'travel', 'music', 'weather', 'cooking'];

function rows(n: number, seed: number, greeting?: { text: string; share: number }): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const body = `${topicRow(TOPICS[i % TOPICS.length], random)}.`;
    return greeting && random() < greeting.share ? `${greeting.text} ${body}` : body;
  });
}

test('sentence words: lower-cased, punctuation dropped, split at sentence ends', () => {
  assert.deepEqual(sentenceWords("Hi there! What's 3.5 km?"), [['hi', 'there'], ["what's", '3.5', 'km']]);
  assert.deepEqual(sentenceWords('I’m fine,\nthanks'), [["i'm", 'fine'], ['thanks']]);
  assert.deepEqual(sentenceWords('...'), []);
});

test('finds an injected phrase as one phrase, without listing its pieces', () => {
  const phrase = 'i hope this message finds you well';
  const real = rows(2000, 1);
  const synthetic = rows(2000, 2, { text: 'I hope this message finds you well.', share: 0.3 });
  const report = phraseReport(real, synthetic, { seed: 1 });
  const top = report.overSynthetic[0];
  assert.equal(top.phrase, phrase);
  assert.equal(top.realCount, 0);
  assert.ok(top.syntheticCount > 500 && top.syntheticCount < 700, `${top.syntheticCount}`);
  assert.ok(top.z > 10);
  const pieces = report.overSynthetic.filter((p) => p.phrase !== phrase && ` ${phrase} `.includes(` ${p.phrase} `));
  assert.deepEqual(pieces, [], 'no sub-phrase of the injected phrase is listed');
  assert.equal(report.realRows, 2000);
  assert.equal(report.syntheticRows, 2000);
});

test('same-source sides list nothing: the minimum count and z keep noise out', () => {
  const report = phraseReport(rows(3000, 3), rows(3000, 4), { seed: 2 });
  assert.deepEqual(report.overSynthetic, []);
  assert.deepEqual(report.overReal, []);
});

test('phrases over-used in real rows come with negative z; lists respect top', () => {
  const real = rows(1000, 5, { text: 'Hey team, quick question:', share: 0.2 });
  const report = phraseReport(real, rows(1000, 6), { top: 3 });
  assert.ok(report.overReal.length >= 1 && report.overReal.length <= 3);
  assert.equal(report.overReal[0].phrase, 'hey team quick question');
  assert.ok(report.overReal.every((p) => p.z < 0));
});

test('samples at most maxRows per side, deterministically', () => {
  const real = rows(500, 7);
  const synthetic = rows(500, 8, { text: 'Certainly! Here is', share: 0.5 });
  const a = phraseReport(real, synthetic, { maxRows: 200, seed: 3 });
  assert.equal(a.realRows, 200);
  assert.deepEqual(a, phraseReport(real, synthetic, { maxRows: 200, seed: 3 }));
  assert.deepEqual(phraseReport([], []), { overSynthetic: [], overReal: [], realRows: 0, syntheticRows: 0 });
});
