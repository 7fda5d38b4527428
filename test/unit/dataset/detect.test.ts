import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatFromFileName, sniffFormat } from '../../../src/core/dataset/detectFormat';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { REPO_DATA } from '../../support/repoData';

const firstLines = (path: string, count: number): string => readFileSync(path, 'utf8').split('\n').slice(0, count).join('\n');

describe('format detection', () => {
  it('maps extensions to formats, case-insensitively, in paths and URIs', () => {
    assert.equal(formatFromFileName('a/b/train.jsonl'), 'jsonl');
    assert.equal(formatFromFileName('file:///c%3A/x.NDJSON'), 'jsonl');
    assert.equal(formatFromFileName('x.json'), 'jsonl');
    assert.equal(formatFromFileName('C:\\data\\x.Csv'), 'csv');
    assert.equal(formatFromFileName('x.tab'), 'tsv');
    assert.equal(formatFromFileName('x.tsv'), 'tsv');
    assert.equal(formatFromFileName('x.txt'), undefined);
    assert.equal(formatFromFileName('dir.csv/README'), undefined);
    assert.equal(formatFromFileName(undefined), undefined);
  });

  it('sniffs the first content line', () => {
    assert.equal(sniffFormat('  {"text": "a"}'), 'jsonl');
    assert.equal(sniffFormat('text\tlabel'), 'tsv');
    assert.equal(sniffFormat('text,label'), 'csv');
  });

  it('prefers the format option, then the extension, then the content', async () => {
    assert.equal((await readDataset('\n\n{"text": "a"}', {})).format, 'jsonl');
    assert.equal((await readDataset('{"text": "a"}', { fileName: 'x.csv' })).format, 'csv');
    assert.equal((await readDataset('text\n{"a"}', { fileName: 'x.csv', format: 'tsv' })).format, 'tsv');
    const empty = await readDataset('', { fileName: 'x.tsv' });
    assert.deepEqual(empty, { format: 'tsv', textField: 'text', rows: [], errors: [] });
  });
});

describe('field detection', () => {
  it('tries the usual text and label names in order, case-insensitively', async () => {
    const doc = '{"Prompt": "p", "Utterance": "u", "Intent": "i", "category": "c"}\n';
    const result = await readDataset(doc, {});
    assert.equal(result.textField, 'Utterance');
    assert.equal(result.labelField, 'Intent');
    assert.deepEqual(result.rows.map((row) => [row.text, row.label]), [['u', 'i']]);
    const csv = await readDataset('Category,Query\nc,q\n', {});
    assert.deepEqual([csv.textField, csv.labelField, csv.rows[0].text], ['Query', 'Category', 'q']);
  });

  it('skips a candidate that never holds a string', async () => {
    const result = await readDataset('{"text": {"en": "x"}, "question": "q", "label": 1}\n', {});
    assert.equal(result.textField, 'question');
    assert.equal(result.rows[0].label, '1');
  });

  it('falls back to the string field with the longest average length, nested ones included', async () => {
    const doc = '{"id": "r1", "body": {"en": "a fairly long body text"}, "kind": "x"}\n{"id": "r2", "body": {"en": "another long one"}}\n';
    const result = await readDataset(doc, {});
    assert.equal(result.textField, 'body.en');
    assert.equal(result.labelField, undefined);
    assert.deepEqual(result.rows.map((row) => row.text), ['a fairly long body text', 'another long one']);
    const csv = await readDataset('id,body,label\n1,a much longer cell,x\n2,more text here,y\n', {});
    assert.deepEqual([csv.textField, csv.labelField, csv.rows.length], ['body', 'label', 2]);
  });

  it('detects chat files from their messages arrays', async () => {
    const result = await readDataset('{"messages": [{"role": "user", "content": "hi"}]}\n', {});
    assert.equal(result.textField, 'messages.content');
    assert.deepEqual(result.rows.map((row) => [row.text, row.turn]), [['hi', 0]]);
  });

  it('finds text/category in Banking77 and text/label in CLINC150', async () => {
    const banking = await readDataset(firstLines(`${REPO_DATA}/banking77/real_train.csv`, 300), { fileName: 'real_train.csv' });
    assert.deepEqual([banking.format, banking.textField, banking.labelField], ['csv', 'text', 'category']);
    assert.deepEqual(banking.errors, []);
    assert.equal(banking.rows.length, 299);
    assert.equal(banking.rows[0].text, 'I am still waiting on my card?');
    assert.equal(banking.rows[0].label, 'card_arrival');
    const clinc = await readDataset(firstLines(`${REPO_DATA}/clinc150/real_test.jsonl`, 300), {});
    assert.deepEqual([clinc.format, clinc.textField, clinc.labelField], ['jsonl', 'text', 'label']);
    assert.deepEqual(clinc.errors, []);
    assert.equal(clinc.rows.length, 300);
    assert.equal(clinc.rows[0].label, 'translate');
  });
});
