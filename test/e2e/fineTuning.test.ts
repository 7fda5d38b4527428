// Fine-tuning data as a user checks it (issue 12): instruction/response files and chat files, read field by field with
// no flags, through the built CLI. The sides are built from the repository's CLINC150 subset (real user messages and
// gpt-3.5 rewrites; test/fixtures/clinc-subset) with replies from test/support/finetuneData.ts.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { GapReport } from '../../src/core/report/types';
import { alpacaSides, chatSides } from '../support/finetuneData';
import { ROOT, synthgap, tempDir } from '../support/cli';

const FIXTURES = join(ROOT, 'test/fixtures/finetune');

function check(args: string[]): GapReport {
  const result = synthgap(['check', ...args, '--format', 'json', '--quiet'], ROOT);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as GapReport;
}

function sides(name: string, data: { real: string; synthetic: string }): { real: string; synthetic: string } {
  const dir = tempDir();
  const real = join(dir, `${name}.real.jsonl`);
  const synthetic = join(dir, `${name}.synthetic.jsonl`);
  writeFileSync(real, data.real);
  writeFileSync(synthetic, data.synthetic);
  return { real, synthetic };
}

describe('synthgap check on fine-tuning data', () => {
  test('a chat file is analyzed for every role: per-role results, a combined score per conversation, reasons that name the role', () => {
    const files = sides('chat', chatSides(300, 5));
    const report = check([files.synthetic, '--reference', files.real]);
    assert.deepEqual(report.settings.textFields, ['system', 'user', 'assistant']);
    assert.equal(report.settings.schema, 'OpenAI chat messages: system, user, assistant');
    const [dataset] = report.datasets;
    assert.deepEqual(dataset.errors, []);
    assert.deepEqual(dataset.fields?.map((f) => f.field), ['system', 'user', 'assistant']);
    const byField = Object.fromEntries((dataset.fields ?? []).map((f) => [f.field, f]));
    // The assistant turns are where LLM writing shows most; every field's AUC has an interval around it.
    assert.ok(byField.assistant.summary.auc > 0.9, `assistant AUC ${byField.assistant.summary.auc}`);
    assert.ok(byField.assistant.summary.auc >= byField.user.summary.auc - 0.02, 'assistant turns differ at least as much as user turns');
    for (const field of dataset.fields ?? []) assert.ok(field.summary.aucLow <= field.summary.auc && field.summary.auc <= field.summary.aucHigh);
    assert.ok(byField.user.rows > 300, 'every user turn of a multi-turn conversation counts');
    // The headline AUC is the combined one, and no lower than the best field's by more than its interval.
    const best = Math.max(...(dataset.fields ?? []).map((f) => f.summary.auc));
    assert.ok(dataset.summary.auc >= best - 0.02, `combined ${dataset.summary.auc} against best field ${best}`);
    assert.equal(dataset.rows.length, 300);
    const flagged = dataset.rows.filter((row) => row.flagged);
    assert.ok(flagged.length > 100, `${flagged.length} flagged`);
    for (const row of flagged) {
      assert.ok(row.field && ['system', 'user', 'assistant'].includes(row.field), `field ${row.field}`);
      assert.ok(row.turn !== undefined, 'a chat row points at a turn');
      assert.ok(row.reasons.every((reason) => reason.message.startsWith(`${row.field}: `)), JSON.stringify(row.reasons));
      assert.ok(row.fieldScores && Object.keys(row.fieldScores).length >= 2);
    }
    assert.ok(flagged.filter((row) => row.field === 'assistant').length > flagged.length / 2, 'most flags are about the assistant turns');
    // Each flagged row's start/end is the content literal of the turn it names.
    const lines = readFileSync(files.synthetic, 'utf8').split('\n');
    for (const row of flagged.slice(0, 50)) {
      const literal = lines[row.line - 1].slice(row.start, row.end);
      const turn = (JSON.parse(lines[row.line - 1]) as { messages: { role: string; content: string }[] }).messages[row.turn as number];
      assert.equal(JSON.parse(literal), turn.content);
      assert.equal(turn.role, row.field);
    }
    assert.ok(dataset.pairs && dataset.pairs.request === 'user' && dataset.pairs.response === 'assistant');
  });

  test('ShareGPT conversations are read with their speakers as roles, and the terminal shows each field', () => {
    const files = sides('sharegpt', chatSides(200, 9, { format: 'sharegpt' }));
    const result = synthgap(['check', files.synthetic, '--reference', files.real, '--quiet'], ROOT);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Read as ShareGPT conversations: system, user, assistant/);
    assert.match(result.stdout, /By field\n\s+system .*\n\s+user\s+AUC .*\n\s+assistant\s+AUC /);
    assert.match(result.stdout, /line [\d,]+, message \d+ \((user|assistant)\)/);
  });

  test('Alpaca rows: an empty input is no error; instruction and output are compared each on its own', () => {
    const files = sides('alpaca', alpacaSides(300, 3));
    const report = check([files.synthetic, '--reference', files.real]);
    assert.equal(report.settings.schema, 'Alpaca-style instruction data: instruction, input, output');
    const [dataset] = report.datasets;
    assert.equal(dataset.skipped, 0);
    assert.equal(report.reference.skipped, 0);
    assert.deepEqual(dataset.fields?.map((f) => f.field), ['instruction', 'input', 'output']);
    const input = dataset.fields?.find((f) => f.field === 'input');
    assert.ok(input && input.rows < 100, `${input?.rows} inputs: only the rows that have one`);
    const output = dataset.fields?.find((f) => f.field === 'output');
    assert.ok(output && output.summary.auc > 0.9);
    assert.ok(dataset.rows.some((row) => row.flagged && row.field === 'output' && row.reasons[0].message.startsWith('output: ')));
    assert.ok(dataset.rows.every((row) => row.fieldScores && typeof row.fieldScores.instruction === 'number'));
  });

  test('--text-field takes several fields and --role several roles; one role reads a row per turn', () => {
    const real = join(FIXTURES, 'openai-chat.real.jsonl');
    const synthetic = join(FIXTURES, 'openai-chat.synthetic.jsonl');
    const two = check([synthetic, '--reference', real, '--role', 'user,assistant']);
    assert.deepEqual(two.datasets[0].fields?.map((f) => f.field), ['user', 'assistant']);
    const one = check([synthetic, '--reference', real, '--role', 'assistant']);
    assert.equal(one.datasets[0].fields, undefined);
    assert.ok(one.datasets[0].rows.length > 60 && one.datasets[0].rows.every((row) => row.turn !== undefined));
    const alpaca = check([join(FIXTURES, 'alpaca.synthetic.jsonl'), '--reference', join(FIXTURES, 'alpaca.real.jsonl'), '--text-field', 'instruction,output']);
    assert.deepEqual(alpaca.datasets[0].fields?.map((f) => f.field), ['instruction', 'output']);
    assert.equal(alpaca.settings.schema, undefined);
  });

  test('a row whose field is not text is reported with its file and line; the rest of the file is analyzed', () => {
    const result = synthgap(['check', join(FIXTURES, 'edge-cases.jsonl'), '--reference', join(FIXTURES, 'alpaca.real.jsonl')], ROOT);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /edge-cases\.jsonl:2: "output" is a number, expected a string/);
    assert.match(result.stderr, /edge-cases\.jsonl:3: "instruction" is an object, expected a string/);
    assert.doesNotMatch(result.stderr, /:(8|9): /, 'a null or missing input is no error');
  });

  test('roughen acts on each field as it should: user turns roughened, assistant turns only lose stock phrasing, system prompts kept', () => {
    const dir = tempDir();
    const out = join(dir, 'rough.jsonl');
    const synthetic = join(FIXTURES, 'openai-chat.synthetic.jsonl');
    const result = synthgap(['roughen', synthetic, '--reference', join(FIXTURES, 'openai-chat.real.jsonl'), '--out', out, '--quiet'], ROOT);
    assert.equal(result.code, 0, result.stderr);
    type Chat = { messages: { role: string; content: string }[] };
    const before = readFileSync(synthetic, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Chat);
    const after = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Chat);
    assert.equal(after.length, before.length);
    let userChanged = 0;
    let assistantChanged = 0;
    before.forEach((chat, i) => {
      chat.messages.forEach((message, k) => {
        const next = after[i].messages[k];
        assert.equal(next.role, message.role);
        if (message.role === 'system') assert.equal(next.content, message.content, 'a system prompt is left as it is');
        if (message.role === 'user' && next.content !== message.content) userChanged++;
        if (message.role === 'assistant' && next.content !== message.content) {
          assistantChanged++;
          // Only cuts: every word left is a word of the original (a capital may move to the new first word).
          const words = new Set(message.content.toLowerCase().split(/\s+/));
          for (const word of next.content.toLowerCase().split(/\s+/)) assert.ok(words.has(word), `"${word}" is not in the original assistant turn`);
        }
      });
    });
    assert.ok(userChanged > 10 && assistantChanged > 10, `user ${userChanged}, assistant ${assistantChanged}`);
  });
});
