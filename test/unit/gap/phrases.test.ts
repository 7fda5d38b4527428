import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phraseReport } from '../../../src/core/gap/phrases';
import { sentenceWords } from '../../../src/core/gap/words';
import { seededRandom } from '../../../src/core/stats/random';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicRow } from './textGen';

const EXAMPLES = join(__dirname, '../../../examples');

function jsonlTexts(file: string): string[] {
  return readFileSync(join(EXAMPLES, file), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

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

test('same-source sides list nothing: the corrected test keeps noise out', () => {
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
  assert.deepEqual(phraseReport([], []), { overSynthetic: [], overReal: [], realRows: 0, syntheticRows: 0, tested: 0 });
});

test('a small file: a phrase in 30 of 400 real rows and no synthetic row is listed, with the number of phrases tested', () => {
  // 400 rows a side, as in the report that found "None stands out": the old floor (5 rows and 0.5%, |z| ≥ 3.3) hid it.
  const real = jsonlTexts('real.jsonl').slice(0, 400).map((text, i) => (i % 13 === 0 && i < 390 ? `I am asking: ${text}` : text.replace(/\bi am\b/gi, 'im')));
  const synthetic = jsonlTexts('synthetic.jsonl').slice(0, 400).map((text) => text.replace(/\bi am\b/gi, 'I’m'));
  assert.equal(real.filter((text) => /\bi am\b/i.test(text)).length, 30);
  const report = phraseReport(real, synthetic, { seed: 1 });
  const iAm = report.overReal.find((p) => p.phrase === 'i am' || p.phrase === 'i am asking');
  assert.ok(iAm, JSON.stringify(report.overReal.slice(0, 5)));
  assert.equal(iAm.realCount, 30);
  assert.equal(iAm.syntheticCount, 0);
  assert.ok((report.tested ?? 0) > 0);
});

test('two seeded halves of one real file list nothing, over several seeds', () => {
  const all = jsonlTexts('real.jsonl');
  for (const seed of [1, 2, 3]) {
    const rows = shuffled(all, seed);
    const half = rows.length >> 1;
    const report = phraseReport(rows.slice(0, half), rows.slice(half), { seed });
    assert.deepEqual([...report.overSynthetic, ...report.overReal], [], `seed ${seed}`);
    assert.ok((report.tested ?? 0) > 50, `seed ${seed}: ${report.tested} phrases tested`);
  }
});

test('one or two rows never make a phrase, however lopsided', () => {
  const real = rows(60, 9);
  const synthetic = rows(60, 10).map((text, i) => (i < 2 ? `Zxq wibble ${text}` : text));
  const report = phraseReport(real, synthetic, { seed: 4, minRows: 3 });
  assert.equal(report.overSynthetic.some((p) => p.phrase.includes('zxq')), false);
});
