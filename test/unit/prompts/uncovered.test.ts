import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeSimilarity } from '../../../src/core/gap/coverage';
import { embeddedAll } from '../../support/embeddedSample';
import { farthestFirst } from '../../../src/core/prompts/spread';
import { uncoveredRows } from '../../../src/core/prompts/uncovered';
import { seededRandom } from '../../../src/core/stats/random';

/** A unit vector at `angle` radians in the plane (cosine between two = cosine of the angle between them). */
const at = (angle: number) => Float32Array.of(Math.cos(angle), Math.sin(angle));

test('a real row is uncovered when no synthetic row of its group is as close as 95% of real rows are to each other', () => {
  // Real rows of group a every 0.01 rad from 0 to 0.99; their nearest real neighbour is at cos(0.01).
  const real = Array.from({ length: 100 }, (_, i) => at(i * 0.01));
  // Synthetic rows on the first half only, plus one of group b right on top of the second half.
  const synthetic = [...Array.from({ length: 50 }, (_, i) => at(i * 0.01)), ...Array.from({ length: 50 }, () => at(0.75))];
  const groups = { real: real.map(() => 'a'), synthetic: synthetic.map((_, i) => (i < 50 ? 'a' : 'b')) };
  const result = uncoveredRows(embeddedAll(real), embeddedAll(synthetic), (side, row) => groups[side][row], seededRandom(1));
  assert.equal(result.sampleRows, 100);
  assert.ok(Math.abs(result.threshold - Math.cos(0.01)) < 1e-6, String(result.threshold));
  assert.equal(result.threshold, closeSimilarity([real]));
  assert.deepEqual(result.rows, real.map((_, i) => i));
  // Rows 0..49 have an identical synthetic row; 50 is 0.01 from row 49's twin (close: the threshold is reached).
  assert.deepEqual(result.uncovered.map((u, i) => (u ? i : -1)).filter((i) => i >= 0), Array.from({ length: 49 }, (_, i) => 51 + i), 'group b covers nothing of group a');
  const oneGroup = uncoveredRows(embeddedAll(real), embeddedAll(synthetic), () => '', seededRandom(1));
  assert.ok(oneGroup.uncovered.filter(Boolean).length < 49, 'without groups the rows at 0.75 cover their neighbours');
});

test('a group with no synthetic row is uncovered entirely; a group with one real row still gets judged', () => {
  const real = [at(0), at(0.001), at(1), at(1.001), at(2)];
  const synthetic = [at(0), at(0.001), at(0.0005), at(0), at(0.001)];
  const groups = { real: ['a', 'a', 'b', 'b', 'c'], synthetic: ['a', 'a', 'a', 'a', 'a'] };
  const result = uncoveredRows(embeddedAll(real), embeddedAll(synthetic), (side, row) => groups[side][row], seededRandom(1));
  assert.equal(result.rows.length, 5, 'every real row judged within the budget');
  result.rows.forEach((row, p) => assert.equal(result.uncovered[p], groups.real[row] !== 'a', `row ${row}`));
});

test('both sides are sampled to the smaller one', () => {
  const real = Array.from({ length: 30 }, (_, i) => at(i * 0.1));
  const result = uncoveredRows(embeddedAll(real), embeddedAll(real.slice(0, 10)), () => '', seededRandom(1));
  assert.equal(result.sampleRows, 10);
  assert.equal(result.rows.length, 30);
});

test('the pair budget shrinks the sample, and then the judged rows are that sample', () => {
  const random = seededRandom(3);
  const vectors = Array.from({ length: 400 }, () => at(random() * 6));
  const result = uncoveredRows(embeddedAll(vectors), embeddedAll(vectors.slice(0, 300)), () => '', seededRandom(1), { pairBudget: 10_000 });
  assert.equal(result.sampleRows, 100);
  assert.equal(result.rows.length, 100);
});

test('farthestFirst starts where asked, then spreads, skipping repeated texts', () => {
  const vectors = [at(0), at(0.01), at(3), at(1.5), at(0.02), at(3)];
  const texts = ['a', 'b', 'far', 'middle', 'c', 'Far '];
  const [first, second, third] = farthestFirst(vectors, texts, 3, 0, seededRandom(1));
  assert.deepEqual([first, texts[second].trim().toLowerCase(), third], [0, 'far', 3], 'the two copies at 3 rad tie; the seed picks one');
  assert.deepEqual(farthestFirst(vectors, texts, 10, 0, seededRandom(1)).length, 5, 'the repeated text is left out');
  assert.deepEqual(farthestFirst([], [], 3, 0, seededRandom(1)), []);
});
