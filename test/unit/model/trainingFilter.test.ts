import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inTrainingFilter, trainingFilter } from '../../../src/core/model/trainingFilter';
import { seededRandom } from '../../../src/core/stats/random';

/** Distinct made-up rows: a few words drawn from a seeded stream, numbered so no two are the same. */
function rows(count: number, seed: number, from = 0): string[] {
  const random = seededRandom(seed);
  const words = ['card', 'balance', 'flight', 'weather', 'please', 'tell', 'me', 'my', 'the', 'how', 'do', 'i'];
  return Array.from({ length: count }, (_, k) => `${Array.from({ length: 5 }, () => words[Math.floor(random() * words.length)]).join(' ')} ${from + k}`);
}

describe('training filter', () => {
  test('holds every training row, under any casing, punctuation or spacing, and few others (about 0.1%)', () => {
    const training = rows(20_000, 1);
    const filter = trainingFilter(training, 42);
    assert.ok(training.every((text) => inTrainingFilter(filter, text)));
    assert.ok(inTrainingFilter(filter, `  ${training[7].toUpperCase()}!! `));
    const unseen = rows(20_000, 2, 20_000);
    const hits = unseen.filter((text) => inTrainingFilter(filter, text)).length;
    // Expected 0.1% (20 of 20,000); a filter with a third of its bits or a broken probe would give far more.
    assert.ok(hits < 60, `${hits} of 20,000 unseen rows hit`);
    assert.equal(filter.bits.length, 36_000);
  });

  test('the seed changes the bits, not the answers; an empty filter holds nothing', () => {
    const training = rows(500, 3);
    const [a, b] = [trainingFilter(training, 1), trainingFilter(training, 2)];
    assert.notDeepEqual(a.bits, b.bits);
    assert.deepEqual(trainingFilter(training, 1), a);
    assert.ok(training.every((text) => inTrainingFilter(b, text)));
    const empty = trainingFilter(['', '?!'], 1);
    assert.equal(empty.rows, 0);
    assert.equal(inTrainingFilter(empty, 'anything'), false);
  });
});
