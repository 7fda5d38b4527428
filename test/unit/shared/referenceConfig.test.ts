import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigEditError, isDatasetPath, referencesIn, relativeReference, withReference } from '../../../src/extension/referenceConfig';

test('a new synthgap.json holds just the reference', () => {
  assert.equal(withReference(undefined, ['data/real.jsonl']), '{\n  "reference": "data/real.jsonl"\n}\n');
  assert.equal(withReference('  \n', ['real.csv']), '{\n  "reference": "real.csv"\n}\n');
});

test('several files become a list', () => {
  assert.deepEqual(JSON.parse(withReference(undefined, ['a.jsonl', 'b.jsonl'])), { reference: ['a.jsonl', 'b.jsonl'] });
});

test('an existing reference is replaced in place and the other keys are kept in order', () => {
  const before = '{\n    "datasets": ["data/*.jsonl"],\n    "reference": "old.jsonl",\n    "seed": 7\n}\n';
  const after = withReference(before, ['data/real.jsonl']);
  assert.deepEqual(Object.keys(JSON.parse(after)), ['datasets', 'reference', 'seed']);
  assert.equal(JSON.parse(after).reference, 'data/real.jsonl');
  assert.match(after, /^\{\n {4}"datasets"/, 'keeps the file\'s indentation');
  assert.ok(after.endsWith('}\n'));
});

test('a new reference key goes first, after $schema', () => {
  const after = withReference('{"$schema": "./media/synthgap.schema.json", "seed": 1}', ['r.tsv']);
  assert.deepEqual(Object.keys(JSON.parse(after)), ['$schema', 'reference', 'seed']);
  assert.ok(!after.endsWith('\n'), 'no newline added when the file had none');
});

test('CRLF files stay CRLF and a BOM is tolerated', () => {
  const after = withReference('\uFEFF{\r\n  "seed": 1\r\n}\r\n', ['r.jsonl']);
  assert.equal(after, '{\r\n  "reference": "r.jsonl",\r\n  "seed": 1\r\n}\r\n');
});

test('a broken or non-object synthgap.json is never overwritten', () => {
  assert.throws(() => withReference('{ "seed": ', ['r.jsonl']), (e) => e instanceof ConfigEditError && /not valid JSON/.test(e.message));
  assert.throws(() => withReference('[1]', ['r.jsonl']), (e) => e instanceof ConfigEditError && /JSON object/.test(e.message));
  assert.throws(() => withReference(undefined, []), ConfigEditError);
});

test('reference paths are relative to synthgap.json, with forward slashes', () => {
  assert.equal(relativeReference('/w', '/w/data/real.jsonl', path.posix), 'data/real.jsonl');
  assert.equal(relativeReference('/w/sub', '/w/data/real.jsonl', path.posix), '../data/real.jsonl');
  assert.equal(relativeReference('C:\\w', 'C:\\w\\data\\real.jsonl', path.win32), 'data/real.jsonl');
});

test('only JSONL, CSV and TSV files are datasets', () => {
  assert.ok(isDatasetPath('/w/a.jsonl'));
  assert.ok(isDatasetPath('/w/A.CSV'));
  assert.ok(isDatasetPath('b.tsv'));
  assert.ok(!isDatasetPath('/w/synthgap.json'));
  assert.ok(!isDatasetPath('/w/notes.txt'));
});

test('referencesIn reads the reference as written, and nothing from a missing or broken file', () => {
  assert.deepEqual(referencesIn('{"reference": "real.jsonl"}'), ['real.jsonl']);
  assert.deepEqual(referencesIn('\uFEFF{"reference": ["a.jsonl", "b.csv"], "seed": 1}'), ['a.jsonl', 'b.csv']);
  assert.deepEqual(referencesIn('{"seed": 1}'), []);
  assert.deepEqual(referencesIn('{"reference": ""}'), []);
  assert.deepEqual(referencesIn('{"reference": '), []);
  assert.deepEqual(referencesIn(undefined), []);
});
