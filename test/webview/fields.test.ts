/**
 * A file read field by field in the report panel, in Debian's Chromium, from real analyses of the fine-tuning
 * fixtures: the By field section (schema sentence, each field's AUC and verdict, biggest gap, over-used phrases),
 * the rows table's field selector and the field tag on each row, at 600 px in light and dark themes; the page
 * `synthgap check --format html` writes for an Alpaca file; and nothing of it for a file read for one text.
 * Screenshots: .test-artifacts/webview/fields-*.png.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatAuc, formatAucRange } from '../../src/core/exporters/format';
import { rowsPage } from '../../src/core/exporters/panel';
import type { PanelMessage, PanelSnapshot, RowsQuery } from '../../src/shared/panel';
import { synthgap, tempDir } from '../support/cli';
import { analyzeFinetune, finetuneSnapshot } from '../support/fieldsAnalysis';
import { ARTIFACTS, overflowing, recordedPage, type RecordedPage, usePanelBrowser } from './browser';
import { fixtureSnapshot } from './fixtureSnapshot';
import { THEME_CLASS, themeVariables, type PageTheme } from './themes';
import { serveWebviewPage } from './webviewPage';

// The page's globals as page.evaluate uses them (the test program has no DOM lib).
interface Rect { readonly left: number; readonly right: number; readonly width: number; readonly height: number }
interface PageElement {
  readonly tagName: string;
  readonly className: unknown;
  readonly classList: { add(name: string): void };
  readonly style: { setProperty(name: string, value: string): void };
  getBoundingClientRect(): Rect;
}
interface PageWindow {
  readonly innerWidth: number;
  readonly posted: PanelMessage[];
  postMessage(data: unknown, origin: string): void;
}
declare const window: PageWindow;
declare const document: { readonly body: PageElement; readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number }; querySelectorAll(selector: string): Iterable<PageElement> };

/** The width VS Code gives a panel opened beside an editor in a 1,200 px window. */
const SIDE_BY_SIDE = 600;

const chromium = usePanelBrowser();

async function openPanel(theme: PageTheme, snapshot: PanelSnapshot): Promise<RecordedPage> {
  const recorded = await recordedPage(chromium.browser.browser, { width: SIDE_BY_SIDE, height: 900 });
  await serveWebviewPage(recorded.page, chromium.assets);
  await recorded.page.evaluate(([className, variables]) => {
    document.body.classList.add(className as string);
    for (const [name, value] of Object.entries(variables as Record<string, string>)) document.body.style.setProperty(`--vscode-${name}`, value);
  }, [THEME_CLASS[theme], themeVariables(theme)] as const);
  await recorded.page.evaluate((data) => window.postMessage({ type: 'snapshot', snapshot: data }, '*'), snapshot);
  await recorded.page.waitForSelector('.rows-table .data-row');
  return recorded;
}

/** The panel reopened with a saved UI state (as VS Code hands it back), then given a snapshot. */
async function openPanelWithState(theme: PageTheme, snapshot: PanelSnapshot, state: unknown): Promise<RecordedPage> {
  const recorded = await recordedPage(chromium.browser.browser, { width: SIDE_BY_SIDE, height: 900 });
  await serveWebviewPage(recorded.page, chromium.assets, state);
  await recorded.page.evaluate((className) => document.body.classList.add(className), THEME_CLASS[theme]);
  await recorded.page.evaluate((data) => window.postMessage({ type: 'snapshot', snapshot: data }, '*'), snapshot);
  await recorded.page.waitForSelector('.rows-table');
  return recorded;
}

/** Answers the panel's newest rows request as the server does, from the analysis's rows; returns its query. */
async function answerRows(page: Page, rows: Parameters<typeof rowsPage>[0], seen: number): Promise<RowsQuery> {
  await page.waitForFunction((count) => window.posted.filter((m) => m.type === 'requestRows').length > count, seen);
  const requests = (await page.evaluate(() => window.posted)).filter((m): m is Extract<PanelMessage, { type: 'requestRows' }> => m.type === 'requestRows');
  const last = requests[requests.length - 1];
  await page.evaluate((data) => window.postMessage(data, '*'), { type: 'rows', requestId: last.requestId, page: rowsPage(rows, last.query) });
  return last.query;
}

async function requestCount(page: Page): Promise<number> {
  return page.evaluate(() => window.posted.filter((m) => m.type === 'requestRows').length);
}

/** A screenshot from the top of `from` to the bottom of `to` (at most `maxHeight` px), into .test-artifacts/webview/. */
async function clipped(page: Page, from: string, to: string, name: string, maxHeight = 2000): Promise<void> {
  const [top, bottom] = await Promise.all([page.locator(from).boundingBox(), page.locator(to).boundingBox()]);
  assert.ok(top && bottom);
  const y = top.y + (await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY));
  const height = Math.min(maxHeight, bottom.y + bottom.height - top.y);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, clip: { x: 0, y, width: SIDE_BY_SIDE, height } });
}

describe('a chat file read field by field in the panel', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`shows each role's comparison and filters the rows to one role, at 600 px in the ${theme} theme`, async () => {
      const snapshot = await finetuneSnapshot('openai-chat', 4);
      const { rows } = await analyzeFinetune('openai-chat');
      const recorded = await openPanel(theme, snapshot);
      const { page } = recorded;
      try {
        // By field comes right after the headline: the schema sentence, then one item per role in reading order.
        assert.deepEqual(await page.locator('main > section').evaluateAll((sections) => sections.slice(0, 3).map((s) => s.id)), ['headline', 'fields', 'gaps']);
        assert.equal(await page.textContent('#fields .fields-schema'), snapshot.schema);
        assert.deepEqual(await page.locator('#fields .field-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-field'))), ['system', 'user', 'assistant']);
        for (const field of snapshot.fields ?? []) {
          const item = page.locator(`#fields .field-item[data-field="${field.field}"]`);
          assert.equal(await item.locator('.field-auc').textContent(), `AUC ${formatAuc(field.summary.auc)} (95% interval ${formatAucRange(field.summary.aucLow, field.summary.aucHigh)})`);
          assert.equal(await item.locator('.field-name').textContent(), field.field);
          assert.equal(await item.locator('.field-gap').count(), field.gaps.length > 0 ? 1 : 0);
          if (field.gaps[0]) assert.equal(await item.locator('.field-gap').textContent(), `Biggest gap: ${field.gaps[0].sentence}`);
        }
        assert.equal(await page.textContent('#fields .field-item[data-field="assistant"] .field-verdict'), 'Large gap');
        assert.equal(await page.textContent('#fields .field-item[data-field="system"] .field-verdict'), 'Not enough data');
        assert.match((await page.textContent('#fields .field-item[data-field="assistant"] .field-phrases')) ?? '', /^Over-used: “i hope this helps”, /);

        // Every row names its field; a chat turn also its message.
        const tags = await page.locator('.rows-table .data-row .field-tag').allTextContents();
        assert.equal(tags.length, await page.locator('.rows-table .data-row').count());
        assert.ok(tags.some((tag) => /^assistant · message \d+$/.test(tag)), tags.join(', '));
        assert.ok(tags.every((tag) => /^(system|user|assistant) · message \d+$|^whole record$/.test(tag)), tags.join(', '));
        const firstRow = snapshot.rows.rows[0];
        assert.equal(await page.textContent('.rows-table .data-row >> nth=0 >> .row-text'), firstRow.text, 'the text of the field the flag is about');
        assert.equal(await page.textContent('.rows-table .data-row >> nth=0 >> td.num >> nth=0'), String(firstRow.line), 'the line cell has the line only');

        // The selector: All fields, then each role; picking one asks for the rows whose flag is about it.
        assert.deepEqual(await page.locator('#rows-field option').allTextContents(), ['All fields', 'system', 'user', 'assistant']);
        let seen = await requestCount(page);
        await page.selectOption('#rows-field', 'assistant');
        const query = await answerRows(page, rows, seen);
        assert.equal(query.field, 'assistant');
        assert.equal(query.offset, 0);
        await page.waitForFunction(() => [...document.querySelectorAll('.rows-table .data-row')].length > 0 && ![...document.querySelectorAll('.rows-table[aria-busy="true"]')].length);
        const assistantRows = rows.filter((row) => row.field === 'assistant').length;
        // The first page of them (50 a page).
        const onPage = Math.min(assistantRows, query.limit);
        assert.equal(await page.textContent('.page-status'), `Rows 1–${onPage} of ${assistantRows}`);
        const shown = await page.locator('.rows-table .data-row .field-tag').allTextContents();
        assert.ok(shown.length === onPage && shown.every((tag) => tag.startsWith('assistant · message ')), shown.join(', '));
        assert.match((await page.textContent('.field-note')) ?? '', /^Rows whose flag is about assistant\./);
        assert.equal(await page.inputValue('#rows-field'), 'assistant', 'the selector shows the field');
        assert.deepEqual(await overflowing(page), [], 'nothing reaches past the panel');
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        assert.ok(scrollWidth <= clientWidth, `no sideways scroll: ${scrollWidth} > ${clientWidth}`);
        const text = await page.locator('.rows-table .data-row >> nth=0 >> .row-text').boundingBox();
        assert.ok(text && text.width >= 180, `the row text has room to read: ${text?.width} px`);
        await recorded.screenshot(`fields-600-${theme}`);
        // The two parts a reader looks at, cut out of the long page: By field under the headline, and the rows' top.
        await clipped(page, '#headline', '#fields', `fields-600-${theme}-by-field`);
        await clipped(page, '#rows', '#rows', `fields-600-${theme}-rows`, 900);

        // A field's name in By field does the same; All fields takes the filter off.
        seen = await requestCount(page);
        await page.click('#fields .field-item[data-field="user"] .field-name');
        assert.equal((await answerRows(page, rows, seen)).field, 'user');
        await page.waitForFunction(() => [...document.querySelectorAll('.rows-table .field-tag')].every((tag) => (tag as unknown as { textContent: string }).textContent.startsWith('user')));
        seen = await requestCount(page);
        await page.selectOption('#rows-field', '');
        const all = await answerRows(page, rows, seen);
        assert.equal('field' in all, false);
        await page.waitForFunction(() => ![...document.querySelectorAll('.field-note')].length);
        assert.deepEqual(recorded.errors, []);
        assert.deepEqual(recorded.cspViolations(), []);
      } finally {
        await recorded.close();
      }
    });
  }

  it('lists the pair checks under the fields, and restores a saved field filter only for a file that has the field', async () => {
    const base = await finetuneSnapshot('openai-chat', 5);
    const pairs = { request: 'user', response: 'assistant', title: 'Pairs (user and assistant)', sentences: ['4 user turns get different answers word for word in other conversations.', '12% of assistant turns restate the request, against 0% of real ones.'] };
    let recorded = await openPanel('light', { ...base, pairs });
    try {
      const { page } = recorded;
      assert.equal(await page.textContent('#fields .pairs-title'), 'Pairs (user and assistant)');
      assert.deepEqual(await page.locator('#fields .pair-sentences li').allTextContents(), pairs.sentences);
      await clipped(page, '#fields', '#fields', 'fields-600-light-pairs');
      // A field filter saved with the panel's state comes back with the panel, as the sort does.
      await page.selectOption('#rows-field', 'user');
      await page.waitForFunction(() => window.posted.some((m) => m.type === 'requestRows' && m.query.field === 'user'));
      const state = await page.evaluate(() => (window as unknown as { savedState: unknown }).savedState);
      await recorded.close();
      recorded = await openPanelWithState('light', { ...base, seq: 6 }, state);
      const restored = await answerRows(recorded.page, (await analyzeFinetune('openai-chat')).rows, 0);
      assert.equal(restored.field, 'user');
      await recorded.page.waitForFunction(() => [...document.querySelectorAll('.rows-table .field-tag')].every((tag) => (tag as unknown as { textContent: string }).textContent.startsWith('user')));
      assert.equal(await recorded.page.inputValue('#rows-field'), 'user');
      await recorded.close();
      // The same state on a file read for one text: the filter is dropped rather than hiding every row.
      recorded = await openPanelWithState('light', fixtureSnapshot({ seq: 7 }), state);
      assert.equal(await recorded.page.evaluate(() => window.posted.filter((m) => m.type === 'requestRows').length), 0, 'the first page is the snapshot\'s own');
      assert.equal(await recorded.page.locator('.rows-table .data-row').count(), 50);
      assert.equal(await recorded.page.evaluate(() => 'field' in ((window as unknown as { savedState: { rowsQuery: object } }).savedState.rowsQuery)), false);
      assert.deepEqual(recorded.errors, []);
    } finally {
      await recorded.close();
    }
  });

  it('shows no By field section, no selector and no tags for a file read for one text', async () => {
    const recorded = await openPanel('dark', fixtureSnapshot({ seq: 2 }));
    try {
      const { page } = recorded;
      assert.equal(await page.locator('#fields').count(), 0);
      assert.equal(await page.locator('#rows-field').count(), 0);
      assert.equal(await page.locator('.field-tag').count(), 0);
      assert.equal(await page.locator('.field-note').count(), 0);
    } finally {
      await recorded.close();
    }
  });
});

describe('synthgap check --format html on Alpaca-style data', () => {
  it('saves a page with the By field section, a working field selector and each row\'s field', async () => {
    const dir = tempDir('synthgap-fields-html-');
    const out = join(dir, 'alpaca.html');
    const fixtures = join(__dirname, '../fixtures/finetune');
    const result = synthgap(['check', join(fixtures, 'alpaca.synthetic.jsonl'), '--reference', join(fixtures, 'alpaca.real.jsonl'), '--format', 'html', '--out', out, '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const recorded = await recordedPage(chromium.browser.browser, { width: SIDE_BY_SIDE, height: 900 });
    try {
      const { page } = recorded;
      await page.setContent(readFileSync(out, 'utf8'), { waitUntil: 'load' });
      await page.waitForSelector('#fields .field-item');
      assert.match((await page.textContent('#fields .fields-schema')) ?? '', /^Read as Alpaca-style instruction data: instruction, input, output; /);
      assert.deepEqual(await page.locator('#fields .field-item .field-name').allTextContents(), ['instruction', 'input', 'output']);
      assert.equal(await page.textContent('#fields .field-item[data-field="input"] .field-verdict'), 'Not enough data');
      assert.deepEqual(await page.locator('#rows-field option').allTextContents(), ['All fields', 'instruction', 'input', 'output']);
      // The saved page pages its own rows: picking a field filters them with no server behind it.
      await page.selectOption('#rows-field', 'output');
      await page.waitForFunction(() => [...document.querySelectorAll('.field-note')].length === 1);
      const tags = await page.locator('.rows-table .data-row .field-tag').allTextContents();
      assert.ok(tags.length > 0 && tags.every((tag) => tag === 'output'), tags.join(', '));
      // The row shows the output's text, not the record's: no instruction text in it.
      const { data } = await analyzeFinetune('alpaca');
      const line = Number(await page.getAttribute('.rows-table .data-row >> nth=0', 'data-line'));
      const record = data.rows.find((row) => row.line === line);
      const output = record?.fields?.find((f) => f.field === 'output')?.text ?? '';
      assert.equal(await page.textContent('.rows-table .data-row >> nth=0 >> .row-text'), output.length > 500 ? `${[...output].slice(0, 499).join('')}…` : output);
      // The tag's tooltip gives each field's own score.
      assert.match((await page.getAttribute('.rows-table .data-row >> nth=0 >> .field-tag', 'title')) ?? '', /^Scores by field: instruction [<>]?[01]\.\d{3}, output [<>]?[01]\.\d{3}$/);
      await page.selectOption('#rows-field', 'instruction');
      await page.waitForFunction(() => [...document.querySelectorAll('.rows-table .field-tag')].every((tag) => (tag as unknown as { textContent: string }).textContent === 'instruction'));
      await recorded.screenshot('fields-saved-page-alpaca-600');
      await clipped(page, '#headline', '#fields', 'fields-saved-page-alpaca-600-by-field');
      await clipped(page, '#rows', '#rows', 'fields-saved-page-alpaca-600-rows', 900);
      assert.deepEqual(recorded.errors, []);
      assert.deepEqual(recorded.cspViolations(), []);
    } finally {
      await recorded.close();
    }
  });
});
