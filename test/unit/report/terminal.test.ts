import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTerminalSummary } from '../../../src/core/exporters/terminal';
import type { GapReport } from '../../../src/core/report/types';
import { fixtureReport, GAP_FILE, NO_GAP_FILE } from './fixtureReport';
import { withEveryString } from './hostile';

const ESC = '\u001b';
const plain = (report: GapReport = fixtureReport()) => formatTerminalSummary(report, { color: false });

describe('formatTerminalSummary', () => {
  it('starts with the reference set and its size', () => {
    assert.equal(plain().split('\n')[0], 'Reference: data/real.jsonl (1,800 rows, 2 skipped)');
  });

  it('gives each dataset its verdict, AUC with interval, headline and flagged rows', () => {
    const out = plain();
    assert.match(out, new RegExp(`^${GAP_FILE}  LARGE GAP  AUC 0\\.91 \\[0\\.90–0\\.92\\]$`, 'm'));
    assert.match(out, new RegExp(`^${NO_GAP_FILE}  NO GAP  AUC 0\\.52 \\[0\\.50–0\\.55\\]$`, 'm'));
    assert.match(out, /^ {2}A large gap: shown one real and one synthetic row/m);
    assert.match(out, /^ {2}\d{3} of 2,400 rows look synthetic \(threshold 0\.73; flags 5\.0% of real rows\)$/m);
  });

  it('lists the top gaps, phrases on both sides, and the dataset-level sentences', () => {
    const out = plain();
    assert.match(out, /• Synthetic rows are longer: 26 words/);
    // Both counts and the rate per 1,000 rows of each side, the over-using side first: the sides differ in size.
    assert.match(out, /"delve into" {2}412 of 2,000 synthetic rows \(206 per 1,000\) · 3 of 1,800 real \(1\.67 per 1,000\)/);
    assert.match(out, /"lol" {2}250 of 1,800 real rows \(139 per 1,000\) · 2 of 2,000 synthetic \(1 per 1,000\)/);
    assert.doesNotMatch(out, /please do not hesitate/, 'only the top five phrases');
    assert.match(out, /Near-duplicates: 20 synthetic rows repeat/);
    assert.match(out, /Coverage: 3 of 24 kinds of real rows/);
    assert.match(out, /Leakage: 2 exact and 5 near copies of reference rows \(similarity ≥ 0\.95\)\./);
    assert.match(out, /Leakage: No row copies a reference row/);
  });

  it('says when no phrase stands out, and how many were tested', () => {
    const report = fixtureReport();
    const dataset = report.datasets[1];
    const quiet = { ...report, datasets: [{ ...dataset, phrases: { ...dataset.phrases, overSynthetic: [], overReal: [], tested: 124 } }] };
    assert.match(plain(quiet), /^ {2}Phrases: No phrase is used more on one side than the other \(tested 124 phrases\)\.$/m);
    assert.doesNotMatch(plain(), /Phrases: No phrase/);
  });

  it('says when labels exist on one side only, naming the field', () => {
    const report = fixtureReport();
    const dataset = report.datasets[1];
    const byLabel = { labels: [], onlyReal: ['billing', 'refund'], onlySynthetic: [], fields: { real: 'intent' } };
    const out = plain({ ...report, datasets: [{ ...dataset, byLabel }] });
    assert.match(out, /^ {2}Labels: only the reference has a label field \(intent\); per-label gaps need labels on both sides\.$/m);
    const onlyDataset = { labels: [], onlyReal: [], onlySynthetic: ['billing'], fields: { synthetic: 'label' } };
    assert.match(plain({ ...report, datasets: [{ ...dataset, byLabel: onlyDataset }] }), /Labels: only the dataset has a label field \(label\)/);
    assert.doesNotMatch(plain(), /Labels: only/);
  });

  it('lists no gaps with no gap, even for a feature past the negligible effect, and says why', () => {
    const report = fixtureReport();
    const noGap = report.datasets[1];
    const out = plain({ ...report, datasets: [noGap] });
    assert.doesNotMatch(out, /Biggest gaps/);
    assert.match(out, /No feature differs by an effect of 0\.2 or more\./);
    // A feature past 0.2 under a no-gap verdict is chance on these rows, not a gap.
    const wide = { ...noGap, gaps: [{ ...report.datasets[0].gaps[0] }, ...noGap.gaps] };
    const widened = plain({ ...report, datasets: [wide] });
    assert.doesNotMatch(widened, /Biggest gaps/);
    assert.match(widened, /No gap: the detector cannot tell the sides apart, so the one feature that differs by an effect of 0\.2 or more \(largest: /);
    const few = { ...noGap, summary: { ...noGap.summary, verdict: 'insufficient-data' as const, flagged: 0 }, gaps: wide.gaps };
    const insufficient = plain({ ...report, datasets: [few] });
    assert.doesNotMatch(insufficient, /Biggest gaps/);
    assert.match(insufficient, /Too few rows to call any difference a gap\./);
  });

  it('shows the most synthetic-looking rows of a dataset with a gap, highest first', () => {
    const out = plain();
    assert.match(out, /Most synthetic-looking rows\n {4}line 118 +>0\.99 +Opens with a stock phrase/);
    const section = out.split(NO_GAP_FILE)[1];
    assert.doesNotMatch(section, /Most synthetic-looking rows/, 'with no gap and no stock-phrase row, nothing is flagged');
    assert.match(section, /No row stands out/);
  });

  it("shows a listed row's text, cut to one line, with its reason under it", () => {
    const report = fixtureReport();
    const rows = report.datasets[0].rows;
    const top = rows.indexOf([...rows].filter((row) => row.flagged).sort((a, b) => b.score - a.score)[0]);
    const texts = report.datasets.map((dataset) => dataset.rows.map(() => 'another row'));
    texts[0][top] = `I hope this message finds you well.\nKindly ${'assist '.repeat(30)}`;
    const out = formatTerminalSummary(report, { color: false, texts });
    assert.match(out, /Most synthetic-looking rows\n {4}line 118 +>0\.99 +"I hope this message finds you well\. ↵ Kindly assist assist [^"\n]*…"\n {20,}Opens with a stock phrase/);
  });

  it('honors maxRows', () => {
    const rowLines = (out: string) => out.split('\n').filter((line) => /^ {4}line [\d,]+ +[<>]?\d\.\d\d/.test(line));
    assert.equal(rowLines(formatTerminalSummary(fixtureReport(), { color: false, maxRows: 2 })).length, 2);
    assert.equal(rowLines(formatTerminalSummary(fixtureReport(), { color: false, maxRows: 0 })).length, 0);
    assert.equal(rowLines(plain()).length, 5);
  });

  it('summarizes skipped lines: the first three, then how many more', () => {
    const out = plain();
    assert.match(
      out,
      /^ {2}7 lines skipped:\n {4}line 17: invalid JSON \(Unexpected token \} in JSON at position 42\)\n {4}line 240: .*\n {4}line 241: .*\n {4}… and 4 more$/m,
    );
    assert.match(out, /^ {2}2 lines skipped:\n {4}line 311: invalid JSON/m);
  });

  it('ends with the report warnings', () => {
    const lines = plain().trimEnd().split('\n');
    assert.equal(lines.at(-3), 'Warnings');
    assert.match(lines.at(-1) ?? '', /^ {2}! data\/synthetic-v2\.jsonl: 4 rows are longer/);
  });

  it('writes color codes only when asked', () => {
    assert.ok(!plain().includes(ESC));
    const colored = formatTerminalSummary(fixtureReport(), { color: true });
    assert.ok(colored.includes(`${ESC}[31mLARGE GAP${ESC}[0m`), 'large gap in red');
    assert.ok(colored.includes(`${ESC}[32mNO GAP${ESC}[0m`), 'no gap in green');
  });

  it('colors each verdict', () => {
    const report = fixtureReport();
    const summary = report.datasets[0].summary;
    const verdictColor = (verdict: typeof summary.verdict, auc = 0.7) => {
      const out = formatTerminalSummary({ ...report, datasets: [{ ...report.datasets[0], summary: { ...summary, verdict, auc } }] }, { color: true });
      return /\u001b\[(\d+)m(SMALL GAP|GAP|INSUFFICIENT DATA)\u001b\[0m/.exec(out)?.[1];
    };
    assert.equal(verdictColor('small-gap'), '33');
    assert.equal(verdictColor('gap'), '33');
    assert.equal(verdictColor('insufficient-data', NaN), '2');
  });

  it('says AUC n/a when there was too little data', () => {
    const report = fixtureReport();
    const summary = { ...report.datasets[1].summary, verdict: 'insufficient-data' as const, auc: NaN, aucLow: NaN, aucHigh: NaN };
    const out = plain({ ...report, datasets: [{ ...report.datasets[1], summary }] });
    assert.match(out, /INSUFFICIENT DATA {2}AUC n\/a/);
  });

  it('keeps dataset text from writing control sequences to the terminal', () => {
    const out = formatTerminalSummary(withEveryString(fixtureReport(), `${ESC}]0;pwned\u0007${ESC}[2J\nx`), { color: true });
    const stray = out.replace(/\u001b\[[0-9;]*m/g, '');
    assert.ok(!stray.includes(ESC), 'only our own color codes remain');
    assert.ok(!stray.includes('\u0007'));
  });

  it('wraps to the width with a hanging indent, and not at all without one', () => {
    const visible = (line: string) => Array.from(line.replace(/\u001b\[[0-9;]*m/g, '')).length;
    for (const color of [false, true]) {
      const out = formatTerminalSummary(fixtureReport(), { color, width: 60 });
      for (const line of out.split('\n')) assert.ok(visible(line) <= 60, `too wide: ${line}`);
      assert.match(out, /^ {2}A large gap: shown one real and one synthetic row, a\n {4}classifier/m);
    }
    assert.ok(plain().split('\n').some((line) => line.length > 120));
  });

  it('says so when no dataset was compared', () => {
    assert.match(plain({ ...fixtureReport(), datasets: [] }), /No synthetic dataset was compared\./);
  });
});
