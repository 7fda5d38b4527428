// `synthgap prompts` as a user runs it: the built bin on the example data and on a CLINC150 subset.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { PromptsReport } from '../../src/core/prompts/prompts';
import { EXAMPLES, ROOT, synthgap, tempDir } from '../support/cli';

const SYNTHETIC = join(EXAMPLES, 'synthetic.jsonl');
const REAL = join(EXAMPLES, 'real.jsonl');
const SUBSET = join(ROOT, 'test/fixtures/clinc-subset');
const SUBSET_REAL = join(SUBSET, 'real.jsonl');

type Row = { text: string; label: string };
const rows = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

/** The synthetic rows of `file` without some labels, so exactly those labels have no synthetic neighbour. */
function withoutLabels(file: string, dir: string, labels: readonly string[]): string {
  const kept = rows(file).filter((row) => !labels.includes(row.label));
  writeFileSync(join(dir, 'partial.jsonl'), kept.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return join(dir, 'partial.jsonl');
}

/** Look-alikes of labels that stay (gas_type, change_user_name), so an off-label quote would show. */
const DROPPED = ['gas', 'time', 'what_is_your_name'];

describe('synthgap prompts', () => {
  test('labels removed from the synthetic rows rank first, each prompt quoting only real rows of its label', () => {
    const dir = tempDir('synthgap-prompts-');
    const result = synthgap(['prompts', withoutLabels(join(SUBSET, 'synthetic.jsonl'), dir, DROPPED), '--reference', SUBSET_REAL, '--format', 'json', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as PromptsReport;
    assert.equal(report.groupedBy, 'label');
    assert.deepEqual(report.prompts.slice(0, 3).map((p) => p.label).sort(), [...DROPPED].sort(), JSON.stringify(report.prompts.map((p) => [p.label, p.uncoveredRealRows])));
    for (const prompt of report.prompts.slice(0, 3)) assert.equal(prompt.uncoveredRealRows, 25, 'every real row of a removed label is uncovered');
    assert.ok(report.prompts.slice(3).every((p) => p.uncoveredRealRows < 25));
    const counts = report.prompts.map((p) => p.uncoveredRealRows);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const real = rows(SUBSET_REAL);
    for (const prompt of report.prompts) {
      assert.deepEqual(Object.keys(prompt).filter((key) => ['label', 'uncoveredRealRows', 'examples', 'styleRules', 'text'].includes(key)).length, 5);
      assert.equal(prompt.examples.length, Math.min(5, prompt.uncoveredRealRows), "uncovered rows only");
      for (const example of prompt.examples) {
        assert.equal(real[example.line - 1].text, example.text);
        assert.equal(real[example.line - 1].label, prompt.label, `${prompt.label} quotes "${example.text}"`);
        assert.ok(prompt.text.includes(`- ${example.text}\n`));
      }
      for (const rule of prompt.styleRules) assert.ok(prompt.text.includes(`- ${rule}\n`), rule);
    }
  });

  test('Markdown: each prompt states how many real rows it would cover; --top and --label pick prompts', () => {
    const dir = tempDir('synthgap-prompts-');
    const partial = withoutLabels(join(SUBSET, 'synthetic.jsonl'), dir, DROPPED);
    const out = join(dir, 'prompts.md');
    const result = synthgap(['prompts', partial, '--reference', SUBSET_REAL, '--out', out, '--top', '2']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.split('\n').at(-2), `Wrote 2 prompts to ${out}`);
    const markdown = readFileSync(out, 'utf8');
    assert.match(markdown, /^# Generation prompts for /);
    assert.match(markdown, /the top 2 of \d+ labels with uncovered rows are below/);
    assert.equal(markdown.match(/^## \d+\. Label /gm)?.length, 2);
    assert.match(markdown, /^25 of 25 real rows of `(gas|time|what_is_your_name)` have no close synthetic row \(no synthetic row has this label\); 5 of them:$/m);
    assert.match(markdown, /Casing: all lower-case/);

    const one = synthgap(['prompts', partial, '--reference', SUBSET_REAL, '--label', 'gas_type', '--quiet']);
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(one.stdout.match(/^## \d+\. .*$/gm), ['## 1. Label gas\\_type']);
    assert.match(one.stdout, /Every message must have the intent "gas_type"; write nothing for any other intent\./);
    const gasTypeLines = new Set(rows(SUBSET_REAL).flatMap((row, i) => (row.label === 'gas_type' ? [i + 1] : [])));
    const quoted = [...one.stdout.matchAll(/real\.jsonl:(\d+)\)$/gm)].map((m) => Number(m[1]));
    assert.ok(quoted.length === 5 && quoted.every((line) => gasTypeLines.has(line)), quoted.join(', '));

    const unknown = synthgap(['prompts', partial, '--reference', SUBSET_REAL, '--label', 'gas_typo']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'synthgap: --label "gas_typo" is not a label of any reference row (labels: change_user_name, directions, gas, gas_type, nutrition_info, spelling, spending_history, text, … (12 in all))\n');
  });

  test('--embedder: "close" is measured on the chosen embedding, and the document names it', () => {
    const dir = tempDir('synthgap-prompts-');
    const paraphrase = join(ROOT, 'test/fixtures/paraphrase');
    const partial = withoutLabels(join(paraphrase, 'synthetic.jsonl'), dir, ['translate']);
    const args = ['prompts', partial, '--reference', join(paraphrase, 'real.jsonl'), '--embedder', `model2vec:${join(ROOT, 'test/fixtures/potion-mini')}`, '--quiet'];
    const report = JSON.parse(synthgap([...args, '--format', 'json']).stdout) as PromptsReport;
    assert.equal(report.embedder, 'model2vec:potion-mini');
    assert.equal(report.prompts[0].label, 'translate');
    assert.equal(report.prompts[0].uncoveredRealRows, rows(join(paraphrase, 'real.jsonl')).filter((row) => row.label === 'translate').length);
    assert.match(synthgap(args).stdout, /none is within cosine 0\.\d\d on the embedding model2vec:potion-mini, /);
  });

  test('JSON output on the example data, deterministic for a seed', () => {
    const first = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as PromptsReport;
    assert.equal(report.rows.reference, 1500);
    assert.equal(report.judgedRows, 1500);
    assert.ok(report.styleRules.length >= 5);
    assert.ok(report.prompts.length === 10 && report.groupsWithUncovered >= 10, String(report.groupsWithUncovered));
    for (const prompt of report.prompts) assert.ok(prompt.examples.length >= 1 && prompt.text.length > 100);
    const second = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'json', '--seed', '3', '--quiet']);
    assert.equal(second.stdout, first.stdout);
  });

  test('bad options: one line, exit 2', () => {
    const format = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--format', 'html']);
    assert.equal(format.code, 2);
    assert.equal(format.stderr, 'synthgap: --format must be one of markdown, json (got "html")\n');
    const examples = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--examples', '0']);
    assert.equal(examples.stderr, 'synthgap: --examples must be a whole number from 1 to 50 (got 0)\n');
    const top = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--top', '0']);
    assert.equal(top.code, 2);
    assert.equal(top.stderr, 'synthgap: --top must be a whole number at least 1 (got 0)\n');
    const none = synthgap(['prompts', SYNTHETIC]);
    assert.match(none.stderr, /no reference set/);
    const overwrite = synthgap(['prompts', SYNTHETIC, '--reference', REAL, '--out', REAL]);
    assert.equal(overwrite.code, 2);
    assert.match(overwrite.stderr, /--out .*real\.jsonl is an input file/);
  });
});
