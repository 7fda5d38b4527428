import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../../src/core/dataset/readDataset';
import type { DatasetRow, ParsedDataset, ReadOptions } from '../../../src/core/dataset/types';
import { rangeText } from './support';

const FIXTURES = join(__dirname, '../../fixtures/finetune');
const read = async (name: string, options: ReadOptions = {}): Promise<{ doc: string; data: ParsedDataset }> => {
  const doc = readFileSync(join(FIXTURES, name), 'utf8');
  return { doc, data: await readDataset(doc, { ...options, fileName: name }) };
};
const shape = (row: DatasetRow): string => `${row.line}:${(row.fields ?? []).map((f) => f.field + (f.turn ?? '')).join('+')}`;

/** Every field's range covers the field's value as written: a JSON string literal, or a CSV cell. */
function assertFieldRanges(doc: string, data: ParsedDataset, decode: (literal: string) => string): void {
  for (const row of data.rows) {
    for (const field of row.fields ?? []) assert.equal(decode(rangeText(doc, { ...row, textRange: field.textRange })), field.text, `line ${row.line} ${field.field}`);
  }
}

describe('readDataset, instruction and chat data read field by field', () => {
  const schemas: [string, string, string[]][] = [
    ['alpaca.real.jsonl', 'Alpaca-style instruction data: instruction, input, output', ['instruction', 'input', 'output']],
    ['prompt-completion.real.jsonl', 'prompt/completion pairs: prompt, completion', ['prompt', 'completion']],
    ['prompt-response.synthetic.jsonl', 'prompt/response pairs: prompt, response', ['prompt', 'response']],
    ['question-answer.real.jsonl', 'question/answer pairs: question, answer', ['question', 'answer']],
    ['openai-chat.synthetic.jsonl', 'OpenAI chat messages: system, user, assistant', ['system', 'user', 'assistant']],
    ['sharegpt.real.jsonl', 'ShareGPT conversations: system, user, assistant', ['system', 'user', 'assistant']],
  ];
  for (const [file, schema, fields] of schemas) {
    it(`recognizes ${file} with no options`, async () => {
      const { doc, data } = await read(file);
      assert.equal(data.schema, schema);
      assert.deepEqual(data.textFields, fields);
      assert.deepEqual(data.errors, []);
      assert.ok(data.rows.length >= 60);
      assertFieldRanges(doc, data, (literal) => JSON.parse(literal) as string);
      for (const row of data.rows) assert.equal(row.text, row.fields?.map((f) => f.text).join('\n'));
    });
  }

  it('an empty Alpaca input is an absent field, not an error', async () => {
    const { data } = await read('alpaca.synthetic.jsonl');
    assert.equal(data.errors.length, 0);
    const withInput = data.rows.filter((row) => row.fields?.some((f) => f.field === 'input'));
    assert.deepEqual(withInput.map((row) => row.line), [4, 12, 20, 28, 36, 44]);
    assert.ok(data.rows.every((row) => row.fields?.[0].field === 'instruction' && row.fields.at(-1)?.field === 'output'));
  });

  it('reports fields that are not text with their line, and reads the rest of the file', async () => {
    const { data } = await read('edge-cases.jsonl');
    assert.deepEqual(data.rows.map(shape), ['1:instruction+output', '7:instruction+input+output', '8:instruction+output', '9:instruction+output', '10:instruction+output', '12:instruction+output']);
    assert.deepEqual(data.errors.map((e) => [e.line, e.message.replace(/ at column \d+/, '')]), [
      [2, '"output" is a number, expected a string'],
      [3, '"instruction" is an object, expected a string'],
      [5, "invalid JSON: Expected ',' or '}' after property value"],
      [6, 'no text in "instruction", "input", "output"'],
      [11, '"output" is an array, expected a string'],
    ]);
  });

  it('chat: tool calls and unknown roles are left out, multi-turn conversations keep every turn in order', async () => {
    const { doc, data } = await read('edge-cases.chat.jsonl');
    assert.deepEqual(data.rows.map(shape), ['1:user0+assistant1', '2:user0+assistant3', '3:user0+assistant2', '10:system0+user1+assistant2+user3+assistant4']);
    assert.deepEqual(data.errors.map((e) => [e.line, e.message.replace(/ at column \d+/, '')]), [
      [5, "invalid JSON: Expected ',' or ']' after array element"],
      [6, 'no text in any system or user or assistant turn'],
      [7, 'no system or user or assistant turn'],
      [8, 'message 1: "content" is an array, expected a string'],
      [9, 'message 1: "content" is a number, expected a string'],
    ]);
    assertFieldRanges(doc, data, (literal) => JSON.parse(literal) as string);
  });

  it('a conversation with no assistant turn is read for the turns it has', async () => {
    const { data } = await read('openai-chat.real.jsonl');
    const line11 = data.rows.find((row) => row.line === 11);
    assert.deepEqual(line11?.fields?.map((f) => f.field), ['user']);
  });

  it('--role and --text-field take several names; one role reads a row per turn as before', async () => {
    const roles = await read('openai-chat.real.jsonl', { role: 'user,assistant' });
    assert.deepEqual(roles.data.textFields, ['user', 'assistant']);
    assert.ok(roles.data.rows.every((row) => row.fields?.every((f) => f.field !== 'system')));
    const one = await read('sharegpt.real.jsonl', { role: 'assistant' });
    assert.equal(one.data.textFields, undefined);
    assert.ok(one.data.rows.length > 60 && one.data.rows.every((row) => row.fields === undefined && row.turn !== undefined));
    const two = await read('alpaca.real.jsonl', { textField: 'instruction, output' });
    assert.deepEqual(two.data.textFields, ['instruction', 'output']);
    assert.equal(two.data.textField, 'instruction,output');
    const single = await read('alpaca.real.jsonl', { textField: 'output' });
    assert.equal(single.data.textFields, undefined);
    assert.ok(single.data.rows.every((row) => row.fields === undefined));
  });

  it('CSV: instruction columns are recognized, empty cells are absent, quoted line breaks stay in their field', async () => {
    const { doc, data } = await read('alpaca.csv');
    assert.equal(data.schema, 'Alpaca-style instruction data: instruction, input, output');
    assert.deepEqual(data.errors, []);
    assert.equal(data.rows.filter((row) => row.fields?.some((f) => f.field === 'input')).length, 4);
    assertFieldRanges(doc, data, (cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
    const missing = await readDataset('instruction,output\nhi,there\n', { format: 'csv', textField: 'instruction,answer' });
    assert.deepEqual(missing.errors.map((e) => e.message), ['no "answer" column in the header (columns: instruction, output)']);
  });
});
