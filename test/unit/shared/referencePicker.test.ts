// The palette's reference picker: what it lists, in which order, which file it starts on, and what the change
// confirmation says. The issue: from the palette the open synthetic file silently became the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileSummary } from '../../../src/shared/protocol';
import { isFlagged, referenceChangeConfirmation, referencePicks, sameReferences } from '../../../src/extension/referencePicker';

const summary = (uri: string, flagged: number, rows = 300): FileSummary => ({ uri, rows, flagged, underlined: flagged, auc: 0.9, aucLow: 0.85, aucHigh: 0.95, verdict: flagged > 0 ? 'gap' : 'no-gap' });
const candidates = [
  { uri: 'file:///w/synthetic.jsonl', shown: 'synthetic.jsonl' },
  { uri: 'file:///w/data/holdout.jsonl', shown: 'data/holdout.jsonl' },
  { uri: 'file:///w/real.jsonl', shown: 'real.jsonl' },
  { uri: 'file:///w/a.csv', shown: 'a.csv' },
];
const summaries = new Map([
  ['file:///w/synthetic.jsonl', summary('file:///w/synthetic.jsonl', 120)],
  ['file:///w/data/holdout.jsonl', summary('file:///w/data/holdout.jsonl', 0, 250)],
]);
const lookup = (uri: string) => summaries.get(uri);

test('with the flagged synthetic file open, the picker starts on the current reference and lists the synthetic file last', () => {
  const picks = referencePicks({ candidates, current: ['file:///w/real.jsonl'], active: 'file:///w/synthetic.jsonl', summary: lookup });
  assert.deepEqual(picks.items.map((item) => item.uri), ['file:///w/real.jsonl', 'file:///w/a.csv', 'file:///w/data/holdout.jsonl', 'file:///w/synthetic.jsonl']);
  assert.equal(picks.preselected, 'file:///w/real.jsonl');
  const synthetic = picks.items.at(-1)!;
  assert.equal(synthetic.flagged, true);
  assert.equal(synthetic.detail, '120 of 300 rows flagged as synthetic · open in the editor');
  assert.equal(picks.items[0].detail, 'Current reference');
});

test('an open file that is not flagged is preselected and listed right after the reference', () => {
  const picks = referencePicks({ candidates, current: ['file:///w/real.jsonl'], active: 'file:///w/data/holdout.jsonl', summary: lookup });
  assert.equal(picks.preselected, 'file:///w/data/holdout.jsonl');
  assert.deepEqual(picks.items.slice(0, 2).map((item) => item.uri), ['file:///w/real.jsonl', 'file:///w/data/holdout.jsonl']);
  const holdout = picks.items[1];
  assert.equal(holdout.label, 'holdout.jsonl');
  assert.equal(holdout.description, 'data');
  assert.equal(holdout.detail, '250 rows, none flagged · open in the editor');
});

test('with no reference nothing is flagged yet, so the open file is preselected (the user still picks it)', () => {
  const picks = referencePicks({ candidates, current: [], active: 'file:///w/synthetic.jsonl', summary: () => undefined });
  assert.equal(picks.preselected, 'file:///w/synthetic.jsonl');
  assert.equal(picks.items[0].uri, 'file:///w/synthetic.jsonl');
});

test('with no reference and no open dataset file nothing is preselected, and files are listed by path', () => {
  const picks = referencePicks({ candidates, current: [], active: 'file:///w/notes.md', summary: () => undefined });
  assert.equal(picks.preselected, undefined);
  assert.deepEqual(picks.items.map((item) => item.label), ['a.csv', 'holdout.jsonl', 'real.jsonl', 'synthetic.jsonl']);
  assert.equal(picks.items[2].description, '');
});

test('a file with no flagged rows, or one a limit kept from being analyzed, is not flagged', () => {
  assert.equal(isFlagged(undefined), false);
  assert.equal(isFlagged(summary('u', 0)), false);
  assert.equal(isFlagged(summary('u', 1)), true);
  const limited = { ...summary('u', 0, 0), limited: 'larger than 200 MB' };
  const picks = referencePicks({ candidates: [{ uri: 'u', shown: 'big.jsonl' }], current: [], active: 'u', summary: () => limited });
  assert.equal(picks.items[0].detail, 'open in the editor', 'no row count for a file that was not read');
});

test('the confirmation names both files and says every file is re-scored; none when there was no reference', () => {
  const question = referenceChangeConfirmation(['data/holdout.jsonl'], ['real.jsonl']);
  assert.deepEqual(question, {
    message: 'Use data/holdout.jsonl as the real reference instead of real.jsonl?',
    detail: 'Every file will be re-scored.',
    action: 'Use holdout.jsonl',
  });
  assert.equal(referenceChangeConfirmation(['real.jsonl'], []), undefined);
  const flagged = referenceChangeConfirmation(['s.jsonl', 't.jsonl'], ['real.jsonl'], 's.jsonl has 120 of 300 rows flagged as synthetic.');
  assert.equal(flagged?.detail, 's.jsonl has 120 of 300 rows flagged as synthetic. Every file will be re-scored.');
  assert.equal(flagged?.action, 'Use 2 Files');
});

test('the same files in another order are the same reference', () => {
  assert.ok(sameReferences(['/w/a', '/w/b'], ['/w/b', '/w/a']));
  assert.ok(!sameReferences(['/w/a'], ['/w/a', '/w/b']));
  assert.ok(!sameReferences(['/w/a'], []));
});
