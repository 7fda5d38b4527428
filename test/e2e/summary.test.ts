// What the terminal summary says, and leaves out, as a user runs `synthgap check` on real files.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { EXAMPLES, ROOT, synthgap, tempDir } from '../support/cli';

const PARAPHRASE = join(ROOT, 'test/fixtures/paraphrase');
const MODEL = join(ROOT, 'test/fixtures/potion-mini');

function jsonl(file: string): { text: string; label: string }[] {
  return readFileSync(join(EXAMPLES, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { text: string; label: string });
}

function write(dir: string, name: string, rows: readonly object[]): string {
  writeFileSync(join(dir, name), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return name;
}

describe('synthgap check summary', () => {
  test('too few rows: no row flagged, and --fail-above-auc does not fire, with the reason on stderr', () => {
    const dir = tempDir();
    const real = write(dir, 'real.jsonl', jsonl('real.jsonl').slice(0, 30));
    const synthetic = write(dir, 'synthetic.jsonl', jsonl('synthetic.jsonl').slice(0, 30));
    const run = synthgap(['check', synthetic, '--reference', real, '--fail-above-auc', '0.6', '--quiet'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /synthetic\.jsonl: --fail-above-auc not applied: too few rows to compare \(30 reference, 30 dataset; each side needs 50\)/);
    assert.match(run.stdout, /INSUFFICIENT DATA/);
    assert.match(run.stdout, /Too few rows to flag any/);
    assert.match(run.stdout, /Too few rows to call any difference a gap\./);
    assert.doesNotMatch(run.stdout, /Biggest gaps|Most synthetic-looking rows/);
    const json = synthgap(['check', synthetic, '--reference', real, '--format', 'json', '--quiet'], dir);
    const report = JSON.parse(json.stdout) as GapReport;
    assert.equal(report.datasets[0].summary.verdict, 'insufficient-data');
    assert.equal(report.datasets[0].rows.filter((row) => row.flagged).length, 0);
    assert.equal(report.datasets[0].summary.flagged, 0);
  });

  test('no gap: the summary lists no gaps and says so; no phrase stands out; the gate passes', () => {
    const run = synthgap(['check', join(EXAMPLES, 'real_holdout.jsonl'), '--reference', join(EXAMPLES, 'real.jsonl'), '--fail-above-auc', '0.6', '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /NO GAP/);
    assert.doesNotMatch(run.stdout, /Biggest gaps/);
    assert.match(run.stdout, /No feature differs by an effect of 0\.2 or more\.|No gap: the detector cannot tell the sides apart/);
    assert.match(run.stdout, /Phrases: No phrase is used more on one side than the other \(tested [\d,]+ phrases\)\./);
    assert.doesNotMatch(run.stderr, /not applied/);
  });

  test('labels on one side only are named, with the field', () => {
    const dir = tempDir();
    const real = write(dir, 'real.jsonl', jsonl('real.jsonl').slice(0, 300).map((row) => ({ text: row.text, intent: row.label })));
    const synthetic = write(dir, 'synthetic.jsonl', jsonl('synthetic.jsonl').slice(0, 300).map((row) => ({ text: row.text })));
    const run = synthgap(['check', synthetic, '--reference', real, '--quiet'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Labels: only the reference has a label field \(intent\); per-label gaps need labels on both sides\./);
  });

  test('an 800-row file: a phrase in 30 real rows and no synthetic one is listed, with both counts and rates', () => {
    const dir = tempDir();
    const realRows = jsonl('real.jsonl').slice(0, 400).map((row, i) => ({ text: i % 13 === 0 && i < 390 ? `i am asking ${row.text}` : row.text.replace(/\bi am\b/gi, 'im') }));
    const real = write(dir, 'real.jsonl', realRows);
    const synthetic = write(dir, 'synthetic.jsonl', jsonl('synthetic.jsonl').slice(0, 400).map((row) => ({ text: row.text.replace(/\bi am\b/gi, 'I’m') })));
    const run = synthgap(['check', synthetic, '--reference', real, '--quiet'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Over-used in real text\n(?: {4}.*\n)*? {4}"i am(?: asking)?" {2}30 of 400 real rows \(75 per 1,000\) · 0 of 400 synthetic \(0 per 1,000\)/);
  });

  test('a label that is an object and a repeated CSV column are each reported once, with file and line, and no line is skipped', () => {
    const dir = tempDir();
    const real = write(dir, 'real.jsonl', jsonl('real.jsonl').slice(0, 120).map((row) => ({ text: row.text, label: { intent: row.label } })));
    const rows = jsonl('synthetic.jsonl').slice(0, 120);
    const csv = ['text,label,text', ...rows.map((row) => `"${row.text.replace(/"/g, '""')}",${row.label},copy`)].join('\n') + '\n';
    writeFileSync(join(dir, 'synthetic.csv'), csv);
    const run = synthgap(['check', 'synthetic.csv', '--reference', real], dir);
    assert.equal(run.code, 0, run.stderr);
    const labelWarnings = run.stderr.match(/^real\.jsonl:1: warning: the label "label" is an object or a list here \(and on 119 more lines\), not text; those rows are read without a label$/gm);
    assert.equal(labelWarnings?.length, 1, run.stderr);
    const columnWarnings = run.stderr.match(/^synthetic\.csv:1: warning: column "text" appears twice in the header \(columns 1, 3\); the first is read as "text", the other as "text_1"$/gm);
    assert.equal(columnWarnings?.length, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /skipped/);
    // The summary's warnings say the same once each.
    assert.equal(run.stdout.match(/real\.jsonl:1: the label "label" is an object/g)?.length, 1, run.stdout);
    assert.equal(run.stdout.match(/synthetic\.csv:1: column "text" appears twice/g)?.length, 1, run.stdout);
    const report = JSON.parse(synthgap(['check', 'synthetic.csv', '--reference', real, '--format', 'json', '--quiet'], dir).stdout) as GapReport;
    assert.equal(report.reference.skipped, 0);
    assert.equal(report.datasets[0].skipped, 0);
    assert.equal(report.warnings.filter((w) => w.startsWith('real.jsonl:1: the label')).length, 1);
  });

  test('a file whose first ten lines restate one request: a paraphrase group on the semantic model, named with its cosine; hashed says it cannot see paraphrases', () => {
    const args = ['check', join(PARAPHRASE, 'synthetic.jsonl'), '--reference', join(PARAPHRASE, 'real.jsonl'), '--quiet'];
    const semantic = synthgap([...args, '--embedder', `model2vec:${MODEL}`]);
    assert.equal(semantic.code, 0, semantic.stderr);
    const nearDuplicates = /Near-duplicates: (.*)\n {4}(Groups: .*)/.exec(semantic.stdout);
    assert.ok(nearDuplicates, semantic.stdout);
    assert.doesNotMatch(nearDuplicates[1], /more varied/);
    assert.match(nearDuplicates[1], /rows are near-copies or paraphrases of another synthetic row/);
    assert.match(nearDuplicates[2], /cosine ≥ 0\.80 to a group's first row on model2vec:potion-mini, a semantic embedding, so paraphrases count/);
    const report = JSON.parse(synthgap([...args, '--embedder', `model2vec:${MODEL}`, '--format', 'json']).stdout) as GapReport;
    const { diversity } = report.datasets[0];
    assert.equal(diversity.embedder, 'model2vec:potion-mini');
    assert.equal(diversity.paraphrases, true);
    assert.equal(diversity.similarityThreshold, 0.8);
    const group = diversity.nearDuplicateGroups.find((g) => g.lines.includes(1));
    assert.ok(group && group.lines.filter((line) => line <= 10).length >= 8, JSON.stringify(diversity.nearDuplicateGroups));

    const hashed = synthgap([...args, '--embedder', 'hashed']);
    assert.equal(hashed.code, 0, hashed.stderr);
    assert.match(hashed.stdout, /Groups: .*which compares spelling, not meaning: paraphrases are not detected/);
  });
});
