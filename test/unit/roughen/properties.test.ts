// Property: whatever the row, roughening it and writing it back leaves a file that parses to the same rows,
// with the same labels and every other byte as it was. JSONL and CSV/TSV, texts with quotes, commas, line
// breaks, tabs, unicode and emoji, extra fields of any JSON type.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isBlank } from '../../../src/core/dataset/blank';
import { encodeTextValue } from '../../../src/core/dataset/edit';
import { applyTextEdits } from '../../../src/core/dataset/editRows';
import { readDataset } from '../../../src/core/dataset/readDataset';
import type { DatasetFormat } from '../../../src/core/dataset/types';
import { roughenText } from '../../../src/core/roughen/roughen';
import { DONOR, type NoiseProfile } from '../../../src/core/roughen/types';
import { donor, profile } from './support';
import { withoutTexts } from '../../support/datasetText';

const PIECES = [
  'Could you please', 'tell me', 'I am', 'do not', 'want to', 'account', 'balance', 'transfer', 'Certainly!', 'Thank you.',
  '"quoted"', 'a, b', 'line\nbreak', 'two\r\nlines', '\t', '😀', 'café', '$1,250.50', 'Jacob', '?', '!!', 'x;y', "don't",
  'U.S.', 'https://x.io/A', '""', '\\', '\u2028', 'İstanbul', ' ', '...', ':)',
];

const text = fc
  .oneof(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(' ')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  )
  .filter((value) => !isBlank(value));

const label = fc.oneof(fc.constantFrom('card_arrival', 'transfer', 'greeting'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).filter((v) => v.trim() !== ''));

/** The noisiest profile: every style bit, typos, slang and dropped apostrophes, on common words. */
const NOISY: NoiseProfile = profile({
  contractionShare: 1,
  bareContractionShare: 1,
  slang: [{ formal: 'please', rate: 1, slang: [{ word: 'pls', count: 1 }] }, { formal: 'want to', rate: 1, slang: [{ word: 'wanna', count: 1 }] }],
  commonWords: ['could', 'tell', 'account', 'balance', 'transfer', 'quoted', 'line', 'break', 'lines', 'thank'],
  typoKinds: { neighbour: 1, drop: 1, double: 1, swap: 1 },
  donors: [
    donor(DONOR.LOWER_START | DONOR.ALL_LOWER | DONOR.NO_TERMINAL | DONOR.NO_COMMA | DONOR.NO_PUNCTUATION | DONOR.CONTRACTION, { typos: 3, words: 1 }),
    donor(DONOR.REPEATED | DONOR.LOWER_START | DONOR.NO_COMMA, { typos: 2, words: 1 }),
  ],
});

async function roughenDocument(document: string, format: DatasetFormat, delimiter?: string) {
  const options = { format, textField: 'text', labelField: 'label' };
  const before = await readDataset(document, options);
  const edits = before.rows.map((row, i) => ({ row, text: roughenText(row.text, NOISY, { seed: i, strength: 2, ...(row.label ? { label: row.label } : {}) }).text }));
  const output = applyTextEdits(document, edits, format, delimiter);
  const after = await readDataset(output, options);
  return { before, after, output, edits };
}

function assertSameRows(run: Awaited<ReturnType<typeof roughenDocument>>, document: string, expectedRows: number): void {
  const { before, after, output, edits } = run;
  assert.equal(before.errors.length, 0, JSON.stringify(before.errors));
  assert.equal(before.rows.length, expectedRows);
  assert.deepEqual(after.errors, []);
  assert.equal(after.rows.length, before.rows.length);
  assert.deepEqual(after.rows.map((row) => [row.line, row.label]), before.rows.map((row) => [row.line, row.label]));
  assert.deepEqual(after.rows.map((row) => row.text), edits.map((edit) => edit.text));
  assert.equal(withoutTexts(output, after), withoutTexts(document, before), 'every other byte is unchanged');
}

describe('roughen + write back', () => {
  test('JSONL: any rows parse back to the same rows, labels and other fields', async () => {
    const extra = fc.dictionary(fc.string({ maxLength: 6 }).filter((key) => key !== 'text' && key !== 'label'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    const row = fc.record({ text, label, extra, spaced: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const lines = rows.map((r) => {
          const entries = Object.entries({ ...r.extra, text: r.text, label: r.label });
          return `{${entries.map(([key, value]) => `${JSON.stringify(key)}${r.spaced ? ': ' : ':'}${JSON.stringify(value)}`).join(r.spaced ? ', ' : ',')}}`;
        });
        const document = lines.join(eol) + eol;
        const run = await roughenDocument(document, 'jsonl');
        assertSameRows(run, document, rows.length);
        const parsed = run.output.split(eol).filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
        // Compare with the fields as the file holds them: JSON has no -0, so the generator's -0 is written as 0.
        const written = (extra: object) => JSON.parse(JSON.stringify(extra)) as Record<string, unknown>;
        parsed.forEach((value, i) => assert.deepEqual({ ...value, text: undefined }, { ...written(rows[i].extra), text: undefined, label: rows[i].label }));
      }),
      { numRuns: 150 },
    );
  });

  test('CSV and TSV: any rows, quoted or not, multi-line cells included, keep their count, labels and other cells', async () => {
    const row = fc.record({ text, label, note: fc.oneof(fc.constant(''), text), quoteAll: fc.boolean() });
    const dialect = fc.constantFrom({ format: 'csv' as const, delimiter: ',' }, { format: 'csv' as const, delimiter: ';' }, { format: 'tsv' as const, delimiter: '\t' });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), dialect, fc.constantFrom('\n', '\r\n'), async (rows, { format, delimiter }, eol) => {
        const cell = (value: string, quoteAll: boolean) => (quoteAll ? `"${value.replaceAll('"', '""')}"` : encodeTextValue(value, format, '', delimiter));
        const header = ['id', 'text', 'label', 'note'].join(delimiter);
        const lines = rows.map((r, i) => [String(i), cell(r.text, r.quoteAll), cell(r.label, false), cell(r.note, r.quoteAll)].join(delimiter));
        const document = [header, ...lines].join(eol) + eol;
        const run = await roughenDocument(document, format, delimiter);
        assertSameRows(run, document, rows.length);
      }),
      { numRuns: 150 },
    );
  });
});
