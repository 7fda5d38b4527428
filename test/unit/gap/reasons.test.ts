import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRowFeature } from '../../../src/core/features/describe';
import { FEATURES, featureIndex } from '../../../src/core/features/registry';
import { countStockPhrases, explainRow, type ReasonContext } from '../../../src/core/gap/reasons';

function context(overrides: Partial<ReasonContext> = {}): ReasonContext {
  const dim = FEATURES.length;
  const weights = new Float64Array(dim);
  weights[featureIndex('all-lowercase')] = -2;
  weights[featureIndex('words')] = 1;
  weights[featureIndex('characters')] = 1.5;
  weights[featureIndex('stock-phrase')] = 0.8;
  // Real rows: all lower-case, 5 to 14 words, no stock phrases.
  const realSorted = FEATURES.map((def) => {
    if (def.id === 'all-lowercase') return new Float64Array(100).fill(1);
    if (def.id === 'words') return Float64Array.from({ length: 100 }, (_, i) => 5 + Math.floor(i / 10)).sort();
    if (def.id === 'characters') return Float64Array.from({ length: 100 }, (_, i) => 25 + i).sort();
    return new Float64Array(100);
  });
  return {
    defs: FEATURES,
    weights,
    mean: Float64Array.from(realSorted, (column) => column.reduce((a, b) => a + b, 0) / column.length),
    std: new Float64Array(dim).fill(1),
    clip: 8,
    realSorted,
    describe: describeRowFeature,
    phrases: [{ phrase: 'i would like to', realCount: 2, syntheticCount: 310, z: 12 }],
    realRows: 100,
    syntheticRows: 1000,
    stockPhraseCounts: countStockPhrases(['kindly help', 'where is my card']),
    referenceRows: 100,
    ...overrides,
  };
}

function rowValues(values: Record<string, number>): Float32Array {
  const out = new Float32Array(FEATURES.length);
  for (const [id, value] of Object.entries(values)) out[featureIndex(id)] = value;
  return out;
}

test('names the features that push the score, each once per group, measured against real rows', () => {
  const reasons = explainRow(context(), rowValues({ 'all-lowercase': 0, words: 27, characters: 140 }), 0, 'I Would Like To know more');
  // Characters (clipped at 8 standard deviations, times 1.5) push harder than casing (2); words share the length group.
  // Chosen by strength (length adds most), said with what "Roughen this example" can change first.
  assert.deepEqual(reasons.map((reason) => reason.code), ['all-lowercase', 'characters', 'phrase:i would like to']);
  assert.match(reasons[1].message, /140 characters, longer than/);
  assert.match(reasons[0].message, /all real rows are all lower-case/);
  assert.equal(reasons[2].message, 'uses "i would like to", found in 2 of 100 real rows against 310 of 1,000 synthetic rows');
});

test('a typical value is never a reason, however large its weight', () => {
  const reasons = explainRow(context(), rowValues({ 'all-lowercase': 1, words: 9, characters: 70 }), 0, 'where is my card');
  assert.deepEqual(reasons, []);
});

test('the stock-phrase reason comes first and names the phrase as the row writes it and how many real rows use it', () => {
  const reasons = explainRow(context({ referenceRows: 1000 }), rowValues({ 'all-lowercase': 0, 'stock-phrase': 1 }), 0, 'Kindly tell me my balance');
  assert.equal(reasons[0].code, 'stock-phrase');
  assert.equal(reasons[0].message, 'opens with "Kindly", found in 1 of 1,000 real rows');
});

test('a stock phrase real rows use as often as LLM text does is no reason unless the detector learned it', () => {
  // 1 of 100 real rows: the 1% rate markerPrior.ts assumes for LLM text, so the prior adds no evidence.
  const unlearned = context();
  (unlearned.weights as Float64Array)[featureIndex('stock-phrase')] = 0;
  const reasons = explainRow(unlearned, rowValues({ 'all-lowercase': 1, 'stock-phrase': 1 }), 0, 'Kindly tell me my balance');
  assert.ok(reasons.every((reason) => reason.code !== 'stock-phrase'), JSON.stringify(reasons));
  // When the detector weighs stock phrasing in this file, the reason names the phrase with its real count.
  const learned = explainRow(context(), rowValues({ 'all-lowercase': 1, 'stock-phrase': 1 }), 0, 'Kindly tell me my balance');
  assert.equal(learned.find((reason) => reason.code === 'stock-phrase')?.message, 'opens with "Kindly", found in 1 of 100 real rows');
});

test('polite phrasing real people use too carries no prior: only the register phrases do', () => {
  // "Could you please" is used by no reference row here, but is no register phrase (0.1-0.4% of real rows use it).
  const unlearned = context({ referenceRows: 1000 });
  (unlearned.weights as Float64Array)[featureIndex('stock-phrase')] = 0;
  const reasons = explainRow(unlearned, rowValues({ 'stock-phrase': 1 }), 0, 'Could you please tell me my balance');
  assert.ok(reasons.every((reason) => reason.code !== 'stock-phrase'), JSON.stringify(reasons));
});

test('several stock phrases are named in one reason, a phrase inside a longer one once', () => {
  const reasons = explainRow(context({ referenceRows: 1000 }), rowValues({ 'stock-phrase': 1 }), 0, 'Certainly! I would like to delve into my statement. Kindly help.');
  assert.equal(reasons[0].message, 'opens with "Certainly", found in 0 of 1,000 real rows; also "delve into" (0), "Kindly" (1)');
});

test('reads the row at its offset in a matrix', () => {
  const matrix = new Float32Array(FEATURES.length * 2);
  matrix.set(rowValues({ 'all-lowercase': 1 }), 0);
  matrix.set(rowValues({ 'all-lowercase': 0 }), FEATURES.length);
  assert.equal(explainRow(context(), matrix, 0, 'x').length, 0);
  assert.equal(explainRow(context(), matrix, FEATURES.length, 'X')[0].code, 'all-lowercase');
});
