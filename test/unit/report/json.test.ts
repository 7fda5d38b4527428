import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson, formatJsonChunks } from '../../../src/core/exporters/json';
import { fixtureReport, REFERENCE_FILE as REFERENCE } from './fixtureReport';

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

  it('comes in pieces that join to exactly what JSON.stringify writes, for lists of any length', () => {
    const report = fixtureReport();
    const many = { ...report, datasets: [{ ...report.datasets[0], rows: Array.from({ length: 9000 }, (_, i) => ({ ...report.datasets[0].rows[i % report.datasets[0].rows.length], line: i + 1 })) }, { ...report.datasets[1], rows: [] }] };
    // A file with thousands of bad lines: its skipped lines come in pieces like its rows.
    const skipped = { ...report, reference: { ...report.reference, errors: Array.from({ length: 9000 }, (_, i) => ({ file: REFERENCE, line: i + 1, message: 'not valid JSON' })) } };
    for (const r of [report, many, skipped]) {
      const pieces = Array.from(formatJsonChunks(r));
      assert.equal(pieces.join(''), `${JSON.stringify(r, null, 2)}\n`);
      assert.ok(pieces.every((piece) => piece.length < 8 << 20));
    }
    assert.ok(Array.from(formatJsonChunks(many)).length > 3, 'a long list comes in several pieces');
    // Skipped lines come a few thousand at a time too, never all 9,000 in one piece.
    const perPiece = Array.from(formatJsonChunks(skipped)).map((piece) => piece.split('"message": "not valid JSON"').length - 1);
    assert.ok(Math.max(...perPiece) <= 4096 && perPiece.filter((n) => n > 0).length >= 3, `skipped lines per piece: ${perPiece.join(', ')}`);
  });

  it('is stable: the same report gives the same text', () => {
    assert.equal(formatJson(fixtureReport()), formatJson(fixtureReport()));
  });
});
