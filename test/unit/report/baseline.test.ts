import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baselineProblem, compareWithBaseline } from '../../../src/core/gap/baseline';
import { baselineMarkdown } from '../../../src/core/exporters/baselineText';
import type { BaselineReport, DatasetReport, GapReport } from '../../../src/core/report/types';
import { fixtureReport, GAP_FILE, MARKDOWN_TRICKY, NO_GAP_FILE } from './fixtureReport';

/** A dataset with its AUC (and interval) moved, as a later run of the same file would have it. */
function withAuc(dataset: DatasetReport, auc: number, halfWidth = 0.01, file = dataset.file): DatasetReport {
  return { ...dataset, file, summary: { ...dataset.summary, auc, aucLow: auc - halfWidth, aucHigh: auc + halfWidth } };
}

function compared(baseline: GapReport, now: GapReport, failOnRegression?: number, dataset?: string): BaselineReport {
  const result = compareWithBaseline(baseline, now, { file: 'base.json', ...(failOnRegression !== undefined ? { failOnRegression } : {}), ...(dataset ? { dataset } : {}) });
  assert.ok(!('problem' in result), 'problem' in result ? result.problem : '');
  return result;
}

describe('compareWithBaseline', () => {
  test('matches datasets by file: a rise past the gate is a regression, a fall is not', () => {
    const then = fixtureReport();
    then.datasets[0] = withAuc(then.datasets[0], 0.8);
    then.datasets[1] = withAuc(then.datasets[1], 0.6);
    const now = fixtureReport();
    now.datasets[0] = withAuc(now.datasets[0], 0.9);
    now.datasets[1] = withAuc(now.datasets[1], 0.55);
    const report = compared(then, now, 0.02);
    assert.deepEqual(report.datasets.map((d) => [d.now.file, d.matchedBy, d.regression, d.withinIntervals]), [
      [GAP_FILE, 'file', true, false],
      [NO_GAP_FILE, 'file', false, false],
    ]);
    assert.ok(Math.abs(report.datasets[0].aucChange - 0.1) < 1e-12);
  });

  test('a rise within both intervals is said to be, and a rise equal to the gate does not fail', () => {
    const then = fixtureReport();
    then.datasets[0] = withAuc(then.datasets[0], 0.8, 0.03);
    const now = fixtureReport();
    now.datasets[0] = withAuc(now.datasets[0], 0.825, 0.03);
    const [dataset] = compared(then, now, 0.025).datasets;
    assert.equal(dataset.withinIntervals, true);
    assert.equal(dataset.regression, false);
  });

  test('a dataset with too few rows on either run is never a regression', () => {
    const then = fixtureReport();
    then.datasets[0] = withAuc(then.datasets[0], 0.6);
    const now = fixtureReport();
    now.datasets[0] = { ...withAuc(now.datasets[0], 0.95), summary: { ...withAuc(now.datasets[0], 0.95).summary, verdict: 'insufficient-data' } };
    assert.equal(compared(then, now, 0.02).datasets[0].regression, false);
  });

  test('renamed: the only unmatched dataset of each side pairs up when the reference is the same; the rest are new or dropped', () => {
    const then = fixtureReport();
    then.datasets.splice(1, 1);
    const now = fixtureReport();
    now.datasets[0] = withAuc(now.datasets[0], 0.99, 0.01, 'elsewhere/renamed.jsonl');
    now.datasets.splice(1, 1);
    const report = compared(then, now, 0.02);
    assert.equal(report.datasets[0].matchedBy, 'only-dataset');
    assert.equal(report.datasets[0].then?.file, GAP_FILE);

    // One of two renamed: the other pairs by file, the renamed one with the one left.
    const renamed = fixtureReport();
    renamed.datasets[0] = withAuc(renamed.datasets[0], 0.9, 0.01, 'new.jsonl');
    const paired = compared(fixtureReport(), renamed);
    assert.deepEqual(paired.datasets.map((d) => [d.now.file, d.then?.file, d.matchedBy]), [['new.jsonl', GAP_FILE, 'only-dataset'], [NO_GAP_FILE, NO_GAP_FILE, 'file']]);
    // Two left on one side against one on the other: which is which would be a guess, so nothing pairs.
    assert.ok('problem' in compareWithBaseline(then, renamed, { file: 'base.json' }));
    // A dataset the baseline lacks, beside one it has, is new.
    const added = fixtureReport();
    added.datasets[1] = { ...added.datasets[1], file: 'added.jsonl' };
    const withNew = compared(then, { ...added, datasets: [added.datasets[0], added.datasets[1]] });
    assert.deepEqual(withNew.datasets.map((d) => [d.now.file, d.then?.file]), [[GAP_FILE, GAP_FILE], ['added.jsonl', undefined]]);

    const fewer = fixtureReport();
    fewer.datasets.splice(0, 1);
    assert.deepEqual(compared(fixtureReport(), fewer).dropped, [GAP_FILE]);
  });

  test('no dataset in common, or another reference, is a problem; --baseline-dataset names the one to use', () => {
    const then = fixtureReport();
    then.datasets.splice(1, 1);
    const now = fixtureReport();
    now.datasets.splice(1, 1);
    now.datasets[0] = { ...now.datasets[0], file: 'other.jsonl' };
    const otherReference: GapReport = { ...now, reference: { ...now.reference, files: ['elsewhere/real.jsonl'], rows: now.reference.rows.slice(1) } };
    const result = compareWithBaseline(then, otherReference, { file: 'base.json' });
    assert.ok('problem' in result);
    assert.match(result.problem, /^the baseline is of other datasets \(data\/synthetic-v1\.jsonl\) and it was compared with another reference/);
    assert.equal(compared(then, otherReference, undefined, GAP_FILE).datasets[0].matchedBy, 'named');
    // Same file name and as many rows in another folder: the same reference (a CI checkout).
    const moved: GapReport = { ...now, reference: { ...now.reference, files: ['/ci/work/data/real.jsonl'] } };
    assert.equal(compared(then, moved).datasets[0].matchedBy, 'only-dataset');
  });

  test('lists gaps that grew or shrank by at least 0.1, and phrases new and gone', () => {
    const then = fixtureReport();
    const now = fixtureReport();
    const [first, second] = now.datasets[0].gaps;
    now.datasets[0] = {
      ...now.datasets[0],
      gaps: [{ ...first, size: first.size + 0.5 }, { ...second, size: second.size - 0.05 }, ...now.datasets[0].gaps.slice(2)],
      phrases: { ...now.datasets[0].phrases, overSynthetic: [...now.datasets[0].phrases.overSynthetic.slice(1), { phrase: MARKDOWN_TRICKY, realCount: 0, syntheticCount: 9, z: 4 }] },
    };
    const report = compared(then, now);
    const [dataset] = report.datasets;
    assert.deepEqual(dataset.grew.map((g) => g.feature), [first.feature]);
    assert.deepEqual(dataset.shrank, []);
    assert.deepEqual(dataset.newPhrases, [MARKDOWN_TRICKY]);
    assert.deepEqual(dataset.gonePhrases, [then.datasets[0].phrases.overSynthetic[0].phrase]);
    // Dataset text is escaped in the Markdown: a phrase cannot break the table or open a code span.
    assert.ok(baselineMarkdown(report).includes('Run \\`ls \\| wc -l\\` first'));
  });
});

describe('baselineProblem', () => {
  test('accepts a report of this schema version and names what is wrong with anything else', () => {
    assert.equal(baselineProblem(JSON.parse(JSON.stringify(fixtureReport()))), undefined);
    assert.match(baselineProblem({ ...fixtureReport(), schemaVersion: 2 }) ?? '', /schema version 2; this synthgap reads 1/);
    assert.match(baselineProblem([1, 2]) ?? '', /not a synthgap JSON report/);
    assert.match(baselineProblem({ ...fixtureReport(), datasets: [{}] }) ?? '', /datasets are missing or malformed/);
  });
});
