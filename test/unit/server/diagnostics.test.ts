import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { readDataset } from '../../../src/core/dataset/readDataset';
import { fileDiagnostics } from '../../../src/server/diagnostics';
import { FileAnalysis } from '../../../src/server/fileState';
import { FileRows } from '../../../src/server/fileRows';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';

test('a line read with a warning is a warning on that line; a line that could not be read is an error', async () => {
  const text = [
    '{"text": "where is my card", "label": "card"}',
    '{"text": "my card is lost", "label": {"intent": "card"}}',
    '{"text": "cut off',
    '{"text": "block my card", "label": "card"}',
  ].join('\n');
  const data = await readDataset(text, { fileName: 'rows.jsonl' });
  const rows = new FileRows({ report: null, data, model: null, profile: null, flaggedProfile: null, timings: {} }, () => ({ has: () => true }) as never);
  const analysis = new FileAnalysis('key', null, rows.view(0.99), undefined, undefined);
  const diagnostics = fileDiagnostics('file:///rows.jsonl', analysis, DEFAULT_SETTINGS, undefined);
  const byLine = new Map(diagnostics.map((d) => [d.range.start.line + 1, d]));
  assert.equal(byLine.get(2)?.severity, DiagnosticSeverity.Warning);
  assert.match(String(byLine.get(2)?.message ?? ''), /^Read with a warning: the label "label" is an object or a list here/);
  assert.equal(byLine.get(3)?.severity, DiagnosticSeverity.Error);
  assert.match(String(byLine.get(3)?.message ?? ''), /^Cannot analyze this line: /);
});
