// Sketches of parts merge into the sketch of the whole, in any order and grouping: the property the Dask report rests on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FEATURES } from '../../src/core/features/registry';
import type { LineResult } from '../../src/core/model/scoreLines';
import { emptySketch, SketchBuilder, type SketchLayout } from '../../src/core/sketch/build';
import { decodeSketch, encodeSketch, SketchFileError } from '../../src/core/sketch/codec';
import { mergeSketches, SketchMismatchError } from '../../src/core/sketch/merge';
import { SketchSum } from '../../src/core/sketch/sum';
import type { Sketch } from '../../src/core/sketch/types';

const LAYOUT: SketchLayout = {
  fingerprint: 'model-test',
  scoreBins: { low: -4, high: 4 },
  edges: FEATURES.map((def) => (def.kind === 'binary' ? undefined : [0, 1, 2, 5, 10, 40])),
  phrases: ['i hope', 'let me know'],
};

interface Input {
  readonly file: string;
  readonly line: number;
  readonly result: LineResult;
}

// Few words, so texts repeat (duplicate buckets) and grams overlap across parts.
const WORDS = ['i', 'hope', 'let', 'me', 'know', 'the', 'order', 'is', 'late', 'thanks', 'Hope'];
const text = fc.array(fc.constantFrom(...WORDS, '.', '!'), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const input: fc.Arbitrary<Input> = fc.record({
  file: fc.constantFrom('a.jsonl', 'b.jsonl', 'c.jsonl'),
  line: fc.integer({ min: 1, max: 40 }),
  error: fc.boolean(),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  flagged: fc.boolean(),
  label: fc.option(fc.constantFrom('billing', 'shipping', 'other'), { nil: undefined }),
  text,
  value: fc.double({ min: -5, max: 60, noNaN: true }),
}).map(({ file, line, error, score, flagged, label, text, value }) => ({
  file,
  line,
  result: error
    ? { line, error: 'invalid JSON' }
    : {
        line,
        score: { score, percentile: 0, flagged, reasons: [] },
        row: {
          row: { line, text, textRange: { start: 0, end: 0 }, ...(label !== undefined ? { label } : {}) },
          features: Float32Array.from(FEATURES, (_, j) => (j % 7 === 3 ? Number.NaN : Math.fround(value + j))),
        },
      },
}));

function sketchOf(rows: readonly Input[]): Sketch {
  const builder = new SketchBuilder(LAYOUT);
  for (const row of rows) builder.add(row.file, row.result);
  return builder.finish();
}

/** Splits rows into `cuts`-marked parts. */
function parts(rows: readonly Input[], cuts: readonly number[]): Input[][] {
  const at = [...new Set(cuts.map((c) => Math.min(c, rows.length)))].sort((a, b) => a - b);
  const out: Input[][] = [];
  let start = 0;
  for (const cut of [...at, rows.length]) {
    out.push(rows.slice(start, cut));
    start = cut;
  }
  return out;
}

/** Merges sketches by a random binary tree over a random order. */
function mergeRandomly(sketches: readonly Sketch[], order: readonly number[]): Sketch {
  const pool = [...sketches];
  for (const pick of order) {
    if (pool.length < 2) break;
    const i = pick % pool.length;
    const a = pool.splice(i, 1)[0];
    const j = (pick >>> 3) % pool.length;
    const b = pool.splice(j, 1)[0];
    pool.push(pick % 2 === 0 ? mergeSketches(a, b) : mergeSketches(b, a));
  }
  return pool.reduce((x, y) => mergeSketches(x, y), emptySketch(LAYOUT));
}

describe('mergeSketches', () => {
  test('the sketches of any split, merged in any order and grouping, equal the sketch of the whole', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 60 }), fc.array(fc.nat(80), { maxLength: 5 }), fc.array(fc.nat(1000), { minLength: 10, maxLength: 10 }), (rows, cuts, order) => {
        const whole = sketchOf(rows);
        const merged = mergeRandomly(parts(rows, cuts).map(sketchOf), order);
        assert.deepEqual(merged, whole);
        assert.deepEqual(decodeSketch(encodeSketch(merged), 'm.sketch', 'model-test'), whole);
        const sum = new SketchSum();
        for (const part of parts(rows, cuts).reverse()) sum.add(decodeSketch(encodeSketch(sketchOf(part)), 'p.sketch', 'model-test'));
        assert.deepEqual(sum.result(), whole);
        const repeated = Object.entries(whole.buckets).filter(([, bucket]) => bucket.count > 1);
        assert.deepEqual(sum.result(true), { ...whole, buckets: Object.fromEntries(repeated) });
      }),
      { seed: 13, numRuns: 150 },
    );
  });

  test('an empty sketch is the identity, and a sketch survives its file', () => {
    const sketch = sketchOf(fc.sample(input, { seed: 5, numRuns: 30 }));
    assert.deepEqual(mergeSketches(emptySketch(LAYOUT), sketch), sketch);
    assert.deepEqual(decodeSketch(encodeSketch(sketch), 'p.sketch', 'model-test'), sketch);
  });

  test('what the sketch counts: rows, flags, errors with their lines, labels, phrases, duplicate buckets', () => {
    const rows = [
      { file: 'a', line: 1, result: { line: 1, score: { score: 0.9, percentile: 1, flagged: true, reasons: [] }, row: { row: { line: 1, text: 'I hope so.', textRange: { start: 0, end: 0 }, label: 'x' }, features: new Float32Array(FEATURES.length) } } },
      { file: 'a', line: 2, result: { line: 2, error: 'invalid JSON' } },
      { file: 'b', line: 7, result: { line: 7, score: { score: 0.1, percentile: 0, flagged: false, reasons: [] }, row: { row: { line: 7, text: 'i HOPE so', textRange: { start: 0, end: 0 } }, features: new Float32Array(FEATURES.length) } } },
    ] satisfies Input[];
    const sketch = sketchOf(rows);
    assert.equal(sketch.rows, 2);
    assert.equal(sketch.flagged, 1);
    assert.equal(sketch.errors, 1);
    assert.deepEqual(sketch.errorLines, [['a', 2]]);
    assert.deepEqual(sketch.labels, { x: { rows: 1, flagged: 1 } });
    assert.deepEqual(sketch.grams.modelPhrases, [2, 0]);
    assert.deepEqual(Object.values(sketch.buckets), [{ count: 2, rows: [['a', 1], ['b', 7]] }]);
    assert.equal(sketch.scores.reduce((a, b) => a + b, 0), 2);
  });

  test('sketches of two models are not merged, and a sketch file of another model is refused', () => {
    const sketch = emptySketch(LAYOUT);
    const other = { ...sketch, model: 'model-other' };
    assert.throws(() => mergeSketches(sketch, other), SketchMismatchError);
    assert.throws(() => decodeSketch(encodeSketch(other), 'p.sketch', 'model-test'), (e: Error) => e instanceof SketchFileError && /another model/.test(e.message));
    assert.throws(() => decodeSketch('{"format":"x"}', 'p.sketch', 'model-test'), /not a synthgap sketch/);
  });
});
