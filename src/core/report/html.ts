/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, and a Content-Security-Policy
 * that forbids loading anything, so the file can be mailed or attached to a CI run and opened offline.
 * All text is inserted through the escaping `html` template; markup comes only from this folder.
 */
import type { CoverageCluster, DatasetReport, DatasetSummary, FeatureGap, GapReport, PhraseStat, Verdict } from './types';
import { excerpt, formatCount, formatDecimal, formatScore, formatShare, plural } from './format';
import {
  aucInterval,
  aucText,
  effectText,
  errorDigest,
  featureName,
  flaggedText,
  gapKindText,
  gapValue,
  leakageText,
  mostSyntheticRows,
  noiseProfileText,
  referenceErrorDigest,
  referenceText,
  rowLocation,
  settingsText,
  type ErrorDigest,
  verdictLabel,
} from './sentences';
import { html, SafeHtml } from './htmlTemplate';
import { distributionChart } from './htmlCharts';
import { HTML_STYLE } from './htmlStyle';

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** How many of the top gaps get a chart; the rest are in the full table. */
export const CHARTED_GAPS = 6;
const FLAGGED_ROWS = 100;
const PHRASES = 15;
const GROUPS = 10;
const LEAKED_ROWS = 50;
const ERROR_LINES = 20;

const VERDICT_CLASSES: Record<Verdict, string> = {
  'no-gap': 'ok',
  'small-gap': 'warn',
  gap: 'warn',
  'large-gap': 'bad',
  'insufficient-data': 'none',
};

export function formatHtml(report: GapReport): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new SafeHtml(HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Synthgap report</title>
<style>${new SafeHtml(HTML_STYLE)}</style>
</head>
<body>
<header>
<h1>Synthgap report</h1>
<p class="muted">${settingsText(report)}</p>
<p><strong>Reference:</strong> <span class="text">${referenceText(report)}</span></p>
${noiseProfileText(report) ? html`<p class="muted">${noiseProfileText(report)}</p>` : ''}
${errorList(referenceErrorDigest(report, ERROR_LINES))}
</header>
${report.datasets.length === 0 ? html`<p>No synthetic dataset was compared.</p>` : summaryTable(report.datasets)}
${report.datasets.map(datasetSection)}
${
  report.warnings.length > 0 &&
  html`<section class="warnings"><h3>Warnings</h3><ul>${report.warnings.map((w) => html`<li>${w}</li>`)}</ul></section>`
}
</body>
</html>
`;
  return page.value;
}

/** The kind of gap, its figures and lever (gap/gapKind.ts); nothing for a report written before kinds were named. */
function gapKindParagraph(summary: DatasetSummary): SafeHtml | string {
  const kind = gapKindText(summary);
  return kind ? html`<p class="gap-kind">${kind}.</p>` : '';
}

function pill(verdict: Verdict): SafeHtml {
  return html`<span class="pill ${VERDICT_CLASSES[verdict] ?? 'none'}">${verdictLabel(verdict)}</span>`;
}

function summaryTable(datasets: readonly DatasetReport[]): SafeHtml {
  return html`<table>
<thead><tr><th>Dataset</th><th>Verdict</th><th class="n">AUC [95% CI]</th><th class="n">Rows</th><th class="n">Flagged</th></tr></thead>
<tbody>${datasets.map((d, i) => {
    const s = d.summary;
    const share = s.rows > 0 ? s.flagged / s.rows : 0;
    return html`<tr><td class="text"><a href="#dataset-${i + 1}">${d.file}</a></td><td>${pill(s.verdict)}</td><td class="n">${aucInterval(s.auc, s.aucLow, s.aucHigh)}</td><td class="n">${formatCount(s.rows)}</td><td class="n">${formatCount(s.flagged)} (${formatShare(share)})</td></tr>`;
  })}</tbody>
</table>`;
}

function datasetSection(dataset: DatasetReport, index: number): SafeHtml {
  const { summary } = dataset;
  return html`<section id="dataset-${index + 1}">
<h2>${dataset.file} ${pill(summary.verdict)}</h2>
<p class="headline">${summary.headline}</p>
${gapKindParagraph(summary)}
<p class="muted">${aucText(summary)} · ${flaggedText(summary)}</p>
${gapsSection(dataset.gaps)}
${phrasesSection(dataset)}
${diversitySection(dataset)}
${coverageSection(dataset)}
${labelSection(dataset)}
${leakageSection(dataset)}
${flaggedSection(dataset)}
${errorList(errorDigest(dataset.skipped, dataset.errors, ERROR_LINES, dataset.file), html`<h3>Skipped lines</h3>`)}
</section>`;
}

function gapsSection(gaps: readonly FeatureGap[]): SafeHtml | false {
  if (gaps.length === 0) return false;
  const cards = gaps.slice(0, CHARTED_GAPS).map(
    (g) => html`<figure class="card"><h4>${g.name}</h4>${distributionChart(g)}<p>${g.sentence}</p><p class="muted">Real ${gapValue(g, 'real')} · synthetic ${gapValue(g, 'synthetic')} · effect ${effectText(g)}</p></figure>`,
  );
  const rows = gaps.map(
    (g) => html`<tr><td>${g.name}</td><td class="n">${gapValue(g, 'real')}</td><td class="n">${gapValue(g, 'synthetic')}</td><td class="n">${effectText(g)}</td><td class="n">${formatDecimal(g.ks, 2)}</td><td class="text">${g.sentence}</td></tr>`,
  );
  return html`<h3>Gaps</h3>
<p class="legend">Largest first.<span class="swatch real"></span>real<span class="swatch synthetic"></span>synthetic (dashed: mean)</p>
<div class="cards">${cards}</div>
<details><summary>All ${plural(gaps.length, 'feature')}</summary>
<table class="wide"><thead><tr><th>Feature</th><th class="n">Real</th><th class="n">Synthetic</th><th class="n">Effect</th><th class="n">KS</th><th>What it means</th></tr></thead><tbody>${rows}</tbody></table>
</details>`;
}

function phrasesSection(dataset: DatasetReport): SafeHtml | false {
  const { phrases } = dataset;
  if (phrases.overSynthetic.length + phrases.overReal.length === 0) return false;
  return html`<h3>Phrases</h3>
<p class="muted">Counts over ${plural(phrases.syntheticRows, 'synthetic row')} and ${plural(phrases.realRows, 'real row')}.</p>
<div class="two">${phraseTable('Over-used in synthetic text', phrases.overSynthetic)}${phraseTable('Over-used in real text', phrases.overReal)}</div>`;
}

function phraseTable(title: string, phrases: readonly PhraseStat[]): SafeHtml | false {
  if (phrases.length === 0) return false;
  return html`<div><h4>${title}</h4><table class="wide"><thead><tr><th>Phrase</th><th class="n">Synthetic</th><th class="n">Real</th><th class="n">z</th></tr></thead><tbody>${phrases
    .slice(0, PHRASES)
    .map(
      (p) => html`<tr><td class="text">${excerpt(p.phrase, 60)}</td><td class="n">${formatCount(p.syntheticCount)}</td><td class="n">${formatCount(p.realCount)}</td><td class="n">${formatDecimal(p.z, 1)}</td></tr>`,
    )}</tbody></table></div>`;
}

function diversitySection(dataset: DatasetReport): SafeHtml {
  const { real, synthetic, nearDuplicateGroups: groups } = dataset.diversity;
  const measure = (name: string, a: number, b: number, digits = 2): SafeHtml =>
    html`<tr><td>${name}</td><td class="n">${formatDecimal(a, digits)}</td><td class="n">${formatDecimal(b, digits)}</td></tr>`;
  return html`<h3>Diversity</h3>
<p>${dataset.diversity.sentence}</p>
<div class="two"><table class="wide"><thead><tr><th>Measure</th><th class="n">Real</th><th class="n">Synthetic</th></tr></thead><tbody>
${measure('Distinct words (distinct-1)', real.distinct1, synthetic.distinct1)}
${measure('Distinct word pairs (distinct-2)', real.distinct2, synthetic.distinct2)}
${measure('Compression ratio (lower repeats more)', real.compressionRatio, synthetic.compressionRatio)}
${measure('Similarity to nearest row', real.meanNearestSimilarity, synthetic.meanNearestSimilarity)}
${measure('Rows', real.rows, synthetic.rows, 0)}
</tbody></table>
${
  groups.length > 0 &&
  html`<div><h4>Near-duplicate groups (similarity ≥ ${formatDecimal(dataset.diversity.similarityThreshold, 2)})</h4><table class="wide"><thead><tr><th class="n">Rows</th><th>Lines</th><th>Example</th></tr></thead><tbody>${groups
    .slice(0, GROUPS)
    .map(
      (g) => html`<tr><td class="n">${formatCount(g.size)}</td><td>${g.lines.map(formatCount).join(', ')}${g.size > g.lines.length ? ', …' : ''}</td><td class="text">${excerpt(g.examples[0] ?? '')}</td></tr>`,
    )}</tbody></table></div>`
}</div>`;
}

function coverageSection(dataset: DatasetReport): SafeHtml {
  const { coverage } = dataset;
  return html`<h3>Coverage</h3>
<p>${coverage.sentence}</p>
${clusterTable('Real clusters with few synthetic rows near', coverage.missing)}
${clusterTable('Synthetic clusters with no real rows near', coverage.syntheticOnly)}`;
}

function clusterTable(title: string, clusters: readonly CoverageCluster[]): SafeHtml | false {
  if (clusters.length === 0) return false;
  return html`<h4>${title}</h4><table class="wide"><thead><tr><th class="n">Cluster</th><th class="n">Real</th><th class="n">Synthetic</th><th>Label</th><th>Examples</th></tr></thead><tbody>${clusters.map(
    (c) => html`<tr><td class="n">${c.id}</td><td class="n">${formatShare(c.realShare)}</td><td class="n">${formatShare(c.syntheticShare)}</td><td>${c.label ?? ''}</td><td class="text">${c.examples
      .slice(0, 3)
      .map(
        (example, i) =>
          html`<div>${c.exampleLines[i] === undefined ? '' : html`<span class="muted">line ${formatCount(c.exampleLines[i])}:</span> `}${excerpt(example, 200)}</div>`,
      )}</td></tr>`,
  )}</tbody></table>`;
}

function labelSection(dataset: DatasetReport): SafeHtml | false {
  const { labels, onlyReal, onlySynthetic } = dataset.byLabel;
  if (labels.length + onlyReal.length + onlySynthetic.length === 0) return false;
  return html`<h3>By label</h3>
${
  labels.length > 0 &&
  html`<table><thead><tr><th>Label</th><th class="n">Real rows</th><th class="n">Synthetic rows</th><th class="n">AUC</th><th>Biggest gap</th></tr></thead><tbody>${labels.map(
    (l) => html`<tr><td class="text">${l.label}</td><td class="n">${formatCount(l.realRows)}</td><td class="n">${formatCount(l.syntheticRows)}</td><td class="n">${formatDecimal(l.auc, 2)}</td><td>${l.topGap === undefined ? '' : featureName(dataset, l.topGap)}</td></tr>`,
  )}</tbody></table>`
}
${onlyReal.length > 0 && html`<p>Only in real rows: <span class="text">${onlyReal.join(', ')}</span></p>`}
${onlySynthetic.length > 0 && html`<p>Only in synthetic rows: <span class="text">${onlySynthetic.join(', ')}</span></p>`}`;
}

function leakageSection(dataset: DatasetReport): SafeHtml {
  const { leakage } = dataset;
  const shown = leakage.rows.slice(0, LEAKED_ROWS);
  return html`<h3>Leakage</h3>
<p>${leakageText(leakage)}</p>
${
  shown.length > 0 &&
  html`<table><thead><tr><th class="n">Line</th><th>Reference</th><th class="n">Similarity</th><th>Kind</th></tr></thead><tbody>${shown.map(
    (r) => html`<tr><td class="n">${formatCount(r.line)}</td><td class="text">${r.referenceFile}:${r.referenceLine}</td><td class="n">${formatDecimal(r.similarity, 2)}</td><td>${r.exact ? 'exact' : 'near'}</td></tr>`,
  )}</tbody></table>`
}
${leakage.rows.length > shown.length && html`<p class="muted">… and ${formatCount(leakage.rows.length - shown.length)} more.</p>`}`;
}

function flaggedSection(dataset: DatasetReport): SafeHtml | false {
  const rows = mostSyntheticRows(dataset, FLAGGED_ROWS);
  if (rows.length === 0) return false;
  return html`<h3>Most synthetic-looking rows</h3>
<p class="muted">Top ${formatCount(rows.length)} of ${formatCount(dataset.summary.flagged)} flagged, highest score first.</p>
<table class="wide"><thead><tr><th>Row</th><th class="n">Score</th><th class="n">Percentile</th><th>Label</th><th>Reasons</th></tr></thead><tbody>${rows.map(
    (r) => html`<tr><td class="nowrap">${rowLocation(r)}</td><td class="n">${formatScore(r.score)}</td><td class="n">${formatShare(r.percentile)}</td><td>${r.label ?? ''}</td><td class="text">${r.reasons
      .map((reason) => excerpt(reason.message))
      .join('; ')}</td></tr>`,
  )}</tbody></table>`;
}

function errorList(digest: ErrorDigest | undefined, title?: SafeHtml): SafeHtml | false {
  if (!digest) return false;
  return html`${title}<p>${digest.heading}:</p><ul>${digest.lines.map((line) => html`<li class="text">${excerpt(line, 200)}</li>`)}${
    digest.more && html`<li class="muted">${digest.more}</li>`
  }</ul>`;
}
