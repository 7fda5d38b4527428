import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diversityReport } from '../../../src/core/gap/diversity';
import { seededRandom } from '../../../src/core/stats/random';
import { sideOf } from './testEmbedding';
import { topicRow, TOPICS } from './textGen';

const topics = Object.keys(TOPICS).filter((t) => t !== 'mars');

function varied(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => `${topicRow(topics[i % topics.length], random)} ${topicRow(topics[(i + 3) % topics.length], random)}`);
}

test('a side that repeats itself is called out, with its groups', () => {
  const real = varied(1200, 1);
  const base = varied(300, 2);
  const synthetic = base.flatMap((text, i) => [text, `${text}!`, i % 2 ? `${text} please` : `Sure, ${text}`, text.toUpperCase()]);
  const report = diversityReport(sideOf(real), sideOf(synthetic), { seed: 1 });
  assert.ok(report.sentence.startsWith('Synthetic rows repeat themselves: '), report.sentence);
  assert.ok(report.nearDuplicateRows >= 850, `${report.nearDuplicateRows}`);
  assert.equal(report.nearDuplicateGroups.length, 20);
  assert.ok(report.nearDuplicateGroups.every((g) => g.size >= 2 && g.examples.length <= 5 && g.lines.length <= 20));
  assert.ok(report.synthetic.meanNearestSimilarity > report.real.meanNearestSimilarity + 0.2);
  assert.ok(report.synthetic.compressionRatio < report.real.compressionRatio);
  assert.ok(report.synthetic.distinct2 < report.real.distinct2);
  assert.equal(report.real.rows, 1200, 'text statistics on equal-size samples');
  assert.equal(report.synthetic.rows, 1200);
  assert.equal(report.similarityThreshold, 0.9);
});

test('two samples of one source get a calm sentence', () => {
  const report = diversityReport(sideOf(varied(1000, 3)), sideOf(varied(3000, 4)), { seed: 2 });
  assert.ok(report.sentence.startsWith('Synthetic rows are about as varied as real rows'), report.sentence);
  assert.equal(report.real.rows, report.synthetic.rows);
  assert.ok(Math.abs(report.real.distinct2 - report.synthetic.distinct2) < 0.03);
  assert.ok(report.nearDuplicateRows < 30, `${report.nearDuplicateRows}`);
});

test('empty sides and missing embeddings still give a report', () => {
  const empty = diversityReport(sideOf([]), sideOf([]));
  assert.equal(empty.real.rows, 0);
  assert.equal(empty.nearDuplicateRows, 0);
  const texts = varied(100, 5);
  const bare = { texts, rows: texts.map((_, i) => ({ line: i + 1 })), embedded: { rows: [], vectors: [] } };
  const report = diversityReport(bare, bare);
  assert.ok(Number.isNaN(report.real.meanNearestSimilarity));
  assert.match(report.sentence, /distinct word pairs/);
});
