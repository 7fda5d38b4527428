// `synthgap roughen` as a user runs it: the built bin on real files; `check` measures the result.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { EXAMPLES, synthgap, tempDir } from '../support/cli';

function auc(dataset: string, reference: string): number {
  const result = synthgap(['check', dataset, '--reference', reference, '--format', 'json', '--quiet']);
  assert.equal(result.code, 0, result.stderr);
  return (JSON.parse(result.stdout) as GapReport).datasets[0].summary.auc;
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n');
const withoutText = (line: string) => {
  const value = JSON.parse(line) as Record<string, unknown>;
  delete value.text;
  return value;
};

describe('synthgap roughen', () => {
  test('roughens the examples: same lines and labels, other fields untouched, and check finds a smaller gap', (t) => {
    const dir = tempDir('synthgap-roughen-');
    const out = join(dir, 'synthetic.rough.jsonl');
    const input = join(EXAMPLES, 'synthetic.jsonl');
    const result = synthgap(['roughen', input, '--reference', join(EXAMPLES, 'real.jsonl'), '--out', out, '--seed', '7']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Roughened [\d,]+ of 3,000 rows/);
    assert.match(result.stdout, /lowercase-all/);
    assert.match(result.stdout, /of real rows have a typo/);
    assert.match(result.stdout, /have no final punctuation/);
    const before = lines(input);
    const after = lines(out);
    assert.equal(after.length, before.length);
    before.forEach((line, i) => {
      if (line.trim() === '') return assert.equal(after[i], line);
      assert.deepEqual(withoutText(after[i]), withoutText(line), `line ${i + 1}`);
    });
    const changed = after.filter((line, i) => line !== before[i]).length;
    assert.ok(changed > 2500, `${changed} rows changed`);
    const gapBefore = auc(input, join(EXAMPLES, 'real.jsonl'));
    const gapAfter = auc(out, join(EXAMPLES, 'real.jsonl'));
    t.diagnostic(`AUC ${gapBefore.toFixed(3)} → ${gapAfter.toFixed(3)}`);
    assert.ok(gapAfter < gapBefore - 0.05, `AUC ${gapBefore.toFixed(3)} → ${gapAfter.toFixed(3)}`);
    const again = join(dir, 'again.jsonl');
    synthgap(['roughen', input, '--reference', join(EXAMPLES, 'real.jsonl'), '--out', again, '--seed', '7']);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(out, 'utf8'), 'the same seed gives the same file');
  });

  test('leaves real rows nearly alone: real against real stays calm after roughening', () => {
    const dir = tempDir('synthgap-roughen-');
    const input = join(EXAMPLES, 'real_holdout.jsonl');
    const out = join(dir, 'holdout.rough.jsonl');
    const result = synthgap(['roughen', input, '--reference', join(EXAMPLES, 'real.jsonl'), '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const changed = lines(out).filter((line, i) => line !== lines(input)[i]).length;
    assert.ok(changed < 150, `${changed} of 1,500 real rows changed`);
    assert.ok(auc(out, join(EXAMPLES, 'real.jsonl')) < 0.6);
  });

  test('keeps bad lines byte for byte and reports them with file and line', () => {
    const dir = tempDir('synthgap-roughen-');
    const good = lines(join(EXAMPLES, 'synthetic.jsonl')).slice(0, 40);
    const document = [...good.slice(0, 10), '{"text": "unterminated', '{"text": 42, "label": "x"}', '', ...good.slice(10)].join('\r\n');
    writeFileSync(join(dir, 'bad.jsonl'), document);
    const result = synthgap(['roughen', 'bad.jsonl', '--reference', join(EXAMPLES, 'real.jsonl'), '--out', 'out.jsonl'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /bad\.jsonl:11: invalid JSON/);
    assert.match(result.stderr, /bad\.jsonl:12: "text" is a number/);
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\r\n');
    assert.deepEqual(out.slice(10, 13), ['{"text": "unterminated', '{"text": 42, "label": "x"}', '']);
    assert.equal(out.length, document.split('\r\n').length);
  });

  test('roughens the user turns of a chat file, cuts only the opener of an assistant turn, keeps the system prompt; and CSV or TSV cells, multi-line ones included', () => {
    const dir = tempDir('synthgap-roughen-');
    const synthetic = lines(join(EXAMPLES, 'synthetic.jsonl')).filter(Boolean).slice(0, 60).map((line) => JSON.parse(line) as { text: string; label: string });
    const chat = synthetic.map((row) => JSON.stringify({ messages: [{ role: 'system', content: 'You are a bank assistant.' }, { role: 'user', content: row.text }, { role: 'assistant', content: 'Sure, I can help.' }], label: row.label }));
    writeFileSync(join(dir, 'chat.jsonl'), chat.join('\n') + '\n');
    const reference = join(EXAMPLES, 'real.jsonl');
    assert.equal((synthgap(['roughen', 'chat.jsonl', '--reference', reference, '--out', 'chat.out.jsonl'], dir)).code, 0);
    const chatOut = lines(join(dir, 'chat.out.jsonl')).filter(Boolean).map((line) => JSON.parse(line) as { messages: { role: string; content: string }[]; label: string });
    assert.equal(chatOut.length, 60);
    // An assistant turn keeps its answer: only the stock opener goes (roughen/response.ts), never typos.
    assert.ok(chatOut.every((row, i) => row.messages[0].content === 'You are a bank assistant.' && row.messages[2].content === 'I can help.' && row.label === synthetic[i].label));
    assert.ok(chatOut.filter((row, i) => row.messages[1].content !== synthetic[i].text).length > 40);

    for (const [name, delimiter] of [['data.csv', ','], ['data.tsv', '\t']] as const) {
      const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
      const rows = synthetic.map((row, i) => [String(i), quote(i % 7 === 0 ? `${row.text}\nSecond line, here.` : row.text), row.label, quote('note, "kept"')].join(delimiter));
      const document = ['id', 'text', 'label', 'note'].join(delimiter) + '\n' + rows.join('\n') + '\n';
      writeFileSync(join(dir, name), document);
      const result = synthgap(['roughen', name, '--reference', reference, '--out', `out-${name}`], dir);
      assert.equal(result.code, 0, result.stderr);
      const output = readFileSync(join(dir, `out-${name}`), 'utf8');
      assert.equal(output.split('\n').length, document.split('\n').length, name);
      const cells = output.split('\n').filter((line) => line.endsWith(quote('note, "kept"')));
      assert.equal(cells.length, 60, `${name}: every record keeps its last cell`);
      assert.notEqual(output, document);
    }
  });

  test('--only-flagged roughens only the rows check flags', () => {
    const dir = tempDir('synthgap-roughen-');
    const input = join(EXAMPLES, 'real_holdout.jsonl');
    const reference = join(EXAMPLES, 'real.jsonl');
    const result = synthgap(['roughen', input, '--reference', reference, '--out', join(dir, 'out.jsonl'), '--only-flagged'], dir);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(synthgap(['check', input, '--reference', reference, '--format', 'json', '--quiet']).stdout) as GapReport;
    const flagged = new Set(report.datasets[0].rows.filter((row) => row.flagged).map((row) => row.line));
    const before = lines(input);
    const after = lines(join(dir, 'out.jsonl'));
    after.forEach((line, i) => {
      if (line !== before[i]) assert.ok(flagged.has(i + 1), `line ${i + 1} changed but is not flagged`);
    });
    assert.match(result.stdout, /flagged rows/);
  });

  test('user mistakes exit 2 with one line: overwriting the input, no --out, no reference, a missing file', () => {
    const dir = tempDir('synthgap-roughen-');
    writeFileSync(join(dir, 'syn.jsonl'), readFileSync(join(EXAMPLES, 'synthetic.jsonl')));
    const reference = join(EXAMPLES, 'real.jsonl');
    const cases: [string[], RegExp][] = [
      [['syn.jsonl', '--reference', reference, '--out', 'syn.jsonl'], /refusing to overwrite syn\.jsonl: choose another --out, or pass --in-place/],
      [['syn.jsonl', '--reference', reference, '--out', reference], /refusing to overwrite the reference set/],
      [['syn.jsonl', '--reference', reference], /--out FILE is required/],
      [['syn.jsonl', '--out', 'x.jsonl'], /no reference set/],
      [['nope.jsonl', '--reference', reference, '--out', 'x.jsonl'], /cannot read nope\.jsonl: no such file/],
      [['syn.jsonl', '--reference', reference, '--out', 'x.jsonl', '--strength', '-1'], /--strength must be/],
      [['syn.jsonl', '--reference', reference, '--out', join(dir, 'missing/x.jsonl')], /cannot write .*: no such folder/],
    ];
    for (const [args, message] of cases) {
      const result = synthgap(['roughen', ...args], dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    const original = readFileSync(join(dir, 'syn.jsonl'), 'utf8');
    const inPlace = synthgap(['roughen', 'syn.jsonl', '--reference', reference, '--in-place', '--strength', '0.5'], dir);
    assert.equal(inPlace.code, 0, inPlace.stderr);
    const rewritten = readFileSync(join(dir, 'syn.jsonl'), 'utf8');
    assert.notEqual(rewritten, original);
    assert.equal(rewritten.split('\n').length, original.split('\n').length);
  });
});
