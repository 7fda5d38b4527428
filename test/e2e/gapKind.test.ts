// The kind of gap (style, wording, coverage, none) as a user meets it: `synthgap check` on real files cut from
// examples/ (CLINC150 and its gpt-3.5 paraphrases, Banking77), changed the way each kind of gap is made.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import { STYLE_SHARE } from '../../src/core/gap/gapKind';
import type { DatasetReport, GapReport } from '../../src/core/report/types';
import { EXAMPLES, synthgap, tempDir } from '../support/cli';

interface Row {
  readonly text: string;
  readonly label: string;
}

function jsonl(file: string): Row[] {
  return readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}

function banking(): Row[] {
  const parsed = Papa.parse<{ text: string; category: string }>(readFileSync(join(EXAMPLES, 'banking_real.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => ({ text: row.text, label: row.category }));
}

function write(dir: string, name: string, rows: readonly Row[]): string {
  writeFileSync(join(dir, name), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return name;
}

/** `synthgap check --format json` of `synthetic` against `reference` (files in `dir`), the one dataset's report. */
function check(dir: string, synthetic: string, reference: string): DatasetReport {
  const run = synthgap(['check', synthetic, '--reference', reference, '--format', 'json', '--quiet'], dir);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as GapReport).datasets[0];
}

/** Casing and punctuation, what roughen changes, taken away: lower case, no punctuation but apostrophes. */
const strip = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' ').replace(/\s+/g, ' ').trim();

/** Every label of `rows`, sorted, so a test can keep a fixed part of them. */
const labels = (rows: readonly Row[]) => [...new Set(rows.map((row) => row.label))].sort();

describe('synthgap check: the kind of gap', () => {
  test('gpt-3.5 paraphrases against lower-case crowd text: style, with the figures and roughen as the lever', () => {
    const run = synthgap(['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const headline = lines.findIndex((line) => /A large gap/.test(line));
    assert.match(lines[headline + 1], /^ {2}Kind of gap: style — casing, punctuation, typos and apostrophes alone reach AUC 1\.00 of the detector's 1\.00 \(\d+% of its lead over chance\); run synthgap roughen(; \d+% of real rows have no close synthetic row \(\d+% by chance\), which roughening cannot add: generate rows for them \(synthgap prompts\))?\.$/);
    const json = synthgap(['check', join(EXAMPLES, 'synthetic.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--format', 'json', '--quiet']);
    const { summary } = (JSON.parse(json.stdout) as GapReport).datasets[0];
    assert.equal(summary.gapKind, 'style');
    assert.equal(summary.gapKindEvidence?.lever, 'run synthgap roughen');
    assert.ok((summary.gapKindEvidence?.figures.styleAuc ?? 0) > 0.95, JSON.stringify(summary.gapKindEvidence));
  });

  test('the same paraphrases with casing and punctuation taken away: no longer style', () => {
    const dir = tempDir();
    const synthetic = write(dir, 'synthetic.jsonl', jsonl('synthetic.jsonl').map((row) => ({ ...row, text: strip(row.text) })));
    const { summary } = check(dir, synthetic, join(EXAMPLES, 'real.jsonl'));
    assert.notEqual(summary.verdict, 'no-gap');
    assert.ok(summary.gapKind === 'wording' || summary.gapKind === 'coverage', JSON.stringify(summary.gapKindEvidence));
    assert.ok((summary.gapKindEvidence?.figures.styleShare ?? 1) < STYLE_SHARE, JSON.stringify(summary.gapKindEvidence));
  });

  test('real rows against real rows of two thirds of the labels: coverage, naming the share of real rows left out', () => {
    const dir = tempDir();
    const kept = new Set(labels(jsonl('real_holdout.jsonl')).filter((_, i) => i % 3 !== 0));
    const synthetic = write(dir, 'synthetic.jsonl', jsonl('real_holdout.jsonl').filter((row) => kept.has(row.label)));
    const { summary } = check(dir, synthetic, join(EXAMPLES, 'real.jsonl'));
    assert.equal(summary.gapKind, 'coverage', JSON.stringify(summary.gapKindEvidence));
    // A third of the real rows lack their label; labels of under 9 real rows cannot be told from chance (about
    // 10 rows a label here), so the figure is somewhat under a third, never over it.
    const missing = summary.gapKindEvidence?.figures.missingLabelShare ?? 0;
    assert.ok(missing > 0.15 && missing < 0.4, `${missing}`);
    assert.match(summary.gapKindEvidence?.sentence ?? '', /^Kind of gap: coverage — \d+% of real rows have a label the synthetic rows barely use.*synthgap prompts\)\.$/);
  });

  test('Banking77 rows with formal register phrases in half of them: wording', () => {
    const dir = tempDir();
    const rows = banking();
    const openers = ['I am writing to inquire: ', 'I would like to inquire: ', 'Kindly help: ', 'I am reaching out because '];
    const closers = [' Your assistance is appreciated.', ' Kindly advise.', ' I would greatly appreciate it.', ' Any assistance would be appreciated.'];
    const reference = write(dir, 'real.jsonl', rows.filter((_, i) => i % 2 === 0));
    const changed = rows.filter((_, i) => i % 2 === 1).map((row, i) => {
      if (i % 2 === 1) return row;
      const k = (i >> 1) % 4;
      return { ...row, text: i % 4 === 0 ? openers[k] + row.text.charAt(0).toLowerCase() + row.text.slice(1) : row.text + closers[k] };
    });
    const { summary } = check(dir, write(dir, 'synthetic.jsonl', changed), reference);
    assert.equal(summary.gapKind, 'wording', JSON.stringify(summary.gapKindEvidence));
    assert.match(summary.gapKindEvidence?.sentence ?? '', /^Kind of gap: wording — 50% of synthetic rows use a formal or LLM register phrase \(0% of real rows\)/);
  });

  test('two sets of real rows: none; too few rows: no kind, and it says so', () => {
    const { summary } = check(EXAMPLES, 'real_holdout.jsonl', 'real.jsonl');
    assert.equal(summary.verdict, 'no-gap');
    assert.equal(summary.gapKind, 'none');
    const dir = tempDir();
    const few = check(dir, write(dir, 'synthetic.jsonl', jsonl('synthetic.jsonl').slice(0, 30)), write(dir, 'real.jsonl', jsonl('real.jsonl').slice(0, 30))).summary;
    assert.equal(few.verdict, 'insufficient-data');
    assert.equal(few.gapKind, undefined);
    assert.equal(few.gapKindEvidence?.sentence, 'Kind of gap: too few rows to say.');
  });
});
