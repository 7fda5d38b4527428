import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { chunked, rangeText, utf8 } from './support';

const summary = (doc: string, result: Awaited<ReturnType<typeof readDataset>>) =>
  result.rows.map((row) => [row.line, row.text, rangeText(doc, row), row.label]);

describe('readDataset, CSV and TSV', () => {
  it('gives each cell its range, quotes included, across lines of a multi-line quoted cell', async () => {
    const doc = 'id,text,label\n1,plain text,a\n2,"quoted, with ""quotes""",b\r\n3,"two\r\nlines ""x""\nthree",c\n4,  "spaced"  ,d\n';
    const result = await readDataset(doc, { fileName: 'data.csv' });
    assert.equal(result.format, 'csv');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(summary(doc, result), [
      [2, 'plain text', 'plain text', 'a'],
      [3, 'quoted, with "quotes"', '"quoted, with ""quotes"""', 'b'],
      [4, 'two\r\nlines "x"\nthree', '"two\r\nlines ""x""\nthree"', 'c'],
      [7, '  "spaced"  ', '  "spaced"  ', 'd'],
    ]);
  });

  it('accepts spaces between a closing quote and the delimiter, as papaparse does', async () => {
    const doc = 'text,label\n"hi"  ,x\n"there" \n';
    const result = await readDataset(doc, {});
    assert.deepEqual(result.errors, []);
    assert.deepEqual(summary(doc, result), [[2, 'hi', '"hi"', 'x'], [3, 'there', '"there"', undefined]]);
  });

  it('reads TSV, by extension or by a tab in the header', async () => {
    const doc = 'label\tsentence\nx\tfirst, with a comma\ny\t"quoted\ttab"\n';
    for (const options of [{ fileName: 'a.tsv' }, {}]) {
      const result = await readDataset(doc, options);
      assert.equal(result.format, 'tsv');
      assert.equal(result.textField, 'sentence');
      assert.deepEqual(summary(doc, result), [[2, 'first, with a comma', 'first, with a comma', 'x'], [3, 'quoted\ttab', '"quoted\ttab"', 'y']]);
    }
  });

  it('guesses other delimiters with papaparse', async () => {
    const result = await readDataset('text;label\nbonjour, ça va;greet\n', { format: 'csv' });
    assert.deepEqual(result.rows.map((row) => [row.text, row.label]), [['bonjour, ça va', 'greet']]);
  });

  it('reads the rows after an unterminated quote, which is reported on its first line', async () => {
    const doc = 'text,label\ngood one,a\n"never closed,b\nstill read,c\n"multi\nline",d\nlast,e\n';
    const result = await readDataset(doc, {});
    assert.deepEqual(result.errors, [{ line: 3, message: 'unterminated quote: the quoted cell that starts on this line is not closed before line 5' }]);
    assert.deepEqual(result.rows.map((row) => [row.line, row.text]), [[2, 'good one'], [4, 'still read'], [5, 'multi\nline'], [7, 'last']]);
    // With no quote after it, the cell runs to the end of the file; every later row is still read.
    const rest = Array.from({ length: 50 }, (_, i) => `row ${i},x`).join('\r\n');
    const open = await readDataset(`text,label\r\n"never closed,b\r\n${rest}\r\n`, {});
    assert.deepEqual(open.errors, [{ line: 2, message: 'unterminated quote: the quoted cell that starts on this line is never closed' }]);
    assert.equal(open.rows.length, 50);
    assert.deepEqual([open.rows[0].line, open.rows[0].text, open.rows[49].text], [3, 'row 0', 'row 49']);
  });

  it('gives up on a quoted cell longer than maxLineBytes and reads on from the next line', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `row ${i},a`);
    const doc = `text,label\n"open\n${rows.join('\n')}\n"multi\nline",b\n`;
    const result = await readDataset(doc, { maxLineBytes: 30 });
    assert.deepEqual(result.errors, [{ line: 2, message: 'unterminated quote: the quoted cell that starts on this line is not closed within 30 characters' }]);
    assert.deepEqual(result.rows.map((row) => row.line), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.equal(result.rows[10].text, 'multi\nline');
  });

  it('ends a quoted cell at a line that cannot be read, and reports both', async () => {
    const bytes = new Uint8Array([...utf8('text,label\n"open\nmore,a\n'), 0xc3, 0x28, ...utf8('\nafter,b\n"multi\nline",c\n')]);
    const result = await readDataset([bytes], { format: 'csv' });
    assert.deepEqual(result.errors, [
      { line: 2, message: 'unterminated quote: the quoted cell that starts on this line is never closed' },
      { line: 4, message: 'line is not valid UTF-8' },
    ]);
    assert.deepEqual(result.rows.map((row) => [row.line, row.text]), [[3, 'more'], [5, 'after'], [6, 'multi\nline']]);
  });

  it('reports malformed quotes on the record and restarts at the next line', async () => {
    const doc = 'text,label\n"she said "hi" to me",a\n"opens\nthen "bad" ,b\nok,c\n';
    const result = await readDataset(doc, {});
    assert.deepEqual(result.errors.map((error) => error.line), [2, 3]);
    assert.match(result.errors[0].message, /^malformed quotes: a closing quote must be followed by "," or the end of the line$/);
    assert.deepEqual(result.rows.map((row) => [row.line, row.text]), [[4, 'then "bad" '], [5, 'ok']]);
  });

  it('checks cell counts only where they make the text cell unknown', async () => {
    const doc = 'label,text,source\na,short row\nb\nc,trailing,src,,\nd,one, two,src\ne,"",src\n';
    const result = await readDataset(doc, {});
    assert.deepEqual(result.rows.map((row) => [row.line, row.text, row.label]), [[2, 'short row', 'a'], [4, 'trailing', 'c']]);
    assert.deepEqual(result.errors, [
      { line: 3, message: 'found 1 cells where the header has 3' },
      { line: 5, message: 'found 4 cells where the header has 3; is there an unquoted "," in a cell?' },
      { line: 6, message: 'empty text' },
    ]);
  });

  it('disambiguates duplicate header names and never prints anything', async () => {
    const printed: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info, write: process.stdout.write };
    console.log = console.warn = console.error = console.info = (...args: unknown[]) => void printed.push(args.join(' '));
    process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const result = await readDataset('text,text,label,label\nfirst,second,a,b\n', { fileName: 'x.csv' });
      assert.deepEqual(result.rows.map((row) => [row.text, row.label, row.textRange]), [['first', 'a', { start: 0, end: 5 }]]);
      const second = await readDataset('text,text\nfirst,second\n', { textField: 'text_1' });
      assert.deepEqual(second.rows.map((row) => row.text), ['second']);
    } finally {
      Object.assign(console, { log: originals.log, warn: originals.warn, error: originals.error, info: originals.info });
      process.stdout.write = originals.write;
    }
    assert.deepEqual(printed, []);
  });

  it('reports a missing text or label column once, on the header', async () => {
    const result = await readDataset('a,b\n1,2\n3,4\n', { textField: 'utterance', format: 'csv' });
    assert.deepEqual(result.rows, []);
    assert.deepEqual(result.errors, [{ line: 1, message: 'no "utterance" column in the header (columns: a, b)' }]);
    const labels = await readDataset('Text,b\nhello,2\n', { textField: 'text', labelField: 'intent' });
    assert.deepEqual(labels.rows.map((row) => [row.text, row.label]), [['hello', undefined]]);
    assert.deepEqual(labels.errors, [{ line: 1, message: 'no "intent" column in the header; labels are left out' }]);
  });

  it('gives the same rows however the bytes are chunked', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', ',', '\n', '\r\n', ' '), maxLength: 8 })
      .map((value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value));
    const row = fc.tuple(cell, fc.constantFrom('x', 'y', '"z"', '"open')).map(([text, label]) => `${text},${label}`);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (rows, crlf, rawCuts) => {
        const doc = ['text,label', ...rows].join(crlf ? '\r\n' : '\n');
        const bytes = utf8(doc);
        const whole = await readDataset(doc, {});
        const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        assert.deepEqual(await readDataset(chunked(bytes, cuts), {}), whole);
        for (const parsed of whole.rows) {
          const literal = rangeText(doc, parsed);
          const unquoted = literal.startsWith('"') ? literal.slice(1, -1).replaceAll('""', '"') : literal;
          assert.equal(unquoted, parsed.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says once, as a warning on the header line, that a column name repeats and how the repeats are read', async () => {
    const result = await readDataset('text,label,text,label,text\nhello,a,second,b,third\n', { format: 'csv' });
    assert.deepEqual(result.errors, [
      { line: 1, message: 'column "text" appears 3 times in the header (columns 1, 3, 5); the first is read as "text", the others as "text_1", "text_2"', warning: true },
      { line: 1, message: 'column "label" appears twice in the header (columns 2, 4); the first is read as "label", the other as "label_1"', warning: true },
    ]);
    assert.deepEqual(result.rows.map((row) => [row.text, row.label]), [['hello', 'a']]);
    assert.deepEqual((await readDataset('text,label\nhello,a\n', { format: 'csv' })).errors, []);
  });
});
