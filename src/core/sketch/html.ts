// A sketch report as one self-contained HTML page (synthgap merge --format html): no script and no network, the
// saved report page's head and theme colors (report/staticPage.ts), light or dark as the reader's system is
// (prefers-color-scheme; the verdict's badge in the theme's chart colors), and every number and text through report/format.ts as in every other view.
import { escapeHtml, excerpt, formatAuc, formatAucRange, formatCount, formatShare, plural } from '../exporters/format';
import { verdictLabel } from '../exporters/sentences';
import { checkNonce, pageHead, STATIC_FONT, themeDeclarations } from '../exporters/staticPage';
import { nearDuplicateText, similarText } from './format';
import type { SketchPhrase, SketchReport } from './report';

/** Gaps shown before the "more" fold: as many as the text report prints, so both lead with the same ones. */
const SHOWN_GAPS = 8;
/** Labels shown before the fold, as in the text report; a 150-intent dataset would bury the rest. */
const SHOWN_LABELS = 20;
/** Longest phrase or file name shown whole: a row's worth on a 600 px page. */
const SHOWN_TEXT = 120;

const text = (value: string): string => escapeHtml(excerpt(value, SHOWN_TEXT));
// A place as the text report and editors write it (file:1234, no thousands separator), so it can be pasted.
const ref = (r: { file: string; line: number }): string => `<code>${text(r.file)}:${r.line}</code>`;


const STYLE = `
body { ${themeDeclarations('light')} ${STATIC_FONT} }
@media (prefers-color-scheme: dark) { body { ${themeDeclarations('dark')} } }
html, body { background: var(--vscode-editor-background); color: var(--vscode-foreground); }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.45; margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 60rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; font-weight: 600; }
h2 { font-size: 1.05rem; margin: 1.8rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--vscode-panel-border); font-weight: 600; }
.headline { font-size: 1.1rem; margin: .25rem 0 1rem; }
.figures { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: .5rem .75rem; min-width: 9rem; }
.figures .value { display: block; font-size: 1.25rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figures .label, .muted { color: var(--vscode-descriptionForeground); }
.verdict { display: inline-block; padding: .1rem .5rem; border-radius: 3px; color: #fff; font-weight: 600; font-size: .9rem; vertical-align: middle; background: var(--vscode-descriptionForeground); }
.verdict-gap, .verdict-large-gap { background: var(--vscode-charts-red); }
.verdict-small-gap { background: var(--vscode-charts-orange); }
.verdict-no-gap { background: var(--vscode-charts-green); }
.warning { border-left: 4px solid var(--vscode-charts-orange); padding: .4rem .75rem; margin: .75rem 0; background: var(--vscode-editorHoverWidget-background); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.gaps { padding-left: 1.2rem; margin: .25rem 0; }
details summary { cursor: pointer; color: var(--vscode-textLink-foreground); margin: .4rem 0; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .92em; }
`;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const cell = (tag: string, k: number, value: string): string => `<${tag}${numeric[k] ? ' class="num"' : ''}>${value}</${tag}>`;
  return `<table><thead><tr>${head.map((h, k) => cell('th', k, escapeHtml(h))).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v, k) => cell('td', k, v)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The first `shown` items, and the rest folded in a details element that says how many it holds. */
function folded<T>(items: readonly T[], shown: number, what: string, render: (items: readonly T[]) => string): string {
  if (items.length <= shown) return render(items);
  return `${render(items.slice(0, shown))}<details><summary>${escapeHtml(plural(items.length - shown, `more ${what}`))}</summary>${render(items.slice(shown))}</details>`;
}

/**
 * Phrases with their rows and shares, as the text report words them. No z: a phrase is listed because it passed
 * its test (sketch/report.ts), and the model's phrases' pooled-prior z reads small next to many rows (0.7 for 2.9%
 * against 1.1% on a million), which a reader would take for "not significant".
 */
function phraseTable(phrases: readonly SketchPhrase[], rows: number): string {
  return table(
    ['Phrase', 'Rows', 'Share', 'Reference share'],
    phrases.map((p) => [
      `<q>${text(p.phrase)}</q>`,
      `${p.exact ? '' : 'about '}${formatCount(p.rows)}`,
      formatShare(rows > 0 ? p.rows / rows : 0),
      p.referenceCount !== undefined && p.referenceRows ? formatShare(p.referenceCount / p.referenceRows) : '<span class="muted">not in the model</span>',
    ]),
    [false, true, true, true],
  );
}

/**
 * The page of a merged sketch report. `nonce` (16 or more base-64 characters, fresh per page) lets the one inlined
 * stylesheet apply under a CSP that allows nothing else.
 */
export function sketchReportHtml(report: SketchReport, options: { readonly nonce: string; readonly title?: string }): string {
  const nonce = checkNonce(options.nonce);
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`].join('; ');
  const share = (n: number): string => formatShare(report.rows > 0 ? n / report.rows : 0);
  const body: string[] = [
    `<h1>Synthgap report <span class="muted">(merged sketches)</span></h1>`,
    `<p class="headline"><span class="verdict verdict-${report.verdict}">${escapeHtml(verdictLabel(report.verdict))}</span> ${escapeHtml(report.headline)}</p>`,
    `<ul class="figures">`,
    `<li><span class="value">${formatAuc(report.auc)}</span><span class="label">AUC (95% ${escapeHtml(formatAucRange(report.aucLow, report.aucHigh))})</span></li>`,
    `<li><span class="value">${formatCount(report.rows)}</span><span class="label">rows against ${formatCount(report.referenceRows)} reference rows</span></li>`,
    `<li><span class="value">${formatCount(report.flagged)}</span><span class="label">flagged (${share(report.flagged)})</span></li>`,
    `<li><span class="value">${report.nearDuplicateExact ? '' : '~'}${formatCount(report.nearDuplicateRows)}</span><span class="label">rows repeat another row's text</span></li>`,
    `</ul>`,
  ];
  for (const warning of report.warnings) body.push(`<p class="warning"><strong>Warning:</strong> ${escapeHtml(warning)}</p>`);
  if (report.errors > 0) body.push(`<p class="warning">Unreadable lines: ${formatCount(report.errors)} (first: ${report.errorLines.map(ref).join(', ')})</p>`);
  body.push('<h2>Gaps</h2>', folded(report.gaps, SHOWN_GAPS, 'feature', (gaps) => `<ul class="gaps">${gaps.map((g) => `<li>${escapeHtml(g.sentence)}</li>`).join('')}</ul>`));
  if (report.modelPhrases.length > 0) body.push("<h2>The model's over-used phrases</h2>", phraseTable(report.modelPhrases, report.rows));
  if (report.commonPhrases.length > 0) body.push('<h2>Common phrases</h2>', '<p class="muted">Counts of phrases the model does not hold are count-min estimates (never lower than the true count).</p>', phraseTable(report.commonPhrases, report.rows));
  if (report.newPhrasesTested > 0) {
    body.push("<h2>Over-used phrases the model does not hold</h2>", `<p class="muted">${escapeHtml(`${plural(report.newPhrasesTested, 'candidate')} tested against the reference's counts (at least the rows shown here, at most the reference's): `)}${report.newPhrases.length === 0 ? 'none beyond chance.' : 'over-used beyond chance:'}</p>`);
    if (report.newPhrases.length > 0) body.push(phraseTable(report.newPhrases, report.rows));
  }
  if (report.labels.length > 0) {
    const labels = [...report.labels].sort((a, b) => b.flagged - a.flagged || b.rows - a.rows || (a.label < b.label ? -1 : 1));
    const render = (list: readonly (typeof labels)[number][]): string =>
      table(['Label', 'Rows', 'Flagged', 'Flagged share'], list.map((l) => [text(l.label), formatCount(l.rows), formatCount(l.flagged), formatShare(l.rows > 0 ? l.flagged / l.rows : 0)]), [false, true, true, true]);
    body.push('<h2>Per label</h2>', folded(labels, SHOWN_LABELS, 'label', render));
  }
  body.push('<h2>Near-duplicates</h2>', `<p>${escapeHtml(`${nearDuplicateText(report)}.`)}</p>`);
  const about = report.nearDuplicateExact ? '' : 'about ';
  if (report.nearDuplicateGroups.length > 0) {
    body.push(table(['Rows', 'Where (first rows by file and line)'], report.nearDuplicateGroups.map((g) => [`${about}${formatCount(g.size)}`, `${g.rows.map(ref).join(', ')}${g.size > g.rows.length ? ', …' : ''}`]), [true, false]));
  }
  body.push('<h2>A few words apart</h2>', `<p>${escapeHtml(`${similarText(report)}.`)}</p>`);
  const least = report.similarExact ? '' : 'at least ';
  if (report.similarGroups.length > 0) {
    body.push(table(['Rows', 'Where (first rows by file and line)'], report.similarGroups.map((g) => [`${least}${formatCount(g.size)}`, `${g.rows.map(ref).join(', ')}${g.size > g.rows.length ? ', …' : ''}`]), [true, false]));
  }
  return `${pageHead(csp, options.title ?? 'Synthgap report (merged sketches)')}
<meta name="color-scheme" content="light dark">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
