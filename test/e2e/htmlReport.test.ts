// `synthgap check --format html` as a user runs it: the built bin on real files, the page opened in the real
// headless Chromium of the panel tests, and what it shows checked against `--format json` of the same check.
// The editor's "Save as HTML" builds its page from the language server's answers with the same core builder;
// the last tests check that both pages are one page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatAuc, formatAucRange, formatCount, truncate } from '../../src/core/exporters/format';
import { MAX_ROW_TEXT } from '../../src/core/exporters/panel';
import { savedReportPage } from '../../src/core/exporters/staticPage';
import { INLINE_FLAGGED_ROWS } from '../../src/core/exporters/staticRows';
import type { GapReport, RowResult } from '../../src/core/report/types';
import { STATIC_DATA_ELEMENT_ID, type StaticPanelData } from '../../src/shared/panel';
import { panelRowsRequest, panelSnapshotRequest } from '../../src/shared/protocol';
import type { StatusParams } from '../../src/shared/protocol';
import { CLI, EXAMPLES, ROOT, synthgap, tempDir } from '../support/cli';
import { LspClient } from '../server/lspClient';
import { launchBrowser, type TestBrowser } from '../webview/browser';

/** A workspace as a user has it: the examples and a synthgap.json naming the reference. */
function workspace(): string {
  const dir = tempDir('synthgap-html-');
  for (const name of ['real.jsonl', 'synthetic.jsonl', 'real_holdout.jsonl']) copyFileSync(join(EXAMPLES, name), join(dir, name));
  writeFileSync(join(dir, 'synthgap.json'), JSON.stringify({ reference: 'real.jsonl' }));
  return dir;
}

function check(dir: string, args: readonly string[]): string {
  const result = synthgap(['check', ...args, '--quiet'], dir);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

/** The data element of a saved page, parsed as the page's script parses it. */
function pageData(html: string): StaticPanelData {
  const json = new RegExp(`<script type="application/json" id="${STATIC_DATA_ELEMENT_ID}">([^<]*)</script>`).exec(html)?.[1];
  assert.ok(json, 'the page has its data element');
  return JSON.parse(json) as StaticPanelData;
}

/** The page without its data and nonce: what the builder wrote around them. */
function skeleton(html: string): string {
  return html.replace(/(id="synthgap-data">)[^<]*/, '$1').replace(/nonce-[A-Za-z0-9_-]+|nonce="[A-Za-z0-9_-]+"/g, 'NONCE');
}

/** Rows as the panel sorts them by default: score, highest first, then line. */
const byScore = (a: RowResult, b: RowResult) => b.score - a.score || a.line - b.line;

async function open(browser: TestBrowser, file: string, width = 1280): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#headline-auc');
  return { page, problems, close: () => context.close() };
}

describe('synthgap check --format html', () => {
  let dir: string;
  let browser: TestBrowser;
  let report: GapReport;
  let html: string;
  let texts: string[];

  before(async () => {
    dir = workspace();
    report = JSON.parse(check(dir, ['synthetic.jsonl', '--format', 'json'])) as GapReport;
    check(dir, ['synthetic.jsonl', '--format', 'html', '--out', 'report.html']);
    html = readFileSync(join(dir, 'report.html'), 'utf8');
    texts = readFileSync(join(dir, 'synthetic.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('shows the AUC, the flagged count and the flagged rows\' text and reasons that --format json reports', async () => {
    const { summary, rows } = report.datasets[0];
    assert.ok(summary.flagged > 300, `a check that flags rows (${summary.flagged})`);
    const { page, problems, close } = await open(browser, join(dir, 'report.html'));
    try {
      assert.equal(await page.textContent('#headline-auc'), `${formatAuc(summary.auc)} (95% interval ${formatAucRange(summary.aucLow, summary.aucHigh)})`);
      assert.match((await page.textContent('#headline-flagged')) ?? '', new RegExp(`^${formatCount(summary.flagged)} of ${formatCount(summary.rows)} \\(`));
      // Flagged rows only, most synthetic-looking first: the table's first page is the JSON's first 50.
      await page.click('.flagged-only');
      await page.waitForFunction(`document.querySelector('.page-status')?.textContent === ${JSON.stringify(`Rows 1–50 of ${formatCount(summary.flagged)}`)}`);
      const expected = rows.filter((row) => row.flagged).sort(byScore).slice(0, 50);
      const shown = await Promise.all((await page.locator('.rows-table .data-row').all()).map(async (tr) => ({
        line: Number(await tr.getAttribute('data-line')),
        text: (await tr.locator('.row-text').textContent()) ?? '',
        reasons: await tr.locator('.reasons li').allTextContents(),
        score: (await tr.locator('td.num.flagged').textContent()) ?? '',
      })));
      assert.equal(shown.length, 50);
      for (const [i, row] of expected.entries()) {
        assert.equal(shown[i].line, row.line);
        assert.equal(shown[i].text, truncate(texts[row.line - 1], MAX_ROW_TEXT), `line ${row.line}: the row's text`);
        assert.deepEqual(shown[i].reasons, row.reasons.map((reason) => reason.message), `line ${row.line}: its reasons`);
        assert.ok(row.reasons.length > 0, 'every flagged row has a reason');
        assert.match(shown[i].score, /flagged$/);
      }
      assert.deepEqual(problems, [], 'no page error, no CSP violation');
    } finally {
      await close();
    }
  });

  test('is one file that loads nothing: script, style and data inlined under a nonce-only CSP', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-[\w-]+&#39;; script-src &#39;nonce-[\w-]+&#39;$/);
    // The page around the inlined script (whose code mentions elements it never makes from data).
    const around = html.replace(/(<script nonce="[\w-]+">)[\s\S]*?(<\/script>)/, '$1$2');
    assert.equal(around.split('<script').length - 1, 2, 'the data element and the panel script, nothing else');
    assert.ok(!/<(link|iframe|img|base|form|object|embed)\b/i.test(around), 'no element that loads or sends');
    assert.ok(!/\s(src|href|srcset|action)=/i.test(around), 'no attribute that loads');
    const data = pageData(html);
    assert.equal(data.theme, 'auto', 'the reader\'s system theme');
    assert.equal(data.datasets.length, 1);
    // 3,000 rows: every row fits, so nothing is left out and the page says nothing about it.
    assert.equal(data.datasets[0].rows.length, 3000);
    assert.equal(data.datasets[0].rowsNote, undefined);
  });

  test('a check of several files shows each, one at a time, with a file picker that names file, AUC and flagged count', async () => {
    const both = JSON.parse(check(dir, ['synthetic.jsonl', 'real_holdout.jsonl', '--format', 'json'])) as GapReport;
    check(dir, ['synthetic.jsonl', 'real_holdout.jsonl', '--format', 'html', '--out', 'both.html']);
    const { page, problems, close } = await open(browser, join(dir, 'both.html'), 600);
    try {
      const options = await page.$$eval('#file-picker option', (items) => items.map((item) => item.textContent ?? ''));
      assert.deepEqual(options, both.datasets.map((d) => `${d.file} · AUC ${formatAuc(d.summary.auc)} · ${formatCount(d.summary.flagged)} of ${formatCount(d.summary.rows)} flagged`));
      assert.match((await page.textContent('#file-picker-count')) ?? '', /^file 1 of the 2 this check compared with real\.jsonl$/);
      assert.equal(await page.textContent('.toolbar h1'), 'Gap report: synthetic.jsonl');
      await page.selectOption('#file-picker', '1');
      await page.waitForFunction(`document.querySelector('.toolbar h1')?.textContent === 'Gap report: real_holdout.jsonl'`);
      const second = both.datasets[1].summary;
      assert.equal(await page.textContent('#headline-auc'), `${formatAuc(second.auc)} (95% interval ${formatAucRange(second.aucLow, second.aucHigh)})`);
      assert.match((await page.textContent('#headline-flagged')) ?? '', new RegExp(`^${formatCount(second.flagged)} of ${formatCount(second.rows)} \\(`));
      assert.equal(new URL(page.url()).hash, '#file-2', 'a reload or a shared link opens the same file');
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(scrollWidth <= 600, `no sideways scrolling at 600 px (${scrollWidth})`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('a big check inlines the flagged rows up to a cap and says on the page what it left out', { timeout: 300_000 }, async () => {
    // 30,000 rows, nearly all flagged: more than the page keeps.
    writeFileSync(join(dir, 'big.jsonl'), readFileSync(join(dir, 'synthetic.jsonl'), 'utf8').repeat(10));
    check(dir, ['big.jsonl', '--format', 'html', '--out', 'big.html']);
    const size = statSync(join(dir, 'big.html')).size;
    const data = pageData(readFileSync(join(dir, 'big.html'), 'utf8')).datasets[0];
    const { summary } = data.snapshot;
    assert.ok(summary.flagged > INLINE_FLAGGED_ROWS, `flagged ${summary.flagged}`);
    assert.equal(data.rows.filter((row) => row.flagged).length, INLINE_FLAGGED_ROWS);
    assert.ok(size < 20 * 1024 * 1024, `page ${(size / 1024 / 1024).toFixed(1)} MB`);
    const { page, problems, close } = await open(browser, join(dir, 'big.html'));
    try {
      const note = (await page.textContent('.rows-note')) ?? '';
      assert.match(note, new RegExp(`^This page holds ${formatCount(data.rows.length)} of the 30,000 rows: the 10,000 most synthetic-looking of the ${formatCount(summary.flagged)} flagged rows`));
      assert.match(note, /synthgap check --format json lists them all\.$/);
      assert.equal(await page.textContent('.page-status'), `Rows 1–50 of ${formatCount(data.rows.length)}`, 'the table counts the rows the page holds');
      assert.match((await page.textContent('#headline-flagged')) ?? '', new RegExp(`^${formatCount(summary.flagged)} of 30,000`), 'the headline counts every row');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
    console.log(`# 30,000 rows, ${summary.flagged} flagged: ${(size / 1024 / 1024).toFixed(1)} MB page, ${data.rows.length} rows inlined`);
  });

  test('without the page\'s script beside the bin, it says so in one line and exits 2, before any analysis', () => {
    const bin = tempDir('synthgap-bin-');
    copyFileSync(CLI, join(bin, 'cli.js'));
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(bin, 'cli.js'), 'check', 'synthetic.jsonl', '--format', 'html', '--out', 'x.html'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^synthgap: --format html needs the report page's panel\.js, which is missing from .*webview: reinstall synthgap/);
    assert.ok(Date.now() - started < 5000, 'no analysis ran');
    // With the files back beside it, the same copied bin writes the page.
    mkdirSync(join(bin, 'webview'));
    cpSync(join(ROOT, 'dist/webview'), join(bin, 'webview'), { recursive: true });
    for (const file of ['detectorWorker.js', 'words.txt']) copyFileSync(join(ROOT, 'dist', file), join(bin, file));
    const again = spawnSync(process.execPath, [join(bin, 'cli.js'), 'check', 'real_holdout.jsonl', '--format', 'html', '--out', 'x.html', '--quiet'], { cwd: dir, encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
  });

  test('the npm package carries the page\'s script and style next to the bin', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const files = new Set((JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path));
    for (const file of ['dist/cli.js', 'dist/webview/panel.js', 'dist/webview/panel.css']) assert.ok(files.has(file), file);
  });

  test('the editor\'s Save as HTML, built from the language server\'s answers, is the same page as the CLI\'s', { timeout: 180_000 }, async () => {
    const client = await LspClient.start({ folder: dir });
    try {
      const uri = pathToFileURL(join(dir, 'synthetic.jsonl')).href;
      await client.waitForStatus((s: StatusParams) => s.state === 'ready' && s.files.some((f) => f.uri === uri), 120_000);
      // The call src/extension/panelActions.ts saveHtml makes, with the extension's requests (the theme is the
      // editor's there; the CLI's page follows the system, so the comparison takes that one).
      const { snapshot } = await client.send(panelSnapshotRequest, { uri });
      assert.ok(snapshot);
      const script = readFileSync(join(ROOT, 'dist/webview/panel.js'), 'utf8');
      const style = readFileSync(join(ROOT, 'dist/webview/panel.css'), 'utf8');
      const { html: editorPage } = await savedReportPage([{ snapshot, fetchRows: (query) => client.send(panelRowsRequest, { uri, query }) }], {
        script, style, theme: 'auto', nonce: 'editorNonce0123456789abcdef',
      });
      assert.equal(skeleton(editorPage), skeleton(html), 'the same page around the data');
      const cli = pageData(html).datasets[0];
      const editor = pageData(editorPage).datasets[0];
      assert.deepEqual(Object.keys(editor).sort(), Object.keys(cli).sort());
      assert.deepEqual(Object.keys(editor.snapshot).sort(), Object.keys(cli.snapshot).sort(), 'the same sections');
      assert.equal(editor.totalRows, cli.totalRows);
      assert.deepEqual(editor.snapshot.summary, cli.snapshot.summary, 'the same AUC, threshold and flagged count');
      assert.deepEqual(editor.rows.map((row) => row.line), cli.rows.map((row) => row.line), 'the same rows, in the same order');
      assert.deepEqual(editor.rows.map((row) => row.text), cli.rows.map((row) => row.text));
    } finally {
      await client.stop();
    }
  });
});
