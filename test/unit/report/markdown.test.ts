import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatMarkdown } from '../../../src/core/exporters/markdown';
import { fixtureReport, HOSTILE_HTML, HOSTILE_SCRIPT, MARKDOWN_TRICKY } from './fixtureReport';
import { tables, withEveryString } from './hostile';


describe('formatMarkdown', () => {
  it('opens with a headline table of the datasets', () => {
    const [summary] = tables(formatMarkdown(fixtureReport()));
    assert.deepEqual(summary.header, ['Dataset', 'Verdict', 'AUC [95% CI]', 'Rows', 'Flagged']);
    assert.deepEqual(summary.rows[0].slice(0, 4), ['data/synthetic-v1.jsonl', '**Large gap**', '0.91 [0.90–0.92]', '2,400']);
    assert.match(summary.rows[0][4], /^\d{3} \(4\d%\)$/);
    assert.deepEqual(summary.rows[1].slice(0, 2), ['data/synthetic-v2.jsonl', '**No gap**']);
  });

  it('has the sections of a full report', () => {
    const out = formatMarkdown(fixtureReport());
    for (const heading of ['## data/synthetic-v1.jsonl', '### Gaps', '### Phrases', '### Diversity', '### Coverage', '### By label', '### Leakage', '### Most synthetic-looking rows', '### Skipped lines', '## Warnings']) {
      assert.ok(out.includes(`\n${heading}`), heading);
    }
  });

  it('tabulates gaps with both sides, the effect and the sentence', () => {
    const gaps = tables(formatMarkdown(fixtureReport())).find((t) => t.header[0] === 'Feature');
    assert.ok(gaps);
    assert.deepEqual(gaps.rows[0].slice(0, 4), ['Words per row', '13.9', '25.8', '+1.31 SD']);
    assert.deepEqual(gaps.rows[1].slice(0, 4), ['Uses a stock phrase', '4.0%', '35%', '+31 pts']);
  });

  it('lists the top 20 flagged rows with their reasons', () => {
    const flagged = tables(formatMarkdown(fixtureReport())).find((t) => t.header[0] === 'Row' && t.header[3] === 'Reasons');
    assert.ok(flagged);
    assert.equal(flagged.rows.length, 20);
    assert.equal(flagged.rows[0][0], 'line 118');
    assert.equal(flagged.rows[0][1], '>0.99');
  });

  it('escapes a row with pipes and backticks so the table keeps its columns', () => {
    const out = formatMarkdown(fixtureReport());
    assert.ok(out.includes('Run \\`ls \\| wc -l\\` first ↵ then send me the number.'));
    assert.ok(!out.includes(MARKDOWN_TRICKY), 'never unescaped');
    for (const table of tables(out)) {
      for (const row of table.rows) assert.equal(row.length, table.header.length, row.join(' | '));
    }
  });

  it('lets no HTML through', () => {
    const out = formatMarkdown(fixtureReport());
    assert.ok(!out.includes(HOSTILE_HTML) && !out.includes(HOSTILE_SCRIPT));
    assert.doesNotMatch(out, /<[a-z/!]/i);
  });

  it('keeps every table whole and every tag out whatever the fields hold', () => {
    const out = formatMarkdown(withEveryString(fixtureReport(), `a|b\`c\`\n${HOSTILE_SCRIPT}`));
    assert.doesNotMatch(out, /<[a-z/!]/i);
    const all = tables(out);
    assert.ok(all.length > 10);
    for (const table of all) {
      for (const row of table.rows) assert.equal(row.length, table.header.length, row.join(' | '));
    }
  });

  it('lists skipped lines and warnings', () => {
    const out = formatMarkdown(fixtureReport());
    assert.match(out, /7 lines skipped:\n\n- line 17: invalid JSON \(Unexpected token } in JSON at position 42\)/);
    assert.match(out, /2 lines skipped:\n\n- line 311: /);
    assert.match(out, /## Warnings\n\n- Phrase counts rest on a seeded sample of 2,000 rows per side\.\n/);
  });

  it('gives each phrase both counts and both rates per 1,000 rows, and says when none stands out', () => {
    const report = fixtureReport();
    const out = formatMarkdown(report);
    const phrases = tables(out).find((t) => t.header[0] === 'Phrase');
    assert.deepEqual(phrases?.header, ['Phrase', 'Synthetic rows', 'Per 1,000', 'Real rows', 'Per 1,000', 'z']);
    assert.deepEqual(phrases?.rows[0].slice(0, 5), ['delve into', '412', '206', '3', '1.67']);
    const dataset = report.datasets[1];
    const quiet = formatMarkdown({ ...report, datasets: [{ ...dataset, phrases: { ...dataset.phrases, overSynthetic: [], tested: 40 } }] });
    assert.match(quiet, /### Phrases\n\nNo phrase is used more on one side than the other \(tested 40 phrases\)\./);
  });

  it('does not head feature differences as gaps when the verdict finds none; names a one-sided label field', () => {
    const report = fixtureReport();
    const dataset = report.datasets[1];
    const byLabel = { labels: [], onlyReal: ['billing'], onlySynthetic: [], fields: { real: 'intent' } };
    const out = formatMarkdown({ ...report, datasets: [{ ...dataset, byLabel }] });
    assert.doesNotMatch(out, /### Gaps/);
    assert.match(out, /### Style features\n\nNo feature differs by an effect of 0\.2 or more\./);
    assert.match(out, /Labels: only the reference has a label field \(intent\); per-label gaps need labels on both sides\./);
  });
});

describe('formatMarkdown of a file read field by field', () => {
  it('adds nothing for a file read for one text', () => {
    const out = formatMarkdown(fixtureReport());
    assert.ok(!out.includes('### By field') && !out.includes('Read as') && !out.includes('### Pairs'));
  });
});
