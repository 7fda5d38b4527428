// Property: whatever rows a user's file holds, `synthgap roughen` (the built bin, on real files) writes a file
// that parses back with the same rows in the same order, the same labels and every other byte as it was (other
// fields, quoting, line ends), in JSONL and CSV; and the roughened texts keep every negation and every number.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readDataset } from '../../src/core/dataset/readDataset';
import { isNegation } from '../../src/core/roughen/guards';
import { synthgap, tempDir } from '../support/cli';
import { withoutTexts } from '../support/datasetText';

const PIECES = [
  'Could you please', 'I was wondering if you could', 'I look forward to your reply.', 'Certainly!', 'Thank you for your help.',
  'My transfer was declined.', 'What is going on?', 'I moved to Kaneville', 'in Maryland', 'residence permits', 'I do not',
  "don't", 'never', 'cannot', 'my account', 'balance', '$1,250.50', 'at 5pm', 'Jacob', 'ATM', '"quoted"', 'a, b', 'line\nbreak',
  'café', '😀', '?', '!!', 'U.S.', 'e.g.', ':)', 'Additionally,', 'however', 'purchase a', 'regarding',
];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(' '));
const record = fc.record({
  text,
  label: fc.constantFrom('transfer', 'card_arrival', 'greeting', 'a,b', 'say "hi"'),
  id: fc.integer({ min: 0, max: 1e6 }),
  note: fc.string({ maxLength: 8 }),
});
const records = fc.array(record, { minLength: 1, maxLength: 25 });

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Negations and numbers of a text, in order: roughening may recase or contract them, never lose one. */
function kept(value: string): { negations: number; numbers: string[] } {
  const words = (value.toLowerCase().match(/[\p{L}\p{N}'$.,:]+/gu) ?? []).map((word) => word.replace(/[.,:]+$/, ''));
  return { negations: words.filter((word) => isNegation(word)).length, numbers: words.filter((word) => /\d/.test(word)) };
}

/**
 * A crowd-style reference in which negations and the pieces' words are common vocabulary and every row has a
 * typo of its own (a letter put into `balance` or `transfer`, each misspelling once, so the profile counts them
 * all), so roughening has every chance to misspell `never` or `cannot` if a guard let it.
 */
function noisyReference(): string {
  const rows: string[] = [];
  for (let i = 0; i < 240; i++) {
    const word = i % 2 === 0 ? 'balance' : 'transfer';
    const at = 1 + (Math.floor(i / 26) % (word.length - 1));
    const typo = word.slice(0, at) + String.fromCharCode(97 + (i % 26)) + word.slice(at);
    rows.push(JSON.stringify({ text: `i ${i % 3 === 0 ? 'cannot' : 'never'} see my account ${typo} declined going now`, label: 'transfer' }));
  }
  return rows.join('\n') + '\n';
}

/** Rows the runs changed: the property means something only if roughening did change rows. */
let changed = 0;

async function roughenAndCompare(document: string, file: string): Promise<void> {
  const dir = tempDir('synthgap-roughen-prop-');
  const input = join(dir, file);
  const out = join(dir, `rough.${file}`);
  writeFileSync(input, document);
  const reference = join(dir, 'real.jsonl');
  writeFileSync(reference, noisyReference());
  const result = synthgap(['roughen', input, '--reference', reference, '--out', out, '--quiet']);
  assert.equal(result.code, 0, result.stderr);
  const written = readFileSync(out, 'utf8');
  const options = { fileName: file, textField: 'text', labelField: 'label' };
  const before = await readDataset(document, options);
  const after = await readDataset(written, options);
  assert.equal(after.rows.length, before.rows.length);
  assert.deepEqual(after.errors, before.errors);
  before.rows.forEach((was, i) => {
    const is = after.rows[i];
    assert.equal(is.line, was.line, 'same order');
    assert.equal(is.label, was.label, 'same label');
    assert.deepEqual(kept(is.text), kept(was.text), `${JSON.stringify(was.text)} → ${JSON.stringify(is.text)}`);
    if (is.text !== was.text) changed++;
  });
  assert.equal(withoutTexts(written, after), withoutTexts(document, before), 'every byte but the texts');
}

// Each run starts the CLI once: a dozen files of up to 25 rows each meets every piece many times over.
const RUNS = 12;

describe('synthgap roughen keeps every file readable (property)', () => {
  test('JSONL: same rows, labels, order and other fields', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rows) => roughenAndCompare(rows.map((row) => JSON.stringify(row)).join('\n') + '\n', 'rows.jsonl')),
      { numRuns: RUNS, seed: 11 },
    );
    assert.ok(changed > RUNS * 3, `${changed} rows changed`);
  });

  test('CSV: same rows, labels, order and other cells, quoted cells and line breaks included', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rows) => {
        const lines = rows.map((row) => [row.text, row.label, String(row.id), row.note].map(csvCell).join(','));
        await roughenAndCompare(['text,label,id,note', ...lines].join('\r\n') + '\r\n', 'rows.csv');
      }),
      { numRuns: RUNS, seed: 12 },
    );
    assert.ok(changed > RUNS * 6, `${changed} rows changed`);
  });
});
