import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { chunked, rangeText, slowly, utf8 } from './support';

describe('readDataset, lines and bytes', () => {
  it('reads CRLF files with ranges that leave out the \\r, and skips blank lines silently', async () => {
    const doc = '{"text": "one"}\r\n\r\n   \r\n{"text": "two"}\r\n';
    for (const input of [doc, [utf8(doc)]]) {
      const result = await readDataset(input, {});
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.rows.map((row) => [row.line, rangeText(doc, row)]), [[1, '"one"'], [4, '"two"']]);
    }
  });

  it('drops a BOM at the start and keeps line 1 ranges as an editor shows the line', async () => {
    const doc = '\uFEFF{"text": "héllo"}\n{"text": "x"}';
    for (const input of [doc, [utf8(doc)], chunked(utf8(doc), [1, 2, 3, 4])]) {
      const result = await readDataset(input, {});
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.rows[0], { line: 1, text: 'héllo', textRange: { start: 9, end: 16 } });
    }
    const csv = await readDataset('\uFEFFtext,label\nhi,x\n', {});
    assert.equal(csv.textField, 'text');
  });

  it('reports bytes that are not UTF-8 on their line and decodes the others', async () => {
    const bytes = new Uint8Array([...utf8('{"text": "ok"}\n{"text": "'), 0xff, 0xfe, ...utf8('"}\n{"text": "é fine"}\n')]);
    for (const input of [[bytes], chunked(bytes, [3, 20, 21, 30])]) {
      const result = await readDataset(input, {});
      assert.deepEqual(result.rows.map((row) => row.text), ['ok', 'é fine']);
      assert.deepEqual(result.errors, [{ line: 2, message: 'line is not valid UTF-8' }]);
    }
  });

  it('skips lines over maxLineBytes, saying the size and the limit, in text and in bytes', async () => {
    const long = `{"text": "${'é'.repeat(40)}"}`; // 92 bytes
    const doc = `{"text": "short"}\r\n${long}\r\n{"text": "after"}`;
    const expected = [{ line: 2, message: 'line is 92 bytes, over the limit of 50 bytes (maxLineBytes)' }];
    for (const input of [doc, [utf8(doc)], chunked(utf8(doc), [10, 25, 30, 60, 100])]) {
      const result = await readDataset(input, { maxLineBytes: 50 });
      assert.deepEqual(result.rows.map((row) => row.text), ['short', 'after']);
      assert.deepEqual(result.errors, expected);
    }
  });

  it('reads sync and async iterables of chunks, and a last line without a line break', async () => {
    const doc = '{"text": "a"}\n{"text": "b"}';
    const chunks = chunked(utf8(doc), [5, 14, 15]);
    const fromAsync = await readDataset(slowly(chunks), {});
    const fromSync = await readDataset(chunks, {});
    assert.deepEqual(fromAsync, fromSync);
    assert.deepEqual(fromSync.rows.map((row) => row.text), ['a', 'b']);
  });

  it('gives the same result however the bytes are chunked, one byte at a time included', async () => {
    const textValue = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', ' ', '\u2028', '\t', ',') , maxLength: 12 });
    const line = fc.oneof(
      fc.record({ text: textValue, label: fc.constantFrom('x', 'y') }).map((value) => JSON.stringify(value)),
      fc.constantFrom('', '  ', '{bad json', '[1]', '{"text": 3}', '{"text": "🚀\\u00e9\\"q\\""}'),
    );
    const file = fc.record({
      lines: fc.array(line, { maxLength: 8 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalBreak: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 10 }), async ({ lines, crlf, bom, finalBreak }, rawCuts) => {
        const doc = (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n') + (finalBreak ? '\n' : '');
        const bytes = utf8(doc);
        const whole = await readDataset([bytes], {});
        const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        assert.deepEqual(await readDataset(chunked(bytes, cuts), {}), whole);
        assert.deepEqual(await readDataset(chunked(bytes, Array.from({ length: bytes.length }, (_, i) => i + 1)), {}), whole);
        assert.deepEqual(await readDataset(doc, {}), whole);
        for (const row of whole.rows) assert.equal(JSON.parse(rangeText(doc, row)), row.text);
      }),
      { numRuns: 300 },
    );
    const doc = '\uFEFF{"text": "é😀\\"x"}\r\n\r\n{"text": 1}\r\n{"text": "y"}';
    const bytes = utf8(doc);
    const oneByOne = chunked(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1));
    assert.deepEqual(await readDataset(oneByOne, {}), await readDataset([bytes], {}));
  });

  it('treats a Uint8Array passed whole as a single chunk', async () => {
    const input = utf8('{"text": "whole"}') as unknown as Iterable<Uint8Array>;
    assert.deepEqual((await readDataset(input, {})).rows.map((row) => row.text), ['whole']);
  });

  it('rejects with CancelledError when the token is cancelled', async () => {
    await assert.rejects(readDataset('{"text": "a"}\n', { token: { isCancellationRequested: true } }), { name: 'CancelledError' });
  });
});
