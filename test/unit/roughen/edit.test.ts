import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeTextValue, replaceTextInLine } from '../../../src/core/dataset/edit';
import { applyTextEdits } from '../../../src/core/dataset/editRows';
import { readDataset } from '../../../src/core/dataset/readDataset';

describe('replaceTextInLine', () => {
  test('JSONL: replaces exactly the text literal, other bytes unchanged, and the literal round-trips', async () => {
    const line = '{"id": 7, "text": "Where is my card?", "label": "card_arrival", "meta": {"text": "x"}}';
    const [row] = (await readDataset(line, { format: 'jsonl', textField: 'text' })).rows;
    const out = replaceTextInLine(line, row, 'where is my "card"\n\u2028 \ud83d\ude00', 'jsonl');
    assert.equal(out, '{"id": 7, "text": "where is my \\"card\\"\\n\u2028 \ud83d\ude00", "label": "card_arrival", "meta": {"text": "x"}}');
    assert.equal((JSON.parse(out) as { text: string }).text, 'where is my "card"\n\u2028 \ud83d\ude00');
  });

  test('JSONL: keeps a file\'s ASCII-only escaping', () => {
    assert.equal(encodeTextValue('caf\u00e9 \ud83d\ude00', 'jsonl', '"caf\\u00e9!"'), '"caf\\u00e9 \\ud83d\\ude00"');
    assert.equal(encodeTextValue('caf\u00e9', 'jsonl', '"cafe!"'), '"caf\u00e9"');
  });

  test('CSV and TSV: quotes when the text needs it or the cell was quoted, doubling quotes (RFC 4180)', () => {
    assert.equal(encodeTextValue('plain words', 'csv', 'Plain words.'), 'plain words');
    assert.equal(encodeTextValue('plain words', 'csv', '"Plain words."'), '"plain words"');
    assert.equal(encodeTextValue('a, b', 'csv', 'x'), '"a, b"');
    assert.equal(encodeTextValue('say "hi"', 'csv', 'x'), '"say ""hi"""');
    assert.equal(encodeTextValue('two\nlines', 'csv', 'x'), '"two\nlines"');
    assert.equal(encodeTextValue('a;b', 'csv', 'x', ';'), '"a;b"');
    assert.equal(encodeTextValue('a, b', 'tsv', 'x'), 'a, b');
    assert.equal(encodeTextValue('a\tb', 'tsv', 'x'), '"a\tb"');
  });

  test('CSV: a multi-line quoted cell is replaced across its lines', async () => {
    const doc = 'id,text,label\n1,"Two\nlines, here.",b\n2,next,c\n';
    const { rows } = await readDataset(doc, { format: 'csv' });
    const record = doc.slice(doc.indexOf('1,'));
    const out = replaceTextInLine(record, rows[0], 'two\nlines here', 'csv');
    assert.equal(out, '1,"two\nlines here",b\n2,next,c\n');
  });

  test('refuses a range outside the line', async () => {
    const [row] = (await readDataset('{"text": "hello there"}', { format: 'jsonl' })).rows;
    assert.throws(() => replaceTextInLine('{"text": "hi"}', row, 'x', 'jsonl'), RangeError);
  });
});

describe('applyTextEdits', () => {
  test('edits several rows and a BOM file, leaving bad lines and line endings as they were', async () => {
    const doc = '\ufeff{"text": "First?", "label": "a"}\r\nnot json\r\n\r\n{"label": "b", "text": "Second!"}';
    const data = await readDataset(doc, { format: 'jsonl' });
    const out = applyTextEdits(doc, data.rows.map((row) => ({ row, text: row.text.toLowerCase().replace(/[?.!]$/, '') })), 'jsonl');
    assert.equal(out, '\ufeff{"text": "first", "label": "a"}\r\nnot json\r\n\r\n{"label": "b", "text": "second"}');
  });

  test('edits every user turn of a chat line read for the user role, and nothing else', async () => {
    const doc = '{"messages": [{"role": "user", "content": "Hi!"}, {"role": "assistant", "content": "Yo!"}, {"role": "user", "content": "Bye."}], "label": "b"}\n';
    const data = await readDataset(doc, { format: 'jsonl', role: 'user' });
    const out = applyTextEdits(doc, data.rows.map((row) => ({ row, text: row.text.toLowerCase().replace(/[?.!]$/, '') })), 'jsonl');
    assert.equal(out, '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Yo!"}, {"role": "user", "content": "bye"}], "label": "b"}\n');
  });

  test('refuses overlapping edits', async () => {
    const doc = '{"text": "First?"}\n';
    const [row] = (await readDataset(doc, { format: 'jsonl' })).rows;
    assert.throws(() => applyTextEdits(doc, [{ row, text: 'a' }, { row, text: 'b' }], 'jsonl'), RangeError);
  });
});
