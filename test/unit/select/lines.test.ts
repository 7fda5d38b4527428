import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDataset } from '../../../src/core/dataset/readDataset';
import type { ReadOptions } from '../../../src/core/dataset/types';
import { droppedLines, keptBytes, lineStarts } from '../../../src/core/select/lines';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Reads `content` as a file would be read, keeps the rows for which `keep` says so, and returns the output text. */
async function select(content: string | Uint8Array, fileName: string, keep: (rowText: string) => boolean, options: ReadOptions = {}): Promise<string> {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  const data = await readDataset([bytes], { ...options, fileName });
  const flags = Uint8Array.from(data.rows, (row) => (keep(row.text) ? 1 : 0));
  const starts = lineStarts(bytes);
  return text(keptBytes(bytes, starts, droppedLines(data, flags, starts, bytes)));
}

test('line starts count lines ending in \\n, with or without a final line break', () => {
  assert.deepEqual([...lineStarts(utf8('a\nbc\n'))], [0, 2, 5]);
  assert.deepEqual([...lineStarts(utf8('a\r\nbc'))], [0, 3, 5]);
  assert.deepEqual([...lineStarts(new Uint8Array(0))], [0]);
});

test('JSONL: dropped lines go, every other byte stays (CRLF, bad lines, blank lines, no final newline)', async () => {
  const input = '{"text":"keep one"}\r\n{"text":"drop me"}\r\n{"text": 42}\r\n\r\n{"text":"keep two"}\n{"text":"drop too"}';
  const output = await select(input, 'a.jsonl', (t) => t.startsWith('keep'));
  assert.equal(output, '{"text":"keep one"}\r\n{"text": 42}\r\n\r\n{"text":"keep two"}\n');
});

test('JSONL chat lines read for one role go only when every turn read from them goes', async () => {
  const line = (a: string, b: string) => JSON.stringify({ messages: [{ role: 'user', content: a }, { role: 'assistant', content: 'ok' }, { role: 'user', content: b }] });
  const input = `${line('drop', 'drop')}\n${line('drop', 'keep')}\n`;
  assert.equal(await select(input, 'chat.jsonl', (t) => t === 'keep', { role: 'user' }), `${line('drop', 'keep')}\n`);
  // Read for every role, a conversation is one row: it goes or stays whole.
  assert.equal(await select(input, 'chat.jsonl', (t) => t.endsWith('keep')), `${line('drop', 'keep')}\n`);
});

test('CSV: a record goes whole, quoted line breaks included; the header and trailing blank lines stay', async () => {
  const input = 'text,label\n"first\nrecord",a\nsecond,b\n"third, ""quoted""\n\nstill third",c\n\nfourth,d\n';
  const output = await select(input, 'a.csv', (t) => !t.startsWith('first') && !t.startsWith('third'));
  assert.equal(output, 'text,label\nsecond,b\n\nfourth,d\n');
});

test('a byte-order mark survives when the first line goes', async () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"text":"drop"}\n{"text":"keep"}\n')]);
  const data = await readDataset([bytes], { fileName: 'a.jsonl' });
  const starts = lineStarts(bytes);
  const out = keptBytes(bytes, starts, droppedLines(data, Uint8Array.of(0, 1), starts, bytes));
  assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(text(out.subarray(3)), '{"text":"keep"}\n');
});

test('keeping everything gives the input back, byte for byte', async () => {
  const input = '{"text":"é ünïcode 🚀"}\n\n{"text":"x"}';
  assert.equal(await select(input, 'a.jsonl', () => true), input);
});
