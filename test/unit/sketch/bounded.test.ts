// A sketch's size does not grow with its rows: distinct texts in a HyperLogLog, duplicate groups in a bounded set.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FEATURES } from '../../../src/core/features/registry';
import { matchKey } from '../../../src/core/gap/matchKey';
import type { ModelDocument } from '../../../src/core/model/modelFile';
import { SketchBuilder, type SketchLayout } from '../../../src/core/sketch/build';
import { encodeSketch } from '../../../src/core/sketch/codec';
import { addDistinct, distinctEstimate, HLL_REGISTERS } from '../../../src/core/sketch/distinct';
import { nearDuplicateText } from '../../../src/core/sketch/format';
import { mergeSketches } from '../../../src/core/sketch/merge';
import { DuplicateCounter, KEPT_KEYS } from '../../../src/core/sketch/nearDuplicates';
import { sketchReport } from '../../../src/core/sketch/report';
import type { Sketch } from '../../../src/core/sketch/types';

const LAYOUT: SketchLayout = { fingerprint: 'model-test', scoreBins: { low: -4, high: 4 }, edges: FEATURES.map(() => undefined), phrases: [] };
const FEATURE_VALUES = new Float32Array(FEATURES.length);

/** `count` rows: distinct texts, except that text k of `groups` (a size each) repeats, spread over the rows. */
function sketchOf(count: number, groups: readonly number[], from = 0): Sketch {
  const builder = new SketchBuilder(LAYOUT);
  const repeats: number[] = [];
  groups.forEach((size, g) => repeats.push(...new Array<number>(size).fill(g)));
  const every = Math.floor(count / Math.max(1, repeats.length));
  let next = 0;
  for (let line = from + 1; line <= from + count; line++) {
    const text = next < repeats.length && line % every === 0 ? `The planted group number ${repeats[next++]}!` : `row ${line} is its own text`;
    builder.add('data.jsonl', { line, score: { score: 0.5, percentile: 0, flagged: false, reasons: [] }, row: { row: { line, text, textRange: { start: 0, end: 0 } }, features: FEATURE_VALUES } });
  }
  return builder.finish();
}

describe('bounded sketches', () => {
  test('the distinct count is within 1.5% (about three standard errors) from 100 to 300,000 texts, and exact under merging', () => {
    for (const n of [100, 5_000, 300_000]) {
      const [whole, a, b] = [0, 1, 2].map(() => new Array<number>(HLL_REGISTERS).fill(0));
      for (let k = 0; k < n; k++) {
        const key = matchKey(`text ${k}`)!;
        addDistinct(whole, key);
        addDistinct(k % 3 === 0 ? a : b, key);
        if (k % 10 === 0) addDistinct(b, key);
      }
      const estimate = distinctEstimate(whole);
      assert.ok(Math.abs(estimate / n - 1) < 0.015, `${n} texts read ${estimate}`);
      assert.deepEqual(a.map((r, i) => Math.max(r, b[i])), whole);
    }
    assert.equal(distinctEstimate(new Array<number>(HLL_REGISTERS).fill(0)), 0);
  });

  test('ten times the distinct rows make a file less than 1.5 times larger (counters get digits, not entries), and the planted groups are found', () => {
    const small = sketchOf(20_000, [40, 25, 10]);
    const large = sketchOf(200_000, [400, 250, 100]);
    const [smallBytes, largeBytes] = [encodeSketch(small).length, encodeSketch(large).length];
    // Measured: 454 KB and 603 KB. With a bucket per distinct row, bench/sketch.ts measured 2.9 MB per 100,000 rows.
    assert.ok(largeBytes < smallBytes * 1.5, `${largeBytes} bytes against ${smallBytes}`);
    assert.ok(Object.keys(large.buckets).length <= KEPT_KEYS);
    assert.equal(large.bucketsComplete, false);
    const report = sketchReport(fakeDoc(), large);
    assert.equal(report.nearDuplicateExact, false);
    // 747 repeated rows; the distinct estimate is within 0.41% (one standard error) of 199,253.
    assert.ok(Math.abs(report.nearDuplicateRows - 747) < 3 * 0.0041 * 199_253, `${report.nearDuplicateRows} repeated rows`);
    assert.match(nearDuplicateText(report), /^about [\d,]+ rows \([\d.]+%\) repeat another row's text$/);
    // Each planted group kept from its first or second row: its size is the truth or one under it.
    assert.deepEqual(report.nearDuplicateGroups.slice(0, 3).map((g) => g.size >= [400, 250, 100][report.nearDuplicateGroups.indexOf(g)] - 1), [true, true, true]);
    assert.equal(report.nearDuplicateGroups[0].rows.length, 5);
  });

  test('under the bound the counts are exact, and merged partitions equal the whole', () => {
    const whole = sketchOf(1_500, [7, 3]);
    assert.equal(whole.bucketsComplete, true);
    const report = sketchReport(fakeDoc(), whole);
    assert.deepEqual({ rows: report.nearDuplicateRows, exact: report.nearDuplicateExact, sizes: report.nearDuplicateGroups.map((g) => g.size) }, { rows: 8, exact: true, sizes: [7, 3] });
    assert.match(nearDuplicateText(report), /^8 rows \(0\.5%\) repeat/);
    const counter = new DuplicateCounter();
    for (let k = 0; k < 3 * KEPT_KEYS; k++) counter.add(matchKey(`t ${k}`)!, ['f', k + 1]);
    assert.equal(counter.complete, false);
    assert.equal(Object.keys(counter.buckets()).length, KEPT_KEYS);
    assert.deepEqual(mergeSketches(sketchOf(700, [7, 3]), sketchOf(800, [], 700)).distinct.length, HLL_REGISTERS);
  });
});

/** The little of a model the report reads here: no reference scores or features to compare. */
function fakeDoc(): ModelDocument {
  return {
    state: { referenceScores: Float64Array.of(0.2, 0.4), reasons: { realSorted: [], phrases: [], realRows: 0 } },
  } as unknown as ModelDocument;
}
