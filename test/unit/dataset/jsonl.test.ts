import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { rangeText } from './support';

describe('readDataset, JSONL', () => {
  it('gives each row its text, label and the exact range of the string literal', async () => {
    const doc = '{"id": 1, "text": "hello there", "label": "greet"}\n{"label":"bye","text":"see you"}\n';
    const result = await readDataset(doc, {});
    assert.equal(result.format, 'jsonl');
    assert.equal(result.textField, 'text');
    assert.equal(result.labelField, 'label');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows, [
      { line: 1, text: 'hello there', textRange: { start: 18, end: 31 }, label: 'greet' },
      { line: 2, text: 'see you', textRange: { start: 22, end: 31 }, label: 'bye' },
    ]);
    assert.deepEqual(result.rows.map((row) => rangeText(doc, row)), ['"hello there"', '"see you"']);
  });

  it('covers the literal as written, escapes included', async () => {
    const doc = [
      String.raw`{"text": "she said \"hi\" \\ then left", "label": "a"}`,
      String.raw`{"text": "caf\u00e9 \\\"", "label": "b"}`,
      '{"text": "rocket 🚀 and 𝔘 ok", "meta": "é😀"}',
      String.raw`{"t\u0065xt": "escaped key", "label": "c"}`,
    ].join('\n');
    const result = await readDataset(doc, {});
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows.map((row) => row.text), ['she said "hi" \\ then left', 'café \\"', 'rocket 🚀 and 𝔘 ok', 'escaped key']);
    assert.deepEqual(result.rows.map((row) => rangeText(doc, row)), [
      String.raw`"she said \"hi\" \\ then left"`,
      String.raw`"caf\u00e9 \\\""`,
      '"rocket 🚀 and 𝔘 ok"',
      '"escaped key"',
    ]);
  });

  it('reads nested dotted paths, and takes the last of duplicate keys as JSON.parse does', async () => {
    const doc = [
      '{"input": {"question": "why?", "context": {"question": "no"}}, "label": 1}',
      '{"input": {"question": "first"}, "input": {"x": "y", "question": "second"}}',
      '{"input": {"context": "no question"}}',
    ].join('\n');
    const result = await readDataset(doc, { textField: 'input.question' });
    assert.equal(result.textField, 'input.question');
    assert.deepEqual(result.rows.map((row) => [row.text, rangeText(doc, row), row.label]), [
      ['why?', '"why?"', '1'],
      ['second', '"second"', undefined],
    ]);
    assert.deepEqual(result.errors, [{ line: 3, message: 'no "input.question" field' }]);
  });

  it('stringifies number labels, skips empty ones, and leaves labels out when told', async () => {
    const doc = '{"text": "a", "label": 7}\n{"text": "b", "label": ""}\n{"text": "c", "label": null}\n';
    assert.deepEqual((await readDataset(doc, {})).rows.map((row) => row.label), ['7', undefined, undefined]);
    const without = await readDataset(doc, { labelField: false });
    assert.equal(without.labelField, undefined);
    assert.ok(without.rows.every((row) => !('label' in row)));
  });

  it('reports each bad line with its number and reads the rest', async () => {
    const doc = [
      '{"text": "good one"}',
      '{"text": "broken"',
      '[1, 2]',
      '"just a string"',
      '{"label": "x"}',
      '{"text": 42}',
      '{"text": null}',
      '{"text": "   "}',
      '{"text": ""}',
      '{"text": "good two"}',
    ].join('\n');
    const result = await readDataset(doc, {});
    assert.deepEqual(result.rows.map((row) => [row.line, row.text]), [[1, 'good one'], [10, 'good two']]);
    const errors = result.errors.map((error) => `${error.line}: ${error.message}`);
    assert.match(errors[0], /^2: invalid JSON: .+/);
    assert.deepEqual(errors.slice(1), [
      '3: expected a JSON object, found an array',
      '4: expected a JSON object, found a string',
      '5: no "text" field',
      '6: "text" is a number, expected a string',
      '7: "text" is null, expected a string',
      '8: empty text',
      '9: empty text',
    ]);
  });

  it('keeps JSON.parse messages short and in columns', async () => {
    const { errors } = await readDataset(`{"text": "x"}\n{"text": "${'y'.repeat(500)}" oops}\n`, {});
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^invalid JSON: /);
    assert.ok(errors[0].message.length <= 140, errors[0].message);
    assert.doesNotMatch(errors[0].message, /position/);
  });

  it('reads __proto__ and constructor keys as plain data and pollutes nothing', async () => {
    const doc = [
      '{"__proto__": {"polluted": "yes"}, "text": "a", "label": "x"}',
      '{"text": "b", "constructor": {"prototype": {"polluted": "yes"}}}',
    ].join('\n');
    const result = await readDataset(doc, {});
    assert.deepEqual(result.rows.map((row) => row.text), ['a', 'b']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const proto = await readDataset('{"__proto__": "inside", "text": "t"}\n{"text": "u"}\n', { textField: '__proto__' });
    assert.deepEqual(proto.rows.map((row) => row.text), ['inside']);
    assert.deepEqual(proto.errors, [{ line: 2, message: 'no "__proto__" field' }]);
    const ctor = await readDataset('{"text": "t"}\n', { textField: 'constructor' });
    assert.deepEqual(ctor.errors, [{ line: 1, message: 'no "constructor" field' }]);
  });

  it('reads a literal key that contains dots when the records have one', async () => {
    const doc = '{"input.question": "flat", "input": {"question": "nested"}}\n';
    const result = await readDataset(doc, { textField: 'input.question' });
    assert.deepEqual(result.rows.map((row) => [row.text, rangeText(doc, row)]), [['flat', '"flat"']]);
  });

  it('says once, as a warning on the first line, that a label which is an object or a list was left out', async () => {
    const doc = ['{"text": "a", "label": "ok"}', '{"text": "b", "label": {"name": "x"}}', '{"text": "c", "label": ["y"]}', '{"text": "d", "label": {"name": "z"}}'].join('\n');
    const result = await readDataset(doc, {});
    assert.deepEqual(result.errors, [{ line: 2, message: 'the label "label" is an object or a list here (and on 2 more lines), not text; those rows are read without a label', warning: true }]);
    assert.deepEqual(result.rows.map((row) => row.label), ['ok', undefined, undefined, undefined]);
    assert.equal(result.rows.length, 4, 'the rows are still read');
    // Only objects under a label name: the field is still found, so the reader can say why no label was read.
    const objects = await readDataset('{"text": "a", "intent": {"name": "x"}}\n{"text": "b", "intent": {"name": "y"}}\n', {});
    assert.equal(objects.errors.length, 1);
    assert.match(objects.errors[0].message, /^the label "intent" is an object or a list here \(and on 1 more line\)/);
    const named = await readDataset('{"text": "a", "meta": {"k": 1}}\n', { labelField: 'meta' });
    assert.equal(named.errors[0]?.warning, true);
    assert.deepEqual((await readDataset('{"text": "a", "label": "x"}\n', {})).errors, []);
  });
});
