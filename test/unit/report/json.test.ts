import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../../src/core/report/json';
import { fixtureReport } from './fixtureReport';

describe('formatJson', () => {
  it('round-trips the report', () => {
    const report = fixtureReport();
    assert.deepEqual(JSON.parse(formatJson(report)), report);
  });

  it('keeps the key order, indents by two spaces and ends with a newline', () => {
    const text = formatJson(fixtureReport());
    assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "synthgap",'));
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.deepEqual(Object.keys(JSON.parse(text)), ['schemaVersion', 'tool', 'settings', 'reference', 'datasets', 'warnings']);
  });

  it('is stable: the same report gives the same text', () => {
    assert.equal(formatJson(fixtureReport()), formatJson(fixtureReport()));
  });
});
