import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileSummary, StatusParams } from '../../../src/shared/protocol';
import { nothingToRoughen, roughenConfirmation, statusView, summaryFor } from '../../../src/extension/statusText';

const file: FileSummary = { uri: 'file:///w/synthetic.jsonl', rows: 12000, flagged: 812, underlined: 500, auc: 0.9149, aucLow: 0.9, aucHigh: 0.93, verdict: 'large-gap' };
const ready: StatusParams = { state: 'ready', reference: 'data/real.jsonl', files: [file] };

test('a ready file shows its flagged rows and AUC', () => {
  const view = statusView(ready, summaryFor(ready, file.uri));
  assert.equal(view.text, '$(beaker) 812 flagged · AUC 0.91');
  assert.equal(view.click, 'openReport');
  assert.equal(view.tone, 'normal');
  assert.match(view.tooltip, /812 of 12,000 rows look synthetic/);
  assert.match(view.tooltip, /0\.90 to 0\.93\): a large gap/);
  assert.match(view.tooltip, /Reference: data\/real\.jsonl/);
});

test('the tooltip says what the squiggles leave out and what a re-analysis changed', () => {
  const leftOut = '500 most synthetic-looking rows underlined; all 812 in the report';
  const change = 're-scored after save: 812 flagged, was 811';
  const view = statusView(ready, { ...file, leftOut, change });
  assert.match(view.tooltip, /500 most synthetic-looking rows underlined; all 812 in the report\./);
  assert.match(view.tooltip, /Re-scored after save: 812 flagged, was 811\./);
  assert.doesNotMatch(statusView(ready, file).tooltip, /underlined|re-scored/i);
});

test('a file with no gap says so, and counts only the rows flagged for LLM stock phrasing', () => {
  const quiet = statusView(ready, { ...file, flagged: 0, auc: 0.48, aucLow: 0.46, aucHigh: 0.5, verdict: 'no-gap' });
  assert.equal(quiet.text, '$(beaker) no gap · AUC 0.48');
  assert.match(quiet.tooltip, /No gap from the reference: no row stands out/);
  const phrased = statusView(ready, { ...file, flagged: 3, auc: 0.48, aucLow: 0.46, aucHigh: 0.5, verdict: 'no-gap' });
  assert.equal(phrased.text, '$(beaker) no gap · 3 flagged · AUC 0.48');
  assert.match(phrased.tooltip, /3 of 12,000 rows use LLM stock phrasing that real rows rarely use, and only they are flagged/);
});

test('big counts get thousands separators', () => {
  assert.equal(statusView(ready, { ...file, flagged: 123456 }).text, '$(beaker) 123,456 flagged · AUC 0.91');
});

test('a file stopped by a limit says so and stands out', () => {
  const view = statusView(ready, { ...file, limited: 'the file is over 200 MB (synthgap.maxFileSizeMB)' });
  assert.equal(view.text, '$(warning) 812 flagged · AUC 0.91');
  assert.equal(view.tone, 'warning');
  assert.match(view.tooltip, /Not fully analyzed: the file is over 200 MB/);
});

test('analyzing spins, with the figure when there is one', () => {
  const analyzing: StatusParams = { ...ready, state: 'analyzing', message: 'Analyzing synthetic.jsonl (40%)' };
  assert.equal(statusView(analyzing, file).text, '$(loading~spin) 812 flagged · AUC 0.91');
  assert.equal(statusView(analyzing, undefined).text, '$(loading~spin) Synthgap');
  assert.match(statusView(analyzing, undefined).tooltip, /40%/);
});

test('no status yet means the server is starting', () => {
  const view = statusView(undefined, undefined);
  assert.equal(view.text, '$(loading~spin) Synthgap');
  assert.match(view.tooltip, /Starting/);
});

test('no reference explains how to choose one, and clicking opens the walkthrough, as the tooltip says', () => {
  const view = statusView({ state: 'no-reference', files: [] }, undefined);
  assert.equal(view.text, '$(beaker) No reference');
  assert.equal(view.click, 'walkthrough');
  assert.match(view.tooltip, /Use as Real Reference/);
  assert.match(view.tooltip, /Click to open the Get Started walkthrough/);
});

test('an error shows the server message and clicking shows the output', () => {
  const view = statusView({ state: 'error', message: 'Cannot read data/real.jsonl', files: [] }, undefined);
  assert.equal(view.text, '$(error) Synthgap');
  assert.equal(view.tone, 'error');
  assert.equal(view.click, 'showOutput');
  assert.match(view.tooltip, /Cannot read data\/real\.jsonl/);
});

test('ready with a file the server did not analyze stays quiet', () => {
  const view = statusView(ready, summaryFor(ready, 'file:///w/notes.csv'));
  assert.equal(view.text, '$(beaker) Synthgap');
});

test('summaryFor matches with the given URI comparison', () => {
  assert.equal(summaryFor(ready, undefined), undefined);
  assert.equal(summaryFor(undefined, file.uri), undefined);
  assert.equal(summaryFor(ready, 'FILE:///w/synthetic.jsonl', (a, b) => a.toLowerCase() === b.toLowerCase()), file);
});

test('an AUC the server could not compute shows n/a, as every view does', () => {
  assert.equal(statusView(ready, { ...file, auc: Number.NaN }).text, '$(beaker) 812 flagged · AUC n/a');
});

test('the roughen confirmation says how many rows change', () => {
  const many = roughenConfirmation({ flagged: 1234, changed: 1234, changes: 'lower-case' }, 'synthetic.jsonl');
  assert.equal(many?.message, 'Roughen all 1,234 flagged rows in synthetic.jsonl?');
  assert.equal(many?.action, 'Roughen 1,234 Rows');
  assert.match(many?.detail ?? '', /1,234 rows toward the real data's noise: lower-case\. One undo/);
  const one = roughenConfirmation({ flagged: 1, changed: 1, changes: 'drop final punctuation' }, 'a.csv');
  assert.equal(one?.message, 'Roughen the 1 flagged row in a.csv?');
  assert.equal(one?.action, 'Roughen 1 Row');
  // Says beforehand how many rows change, and why the others do not.
  const some = roughenConfirmation({ flagged: 226, changed: 44, changes: 'lower-case, 12 typos' }, 'msgs.jsonl');
  assert.equal(some?.message, 'Roughen 44 of the 226 flagged rows in msgs.jsonl?');
  assert.equal(some?.action, 'Roughen 44 Rows');
  assert.match(some?.detail ?? '', /The other 182 flagged rows differ in wording or content, which roughening does not change/);
  assert.equal(roughenConfirmation({ flagged: 226, changed: 0, changes: '' }, 'msgs.jsonl'), undefined);
  assert.match(nothingToRoughen(226, 'msgs.jsonl'), /^Roughening changes none of the 226 flagged rows in msgs\.jsonl/);
});
