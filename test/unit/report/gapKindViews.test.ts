// The kind of gap in the text views of a report: the terminal summary and Markdown (the HTML page is the panel's,
// whose headline line is checked in Chromium by test/webview/panel.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMarkdown } from '../../../src/core/exporters/markdown';
import { formatTerminalSummary } from '../../../src/core/exporters/terminal';
import type { GapReport } from '../../../src/core/report/types';
import { fixtureReport } from './fixtureReport';

const SENTENCE =
  "Kind of gap: wording — 21% of synthetic rows use a formal or LLM register phrase (0% of real rows); casing, punctuation, typos and apostrophes alone reach AUC 0.70 of the detector's 0.91, and 14% of real rows have no close synthetic row (10% by chance); reword the flagged rows, or regenerate with the prompts' style rules (synthgap prompts).";

/** The fixture as a report written before kinds were named. */
function withoutKinds(): GapReport {
  const report = fixtureReport();
  return { ...report, datasets: report.datasets.map((d) => ({ ...d, summary: { ...d.summary, gapKind: undefined, gapKindEvidence: undefined } })) };
}

describe('the kind of gap in the exporters', () => {
  it('the decision reads as the sentence the views show', () => {
    assert.equal(fixtureReport().datasets[0].summary.gapKindEvidence?.sentence, SENTENCE);
  });

  it('terminal: the line under the headline, before the flagged rows', () => {
    const lines = formatTerminalSummary(fixtureReport(), { color: false }).split('\n');
    const at = lines.indexOf(`  ${SENTENCE}`);
    assert.ok(at > 0, 'the sentence is a line of its own');
    assert.match(lines[at - 1], /^ {2}A large gap/);
    assert.match(lines[at + 1], /rows look synthetic/);
  });

  it('Markdown: a paragraph after the headline', () => {
    assert.ok(formatMarkdown(fixtureReport()).includes(`\n\n${SENTENCE}\n\n`), 'a Markdown paragraph of its own');
  });

  it('a report written before kinds were named shows no kind line anywhere', () => {
    const old = withoutKinds();
    assert.doesNotMatch(formatTerminalSummary(old, { color: false }), /Kind of gap/);
    assert.doesNotMatch(formatMarkdown(old), /Kind of gap/);
  });
});
