import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { rangeText } from './support';

const chatLine = (messages: readonly [string, unknown][], extra = ''): string =>
  JSON.stringify({ messages: messages.map(([role, content]) => ({ role, content })) }).slice(0, -1) + extra + '}';

describe('readDataset, chat fine-tuning files', () => {
  it('read for one role, makes one row per turn of it, with its index and the range of its content literal', async () => {
    const doc = [
      chatLine([['system', 'be nice'], ['user', 'first "q"'], ['assistant', 'a1'], ['user', 'second 🙂'], ['assistant', 'a2']], ', "label": "billing"'),
      chatLine([['user', 'only one']]),
    ].join('\n');
    const result = await readDataset(doc, { role: 'user' });
    assert.equal(result.textField, 'messages.content');
    assert.equal(result.labelField, 'label');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows.map((row) => [row.line, row.turn, row.text, row.label]), [
      [1, 1, 'first "q"', 'billing'],
      [1, 3, 'second 🙂', 'billing'],
      [2, 0, 'only one', undefined],
    ]);
    assert.deepEqual(result.rows.map((row) => rangeText(doc, row)), [String.raw`"first \"q\""`, '"second 🙂"', '"only one"']);
  });

  it('reads the turns of another role when asked', async () => {
    const doc = chatLine([['user', 'q'], ['assistant', 'answer one'], ['user', 'q2'], ['assistant', 'answer two']]);
    const result = await readDataset(doc, { role: 'assistant' });
    assert.deepEqual(result.rows.map((row) => [row.turn, rangeText(doc, row)]), [[1, '"answer one"'], [3, '"answer two"']]);
  });

  it('finds content whatever the key order, nesting or duplicates in a message', async () => {
    const doc = '{"messages": [{"content": "c0", "role": "user", "meta": {"content": "no"}}, {"role": "user", "content": "dup", "content": "last"}]}';
    const result = await readDataset(doc, { role: 'user' });
    assert.deepEqual(result.rows.map((row) => [row.turn, row.text, rangeText(doc, row)]), [[0, 'c0', '"c0"'], [1, 'last', '"last"']]);
  });

  it('reports lines without a user turn and turns that cannot be read', async () => {
    const doc = [
      chatLine([['user', 'fine']]),
      chatLine([['system', 's'], ['assistant', 'a']]),
      chatLine([['user', 12], ['user', '  '], ['user', 'kept']]),
      '{"messages": "nope"}',
      '{"text": "not chat"}',
    ].join('\n');
    const result = await readDataset(doc, { textField: 'messages.content', role: 'user' });
    assert.deepEqual(result.rows.map((row) => [row.line, row.turn, row.text]), [[1, 0, 'fine'], [3, 2, 'kept']]);
    assert.deepEqual(result.errors, [
      { line: 2, message: 'no user turn' },
      { line: 3, message: 'message 1: "content" is a number, expected a string' },
      { line: 3, message: 'message 2: empty text' },
      { line: 4, message: '"messages" is a string, expected an array' },
      { line: 5, message: 'no "messages" field' },
    ]);
  });
});
