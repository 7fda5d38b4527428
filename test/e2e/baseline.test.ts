// `synthgap check --baseline` as a CI job runs it: the built bin, an earlier JSON report on disk, and exit codes.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { EXAMPLES, ROOT, synthgap, tempDir } from '../support/cli';

const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as GapReport;

describe('synthgap check --baseline', () => {
  // The judged scenario, in a folder of its own with the file names a user would type: the roughened file is the
  // baseline, the raw LLM output is the change.
  const dir = tempDir('synthgap-baseline-');
  const run = (...args: string[]) => synthgap(['check', ...args, '--quiet'], dir);

  before(() => {
    copyFileSync(join(EXAMPLES, 'synthetic.jsonl'), join(dir, 'syn.jsonl'));
    copyFileSync(join(EXAMPLES, 'real.jsonl'), join(dir, 'real.jsonl'));
    const roughen = synthgap(['roughen', 'syn.jsonl', '--reference', 'real.jsonl', '--out', 'rough.jsonl'], dir);
    assert.equal(roughen.code, 0, roughen.stderr);
    const base = run('rough.jsonl', '--reference', 'real.jsonl', '--format', 'json', '--out', 'base.json');
    assert.equal(base.code, 0, base.stderr);
  });

  test('exits 1 when the AUC rose by more than --fail-on-regression, and says which dataset and by how much', () => {
    const result = run('syn.jsonl', '--reference', 'real.jsonl', '--baseline', 'base.json', '--fail-on-regression', '0.02', '--format', 'json', '--out', 'now.json');
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^synthgap: syn\.jsonl: AUC 0\.\d{3} → [>\d.]+ rose by more than 0\.02 since the baseline$/m);
    const { baseline } = readReport(join(dir, 'now.json'));
    assert.ok(baseline, 'the JSON report carries the comparison');
    const [dataset] = baseline.datasets;
    assert.equal(dataset.then?.file, 'rough.jsonl');
    assert.equal(dataset.matchedBy, 'only-dataset');
    assert.equal(dataset.regression, true);
    assert.ok(dataset.aucChange > 0.05 && !dataset.withinIntervals, `AUC change ${dataset.aucChange}`);
    // Roughening lower-cased the text: un-roughened, the casing gap is back.
    assert.ok(dataset.grew.some((gap) => gap.feature === 'all-lowercase'), JSON.stringify(dataset.grew.map((gap) => gap.feature)));
    assert.ok(dataset.now.flagged > dataset.then!.flagged);
  });

  test('exits 0 when the rise is under the gate, and the Markdown has a "since the baseline" table', () => {
    const result = run('syn.jsonl', '--reference', 'real.jsonl', '--baseline', 'base.json', '--fail-on-regression', '0.5', '--format', 'markdown');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /## Since the baseline\n\nCompared with base\.json/);
    assert.match(result.stdout, /\| Dataset \| AUC then \| AUC now \| Change \| Flagged \| Gate \(\+0\.5\) \|\n/);
    assert.match(result.stdout, /\| syn\.jsonl \| 0\.\d\d \[0\.\d\d–0\.\d\d\] \| [^|]+ \| \+0\.\d\d, beyond the intervals \| \d+% → [^|]+ \| passed \|/);
    assert.match(result.stdout, /- compared with rough\.jsonl \(the only dataset of each run, same reference\)/);
    assert.match(result.stdout, /- Gaps that grew \(size then → now\): .*All lower-case/);
  });

  test('exits 0 when the AUC fell; a report that has a baseline of its own serves as a baseline', () => {
    const result = run('rough.jsonl', '--reference', 'real.jsonl', '--baseline', 'now.json', '--fail-on-regression', '0.02');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Since the baseline \(now\.json, synthgap [\d.]+\):\n {2}rough\.jsonl: AUC [^\n]+ → 0\.\d\d \[[^\]]+\] \(-0\.\d\d, beyond the intervals\)\n/);
    assert.match(result.stdout, /Gaps that shrank/);
  });

  test('the same file and seed again: no change, within the intervals, matched by name', () => {
    const result = run('rough.jsonl', '--reference', 'real.jsonl', '--baseline', 'base.json', '--fail-on-regression', '0', '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const [dataset] = (JSON.parse(result.stdout) as GapReport).baseline!.datasets;
    assert.equal(dataset.matchedBy, 'file');
    assert.equal(dataset.aucChange, 0);
    assert.equal(dataset.withinIntervals, true);
    assert.deepEqual([dataset.grew, dataset.shrank, dataset.newPhrases, dataset.gonePhrases], [[], [], [], []]);
  });

  test('exits 2 with one line for a baseline of another schema version', () => {
    const old = readReport(join(dir, 'base.json'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...old, schemaVersion: 0 }));
    const result = run('syn.jsonl', '--reference', 'real.jsonl', '--baseline', 'old.json', '--fail-on-regression', '0.02');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'synthgap: --baseline old.json: it is a report of schema version 0; this synthgap reads 1\n');
    assert.equal(result.stdout, '');
  });

  test('exits 2 for a baseline of another dataset, unless --baseline-dataset names it', () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    for (const file of ['real.jsonl', 'synthetic.jsonl']) copyFileSync(join(ROOT, 'test/fixtures/clinc-subset', file), join(other, file));
    const base = run('other/synthetic.jsonl', '--reference', 'other/real.jsonl', '--format', 'json', '--out', 'other.json');
    assert.equal(base.code, 0, base.stderr);
    const result = run('syn.jsonl', '--reference', 'real.jsonl', '--baseline', 'other.json', '--fail-on-regression', '0.02');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^synthgap: --baseline other\.json: the baseline is of other datasets \(other\/synthetic\.jsonl\) and it was compared with another reference \(other\/real\.jsonl\); name one with --baseline-dataset\n$/);
    const named = run('syn.jsonl', '--reference', 'real.jsonl', '--baseline', 'other.json', '--baseline-dataset', 'other/synthetic.jsonl');
    assert.equal(named.code, 0, named.stderr);
    assert.match(named.stdout, /compared with other\/synthetic\.jsonl \(named by --baseline-dataset\)/);
    assert.match(named.stdout, /Note: the reference was other\/real\.jsonl, now real\.jsonl/);
  });

  test('exits 2 before any analysis for a missing or unreadable baseline, and for a gate without a baseline', () => {
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    const cases: [string[], RegExp][] = [
      [['--baseline', 'missing.json'], /^synthgap: --baseline missing\.json: no such file\n$/],
      [['--baseline', 'real.jsonl'], /^synthgap: --baseline real\.jsonl: not JSON\n$/],
      [['--baseline', 'notes.json'], /^synthgap: --baseline notes\.json: it is not a synthgap JSON report/],
      [['--fail-on-regression', '0.02'], /^synthgap: --fail-on-regression needs --baseline FILE\n$/],
      [['--baseline', 'base.json', '--fail-on-regression', '-0.1'], /^synthgap: --fail-on-regression /],
    ];
    for (const [args, message] of cases) {
      const result = run('syn.jsonl', '--reference', 'real.jsonl', ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  test('--help states the exit codes', () => {
    const result = synthgap(['check', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--fail-on-regression X/);
    assert.match(result.stdout, /1 {2}an AUC is above --fail-above-auc, or rose by more than --fail-on-regression since --baseline/);
    assert.match(result.stdout, /2 {2}unusable input: .*another schema version or of other datasets/);
  });
});
