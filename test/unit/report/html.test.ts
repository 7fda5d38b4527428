import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHARTED_GAPS, formatHtml } from '../../../src/core/report/html';
import { escapeHtml } from '../../../src/core/report/format';
import { fixtureReport, HOSTILE_HTML, HOSTILE_SCRIPT } from './fixtureReport';
import { withEveryString } from './hostile';

describe('formatHtml', () => {
  it('is one page that loads nothing', () => {
    const page = formatHtml(fixtureReport());
    assert.match(page, /^<!doctype html>/);
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    // assert.ok rather than doesNotMatch: on failure, the whole page would fill the log.
    assert.ok(!/https?:\/\//.test(page), 'no URL at all, not even an SVG namespace');
    assert.ok(!/<script/i.test(page), 'no script');
    assert.ok(!/<(link|iframe|object|embed|img|base|form)\b/i.test(page), 'no element that loads or sends');
    assert.ok(!/<[^>]*\s(src|srcset|action|formaction|style)=/i.test(page), 'no attribute that loads or styles');
    assert.ok(page.includes('@media (prefers-color-scheme:dark)'));
  });

  it('shows hostile dataset text as characters', () => {
    const page = formatHtml(fixtureReport());
    assert.ok(!page.includes('<img'));
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(page.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!page.includes(HOSTILE_HTML) && !page.includes(HOSTILE_SCRIPT));
  });

  it('escapes every field, whatever it holds', () => {
    const hostile = `${HOSTILE_SCRIPT}${HOSTILE_HTML}"'><svg onload=alert(1)>`;
    const page = formatHtml(withEveryString(fixtureReport(), hostile));
    assert.ok(!/<script|<img|<svg onload/i.test(page));
    assert.ok(page.includes(escapeHtml(hostile)));
  });

  it('writes a URL in dataset text as text, never as a link', () => {
    const report = fixtureReport();
    report.warnings.push('see https://example.com/x?a=1&b=2');
    const page = formatHtml(report);
    assert.ok(page.includes('see https://example.com/x?a=1&amp;b=2'));
    assert.ok(!/href="(?!#dataset-\d+")/.test(page));
  });

  it('draws a chart for each top gap, a histogram or bars', () => {
    const report = fixtureReport();
    const page = formatHtml(report);
    const expected = report.datasets.reduce((sum, d) => sum + Math.min(CHARTED_GAPS, d.gaps.length), 0);
    assert.equal(page.match(/<svg /g)?.length, expected);
    for (const dataset of report.datasets) {
      for (const gap of dataset.gaps.slice(0, CHARTED_GAPS)) {
        const svg = new RegExp(`<svg class="chart"[^>]*aria-label="${gap.name.replace('/', '\\/')}: real [^"]+"[^>]*>(.*?)</svg>`).exec(page);
        assert.ok(svg, gap.name);
        assert.ok(svg[1].includes('class="real"') && svg[1].includes('class="synthetic"'), gap.name);
      }
    }
    // Numeric: one bar per non-empty bin and side, and a mean marker per side.
    const words = /aria-label="Words per row: [^"]+">(.*?)<\/svg>/.exec(page)?.[1] ?? '';
    assert.equal(words.match(/<rect /g)?.length, 16);
    assert.equal(words.match(/class="mean /g)?.length, 2);
  });

  it('has the sections of a full report and the top 100 flagged rows', () => {
    const page = formatHtml(fixtureReport());
    for (const heading of ['Gaps', 'Phrases', 'Diversity', 'Coverage', 'By label', 'Leakage', 'Most synthetic-looking rows', 'Skipped lines', 'Warnings']) {
      assert.ok(page.includes(`<h3>${heading}</h3>`), heading);
    }
    const flagged = page.split('<h3>Most synthetic-looking rows</h3>')[1].split('</table>')[0];
    assert.equal(flagged.match(/<tr><td class="nowrap">line /g)?.length, 100);
    assert.ok(page.includes('Top 100 of'));
  });

  it('labels verdicts and AUC intervals', () => {
    const page = formatHtml(fixtureReport());
    assert.ok(page.includes('<span class="pill bad">Large gap</span>'));
    assert.ok(page.includes('<span class="pill ok">No gap</span>'));
    assert.ok(page.includes('0.91 [0.90–0.92]'));
    assert.match(page, /\d{3} of 2,400 rows look synthetic \(threshold 0\.73; flags 5\.0% of real rows\)/);
  });

  it('stays readable without datasets', () => {
    const page = formatHtml({ ...fixtureReport(), datasets: [], warnings: [] });
    assert.ok(page.includes('No synthetic dataset was compared.'));
    assert.ok(page.trimEnd().endsWith('</html>'));
  });
});
