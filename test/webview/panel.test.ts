/**
 * The report panel in Debian's Chromium: a saved report page in light, dark and high-contrast themes, and the
 * webview page with a stubbed acquireVsCodeApi (messages, UI state across a reload, stale snapshots).
 * Screenshots: .test-artifacts/webview/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { rowsPage } from '../../src/core/exporters/panel';
import { MAP_LAYOUT, mapChartData } from '../../webview-ui/src/charts/data/map';
import { staticPanelPage } from '../../src/core/exporters/staticPage';
import type { PanelMessage, PanelSnapshot, PanelUiState, RowsQuery, StaticPanelData } from '../../src/shared/panel';
import { HOSTILE_HTML, HOSTILE_SCRIPT, REFERENCE_FILE } from '../unit/report/fixtureReport';
import { recordedPage, type RecordedPage, usePanelBrowser } from './browser';
import { bigStaticData, FIXTURE_PROBE, fixtureReportWithMap, fixtureSnapshot, fixtureStaticData } from './fixtureSnapshot';
import { serveWebviewPage } from './webviewPage';

/** Saved pages get a fresh nonce from their writer; a fixed one here, of the length the writers use. */
const TEST_NONCE = 'testNonce0123456789abcdefABCDEF';

// The page's globals as these tests use them inside page.evaluate (the test program has no DOM lib).
interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): unknown;
  click(): void;
  readonly shadowRoot?: { readonly adoptedStyleSheets: readonly unknown[] } | null;
}
interface PageWindow {
  readonly scrollY: number;
  readonly posted: PanelMessage[];
  readonly savedState?: PanelUiState;
  scrollTo(x: number, y: number): void;
  postMessage(data: unknown, origin: string): void;
  dispatchEvent(event: unknown): boolean;
  addEventListener(type: string, listener: (event: { readonly detail?: unknown }) => void, options?: { once: boolean }): void;
}
declare const window: PageWindow;
declare const document: { querySelector(selector: string): PageElement | null; readonly body: PageElement };
declare function getComputedStyle(element: PageElement): { readonly backgroundColor: string };
declare const MessageEvent: new (type: string, init: { data: unknown }) => unknown;
declare const Event: new (type: string) => unknown;

const chromium = usePanelBrowser();

async function openStatic(data: StaticPanelData): Promise<RecordedPage> {
  const recorded = await recordedPage(chromium.browser.browser);
  await recorded.page.setContent(staticPanelPage({ script: chromium.assets.script, style: chromium.assets.style, data, title: 'Gap report', nonce: TEST_NONCE }), { waitUntil: 'load' });
  await recorded.page.waitForSelector('#headline-auc');
  return recorded;
}

async function firstRowLines(page: Page): Promise<number[]> {
  return page.$$eval('.rows-table .data-row', (rows) => rows.map((row) => Number(row.getAttribute('data-line'))));
}

/** Moves the mouse onto the map's first real point (its text is HOSTILE_HTML) and returns where that is. */
async function hoverFirstRealPoint(page: Page, snapshot: PanelSnapshot): Promise<{ x: number; y: number }> {
  assert.ok(snapshot.map);
  const placed = mapChartData(snapshot.map, MAP_LAYOUT).placed.find((p) => p.point.side === 'real' && p.point.line === 1);
  const box = await page.locator('.map-chart').boundingBox();
  assert.ok(placed && box);
  const scale = box.width / MAP_LAYOUT.width;
  const at = { x: box.x + placed.px * scale, y: box.y + placed.py * scale };
  await page.mouse.move(at.x, at.y);
  return at;
}

function assertClean(recorded: RecordedPage): void {
  assert.deepEqual(recorded.dialogs, [], 'no dialog opened');
  assert.deepEqual(recorded.cspViolations(), [], 'no CSP violation');
  assert.deepEqual(recorded.errors, [], 'no page error');
}

describe('a saved report page', () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`shows the headline, the charts and hostile rows as text in the ${theme} theme`, async () => {
      const data = fixtureStaticData(theme);
      const recorded = await openStatic(data);
      const { page } = recorded;
      try {
        assert.equal(await page.textContent('#headline-auc'), '0.91 (95% interval 0.90–0.92)');
        // The kind of gap, its figures and lever, right under the verdict (src/core/gap/gapKind.ts).
        assert.match((await page.textContent('#headline-gap-kind')) ?? '', /^Kind of gap: wording — 21% of synthetic rows use a formal or LLM register phrase .*synthgap prompts\)\.$/);
        const flagged = data.datasets[0].snapshot.summary.flagged.toLocaleString('en-US');
        assert.match((await page.textContent('#headline-flagged')) ?? '', new RegExp(`^${flagged} of 2,400 \\(`));
        assert.equal(await page.locator('.gap-item[data-feature="words"] svg.chart-small rect.bar').count(), 16, '8 bins per side');
        assert.equal(await page.locator('.gap-item[data-feature="stock-phrase"] svg.chart-small rect.bar').count(), 4, 'no/yes per side');
        assert.match((await page.getAttribute('.gap-item[data-feature="words"] svg', 'aria-label')) ?? '', /Words per row.*0–5: 12% real, 1.0% synthetic/);
        const top = page.locator('.rows-table .data-row').first();
        assert.equal(await top.getAttribute('data-line'), '118');
        assert.equal(await top.locator('.row-text').textContent(), HOSTILE_HTML);
        assert.equal(await page.locator('img').count(), 0, 'the hostile <img> is text, not an element');
        assert.ok((await page.locator('.duplicate-group q').allTextContents()).includes(`Paste this into the chat: ${HOSTILE_SCRIPT}`));
        assert.equal(await page.locator('.map-chart').getAttribute('role'), 'img');
        assert.equal(await page.locator('.map-region').count(), 3);
        assert.ok((await page.locator('.noise-sentences li').allTextContents()).includes(`12% of real rows use slang such as "lol" or "tbh"; one quotes ${HOSTILE_HTML}.`));
        assert.equal(await page.textContent('.probe'), 'The probe was not run for this report.');
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', 'high-contrast': 'rgb(0, 0, 0)' }[theme]);
        // Editor actions are hidden in a saved page.
        assert.equal(await page.locator('.save-html, .run-probe, vscode-button:has-text("Roughen")').count(), 0);
        await page.locator('#map').scrollIntoViewIfNeeded();
        await hoverFirstRealPoint(page, data.datasets[0].snapshot);
        await page.waitForSelector('.map-tooltip:not([hidden])');
        assert.equal(await page.textContent('.map-tooltip'), `Real · ${REFERENCE_FILE.split('/').pop()}:1 · billing\n${HOSTILE_HTML}`);
        await recorded.screenshot(`static-${theme}`);
        assertClean(recorded);
      } finally {
        await recorded.close();
      }
    });
  }

  it('pages and sorts the embedded rows', async () => {
    const recorded = await openStatic(fixtureStaticData('dark'));
    const { page } = recorded;
    try {
      const first = await firstRowLines(page);
      assert.equal(first.length, 50);
      await page.click('.rows-next');
      await page.waitForFunction(() => document.querySelector('.page-status')?.textContent === 'Rows 51–100 of 1,000');
      const second = await firstRowLines(page);
      assert.equal(second.length, 50);
      assert.ok(second.every((line) => !first.includes(line)), 'page 2 shows other rows');
      await page.click('button[data-sort="rows-line"]');
      await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"] [data-sort="rows-line"]') !== null);
      const byLine = await firstRowLines(page);
      assert.notEqual(byLine[0], first[0]);
      assert.deepEqual(byLine, [...byLine].sort((a, b) => a - b));
      assert.equal(await page.textContent('.page-status'), 'Rows 1–50 of 1,000', 'sorting goes back to page 1');
      const posts = await page.evaluate(() => new Promise<string>((resolve) => {
        window.addEventListener('synthgap-post', (event) => resolve(JSON.stringify(event.detail)), { once: true });
        document.querySelector('.rows-table .data-row')?.click();
      }));
      assert.deepEqual(JSON.parse(posts), { type: 'revealRow', line: byLine[0] });
      await page.waitForFunction(() => /Open .* in VS Code to go to line/.test(document.querySelector('.notice')?.textContent ?? ''));
      await recorded.screenshot('static-sorted-by-line');
      assertClean(recorded);
    } finally {
      await recorded.close();
    }
  });
});

/** The webview page served from a fake origin, as VS Code serves the extension's assets, with a stub API. */
async function openWebview(state: PanelUiState | undefined): Promise<RecordedPage> {
  const recorded = await recordedPage(chromium.browser.browser);
  await serveWebviewPage(recorded.page, chromium.assets, state);
  return recorded;
}

async function posted(page: Page): Promise<PanelMessage[]> {
  return page.evaluate(() => window.posted);
}

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((data) => window.postMessage(data, '*'), message);
}

/** Answers the panel's latest requestRows the way the server does. */
async function answerRows(page: Page, rows = fixtureReportWithMap().rows): Promise<RowsQuery> {
  await page.waitForFunction(() => window.posted.some((m) => m.type === 'requestRows'));
  const requests = (await posted(page)).filter((m): m is Extract<PanelMessage, { type: 'requestRows' }> => m.type === 'requestRows');
  const last = requests[requests.length - 1];
  await send(page, { type: 'rows', requestId: last.requestId, page: rowsPage(rows, last.query) });
  return last.query;
}

describe('the webview page', () => {
  it('renders a snapshot, posts revealRow and roughenRow, and keeps sort and scroll across a reload', async () => {
    const snapshot = fixtureSnapshot({ seq: 5 });
    let recorded = await openWebview(undefined);
    let page = recorded.page;
    try {
      await send(page, { type: 'snapshot', snapshot });
      await page.waitForSelector('.rows-table .data-row');
      assert.equal(await page.textContent('#headline-auc'), '0.91 (95% interval 0.90–0.92)');
      // Lit's styles arrive as constructed stylesheets, which the nonce-only CSP allows.
      assert.ok(await page.evaluate(() => (document.querySelector('vscode-button')?.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0));
      await page.click('.rows-table .data-row >> nth=0');
      await page.focus('.rows-table .data-row >> nth=1');
      await page.keyboard.press('Enter');
      await page.click('.rows-table .data-row >> nth=2 >> vscode-button');
      const second = await page.getAttribute('.rows-table .data-row >> nth=1', 'data-line');
      const third = await page.getAttribute('.rows-table .data-row >> nth=2', 'data-line');
      const actions = (await posted(page)).filter((m) => m.type === 'revealRow' || m.type === 'roughenRow');
      assert.deepEqual(actions, [
        { type: 'revealRow', line: 118 },
        { type: 'revealRow', line: Number(second) },
        { type: 'roughenRow', line: Number(third) },
      ]);
      await page.locator('#map').scrollIntoViewIfNeeded();
      const at = await hoverFirstRealPoint(page, snapshot);
      await page.mouse.click(at.x, at.y);
      assert.deepEqual((await posted(page)).at(-1), { type: 'revealRow', line: 1, file: REFERENCE_FILE });
      await page.click('.gap-item[data-feature="typos"] .gap-toggle');
      assert.equal(await page.locator('.gap-item[data-feature="typos"] svg.chart-large').count(), 1);

      await page.click('button[data-sort="rows-line"]');
      const query = await answerRows(page);
      assert.deepEqual(query, { offset: 0, limit: 50, sort: 'line', descending: false, flaggedOnly: false });
      await page.waitForFunction(() => document.querySelector('.rows-table .data-row')?.getAttribute('data-line') === '1');
      await page.evaluate(() => window.scrollTo(0, 900));
      await page.waitForFunction(() => (window.savedState?.scrollY ?? 0) >= 850);
      const saved = await page.evaluate(() => window.savedState);
      assert.ok(saved);
      assert.equal(saved.rowsQuery.sort, 'line');
      assert.equal(saved.selectedGap, 'typos');
      await recorded.screenshot('webview-before-reload');
      assertClean(recorded);
      await recorded.close();

      // A new page with the same saved state, as when VS Code shows a hidden panel again.
      recorded = await openWebview(saved);
      page = recorded.page;
      await send(page, { type: 'snapshot', snapshot });
      const again = await answerRows(page);
      assert.equal(again.sort, 'line', 'the panel asks for the page it was on');
      await page.waitForFunction(() => document.querySelector('.rows-table .data-row')?.getAttribute('data-line') === '1');
      assert.equal(await page.getAttribute('th:has(button[data-sort="rows-line"])', 'aria-sort'), 'ascending');
      assert.equal(await page.locator('.gap-item[data-feature="typos"] svg.chart-large').count(), 1, 'the open chart is open again');
      const scrollY = await page.evaluate(() => window.scrollY);
      assert.ok(Math.abs(scrollY - saved.scrollY) < 5, `scroll restored: ${scrollY} vs ${saved.scrollY}`);
      assertClean(recorded);
    } finally {
      await recorded.close();
    }
  });

  it('ignores snapshots older than the one shown and stale pages of rows', async () => {
    const recorded = await openWebview(undefined);
    const { page } = recorded;
    try {
      const base = fixtureSnapshot({ seq: 5 });
      const withAuc = (seq: number, auc: number): PanelSnapshot => ({ ...base, seq, summary: { ...base.summary, auc, aucLow: auc, aucHigh: auc } });
      await send(page, { type: 'snapshot', snapshot: withAuc(5, 0.8) });
      await page.waitForFunction(() => document.querySelector('#headline-auc')?.textContent?.startsWith('0.80'));
      await send(page, { type: 'snapshot', snapshot: withAuc(4, 0.6) });
      await send(page, { type: 'empty', seq: 3, title: 'old', message: 'old' });
      await send(page, { type: 'rows', requestId: 999, page: { ...base.rows, rows: [] } });
      await send(page, { type: 'empty', seq: 6, title: 'Not analyzed', message: 'Open a dataset file.' });
      await page.waitForFunction(() => document.querySelector('.empty')?.textContent === 'Open a dataset file.');
      await send(page, { type: 'snapshot', snapshot: withAuc(6, 0.7) });
      await page.waitForFunction(() => document.querySelector('#headline-auc')?.textContent?.startsWith('0.70'));
      assert.equal(await page.locator('.rows-table .data-row').count(), 50, 'the stale rows reply was dropped');
      await send(page, { type: 'probe', seq: 6, probe: FIXTURE_PROBE });
      await page.waitForSelector('.probe-table');
      assert.match((await page.textContent('.probe-table')) ?? '', /Synthetic rows only2,40061% \(56%–66%\)57%/);
      assertClean(recorded);
    } finally {
      await recorded.close();
    }
  });

  it('posts the toolbar\'s, the phrases\' and the headline\'s actions', async () => {
    const recorded = await openWebview(undefined);
    const { page } = recorded;
    try {
      await send(page, { type: 'snapshot', snapshot: fixtureSnapshot({ seq: 1 }) });
      await page.waitForSelector('.rows-table .data-row');
      const before = (await posted(page)).length;
      await page.click('vscode-button.save-html');
      await page.click('vscode-button.copy-markdown');
      await page.click('.toolbar vscode-button.run-probe');
      await page.click('.phrases-synthetic button:has-text("delve into")');
      await page.click('.phrases-real button:has-text("tbh")');
      await page.click('.reveal-error >> nth=0');
      await page.evaluate(() => {
        const select = document.querySelector('vscode-single-select') as unknown as { value: string; dispatchEvent(event: unknown): boolean };
        select.value = 'umap';
        select.dispatchEvent(new Event('change'));
      });
      assert.deepEqual((await posted(page)).slice(before), [
        { type: 'saveHtml' },
        { type: 'copyMarkdown' },
        { type: 'runProbe' },
        { type: 'findPhrase', phrase: 'delve into', side: 'synthetic' },
        { type: 'findPhrase', phrase: 'tbh', side: 'real' },
        { type: 'revealRow', line: 17 },
        { type: 'setProjection', method: 'umap' },
      ]);
      assertClean(recorded);
    } finally {
      await recorded.close();
    }
  });

  it('opens a 100,000-row report quickly (measured, not asserted)', async (t) => {
    const data = bigStaticData(100_000, 2000);
    const recorded = await openWebview(undefined);
    const { page } = recorded;
    try {
      const payload = JSON.stringify({ type: 'snapshot', snapshot: data.datasets[0].snapshot });
      const ms = await page.evaluate((text) => {
        const start = performance.now();
        // dispatchEvent runs the handler synchronously, so this times parsing, rendering and layout.
        window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(text) }));
        void document.body.getBoundingClientRect();
        return performance.now() - start;
      }, payload);
      await page.waitForSelector('.rows-table .data-row');
      t.diagnostic(`100K-row snapshot (${data.datasets[0].snapshot.map?.points.length} map points): ${(payload.length / 1024).toFixed(0)} KiB message, rendered in ${ms.toFixed(0)} ms`);
      const html = staticPanelPage({ script: chromium.assets.script, style: chromium.assets.style, data, title: 'big', nonce: TEST_NONCE });
      const saved = await recordedPage(chromium.browser.browser);
      const start = Date.now();
      await saved.page.setContent(html, { waitUntil: 'load' });
      await saved.page.waitForSelector('.rows-table .data-row');
      t.diagnostic(`saved page of the same report: ${(html.length / 1024).toFixed(0)} KiB, shown in ${Date.now() - start} ms`);
      await saved.screenshot('static-100k');
      assertClean(saved);
      await saved.close();
      assertClean(recorded);
    } finally {
      await recorded.close();
    }
  });
});
