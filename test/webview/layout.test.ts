/**
 * The report panel at the width it opens with beside an editor (600 px) and at full width, in light, dark and
 * high-contrast themes, in Debian's Chromium: nothing wider than the panel, actions first and visible, charts
 * with labelled axes whose tick labels do not overlap, series colours that stand out from the background,
 * negligible gaps folded, and the probe as the CLI words it. Screenshots: .test-artifacts/webview/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FeatureGap } from '../../src/core/report/types';
import type { PanelSnapshot, PanelUiState } from '../../src/shared/panel';
import { contrastRatio, SERIES_COLORS } from '../../webview-ui/src/charts/palette';
import { ARTIFACTS, overflowing, recordedPage, type RecordedPage, usePanelBrowser } from './browser';
import { FIXTURE_PROBE, fixtureSnapshot } from './fixtureSnapshot';
import { THEME_CLASS, themeVariables, type PageTheme } from './themes';
import { serveWebviewPage } from './webviewPage';

// The page's globals as page.evaluate uses them (the test program has no DOM lib).
interface Rect { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly width: number; readonly height: number }
interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly classList: { add(name: string): void };
  readonly style: { setProperty(name: string, value: string): void };
  readonly open?: boolean;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): Rect;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
interface PageWindow {
  readonly innerWidth: number;
  readonly savedState?: PanelUiState;
  postMessage(data: unknown, origin: string): void;
}
declare const window: PageWindow;
declare const document: { readonly body: PageElement; readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number }; querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(element: PageElement): { readonly fill: string; readonly stroke: string; readonly backgroundColor: string; readonly display: string; readonly visibility: string };

/** The width VS Code gives a panel opened beside an editor in a 1,200 px window (two equal columns). */
const SIDE_BY_SIDE = 600;
const FULL = 1280;

const chromium = usePanelBrowser();

/** A gap of 20 bins over 0–200,000 characters: the kind whose edge labels used to run into a smear. */
function wideGap(): FeatureGap {
  const edges = Array.from({ length: 21 }, (_, i) => i * 10_000 + (i > 0 ? 4_233 : 0));
  const shares = (peak: number) => edges.slice(1).map((_, i) => Math.exp(-(((i - peak) / 3) ** 2)));
  const side = (peak: number, mean: number) => ({ edges, shares: shares(peak), mean, median: mean });
  return { feature: 'characters-total', name: 'Characters in the conversation', kind: 'numeric', effect: 0.9, size: 0.9, ks: 0.4, pValue: 0, sentence: 'Synthetic conversations are longer: 120,400 characters against 64,100.', real: side(6, 64_100), synthetic: side(12, 120_400) };
}

/** A gap that does not matter (the "0% of real rows have an emoji, against 0%"). */
function negligibleGap(feature: string, name: string, size: number): FeatureGap {
  const side = { edges: [], shares: [1, 0], mean: 0, median: 0 };
  return { feature, name, kind: 'binary', effect: 0, size, ks: 0, pValue: 1, sentence: `0% of real rows ${name.toLowerCase()}, against 0%.`, real: side, synthetic: side };
}

/** The fixture snapshot with a wide-valued gap among those that matter and two negligible ones after them. */
function layoutSnapshot(): PanelSnapshot {
  const base = fixtureSnapshot({ seq: 3, probe: FIXTURE_PROBE });
  const gaps = [...base.gaps, wideGap(), negligibleGap('question', 'End with a question mark', 0.12), negligibleGap('emoji', 'Have an emoji', 0)].sort((a, b) => b.size - a.size);
  return { ...base, gaps };
}

/** The webview page as VS Code serves it, with a theme's class and `--vscode-*` variables on the body. */
async function openPanel(width: number, theme: PageTheme, state?: PanelUiState): Promise<RecordedPage> {
  const recorded = await recordedPage(chromium.browser.browser, { width, height: 900 });
  await serveWebviewPage(recorded.page, chromium.assets, state);
  await recorded.page.evaluate(([className, variables]) => {
    document.body.classList.add(className as string);
    for (const [name, value] of Object.entries(variables as Record<string, string>)) document.body.style.setProperty(`--vscode-${name}`, value);
  }, [THEME_CLASS[theme], themeVariables(theme)] as const);
  await recorded.page.evaluate((snapshot) => window.postMessage({ type: 'snapshot', snapshot }, '*'), layoutSnapshot());
  await recorded.page.waitForSelector('.rows-table .data-row');
  return recorded;
}

/** Pairs of tick labels on one axis whose boxes overlap, per chart. */
async function overlappingTicks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const axis of document.querySelectorAll('svg.chart .axis')) {
      const labels = [...axis.querySelectorAll('.tick text')].map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() })).filter((t) => t.text !== '');
      for (let i = 1; i < labels.length; i++) {
        const [a, b] = [labels[i - 1].box, labels[i].box];
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) out.push(`${axis.closest('svg')?.getBoundingClientRect().top}: "${labels[i - 1].text}" and "${labels[i].text}"`);
      }
    }
    return out;
  });
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

function hex(color: string): string {
  const parts = /rgba?\((\d+), (\d+), (\d+)/.exec(color);
  assert.ok(parts, color);
  return `#${parts.slice(1, 4).map((p) => Number(p).toString(16).padStart(2, '0')).join('')}`;
}

describe('the panel beside an editor and at full width', () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    for (const width of theme === 'high-contrast' ? [SIDE_BY_SIDE] : [SIDE_BY_SIDE, FULL]) {
      it(`fits ${width} px in the ${theme} theme: nothing clipped, actions first, axes readable, colours that stand out`, async () => {
        const recorded = await openPanel(width, theme);
        const { page } = recorded;
        try {
          // Open the wide-valued gap's large chart: its x axis is where 6-digit labels used to overlap.
          await page.click('.gap-item[data-feature="characters-total"] .gap-toggle');
          await page.waitForSelector('.gap-item[data-feature="characters-total"] svg.chart-large');
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
          assert.ok(scrollWidth <= clientWidth, `no sideways scroll: ${scrollWidth} > ${clientWidth}`);
          assert.deepEqual(await overflowing(page), [], 'no element reaches past the panel');

          // Actions come first in a row and are on screen.
          const firstCell = page.locator('.rows-table .data-row >> nth=0 >> td >> nth=0');
          assert.equal(await firstCell.locator('vscode-button.roughen').count(), 1, 'Roughen is in the first cell');
          assert.equal(await firstCell.locator('button.go-to').count(), 1, 'Go to is in the first cell');
          for (const selector of ['.rows-table .data-row >> nth=0 >> vscode-button.roughen', '.rows-table .data-row >> nth=0 >> button.go-to']) {
            const box = await page.locator(selector).boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= width && box.width > 20, `${selector} visible: ${JSON.stringify(box)}`);
          }
          const labels = await page.locator('.labels-table').boundingBox();
          assert.ok(labels && labels.x + labels.width <= width, `the per-label table fits: ${JSON.stringify(labels)}`);
          const text = await page.locator('.rows-table .data-row >> nth=0 >> .row-text').boundingBox();
          assert.ok(text && text.width >= (width === SIDE_BY_SIDE ? 180 : 500), `the row text has room to read: ${text?.width} px`);

          // Every distribution chart has both axes with tick labels, and the labels do not overlap.
          const charts = page.locator('svg.distribution-chart');
          const count = await charts.count();
          assert.ok(count >= 10);
          for (let i = 0; i < count; i++) {
            const chart = charts.nth(i);
            assert.ok((await chart.locator('.axis-x .tick text').count()) >= 2, `chart ${i} has x ticks`);
            assert.ok((await chart.locator('.axis-y .tick text').count()) >= 2, `chart ${i} has y ticks`);
            assert.equal(await chart.locator('.axis-title-y').textContent(), '% of rows');
          }
          const large = page.locator('.gap-item[data-feature="characters-total"] svg.chart-large');
          assert.equal(await large.locator('.axis-title-x').textContent(), 'Characters in the conversation (bar height per 10k-wide bin)');
          const xTicks = await large.locator('.axis-x .tick text').allTextContents();
          assert.ok(xTicks.length <= 7 && xTicks.every((t) => /^\d+k$|^0$/.test(t)), `few, short, rounded ticks: ${xTicks.join(' ')}`);
          assert.deepEqual(await page.locator('.gap-item[data-feature="stock-phrase"] .axis-x .tick text').allTextContents(), ['no', 'yes'], 'categories are labelled');
          assert.ok((await page.locator('.diversity-chart .axis-title-x').count()) === 1 && (await page.locator('.diversity-chart .measure-label').count()) === 3);
          assert.deepEqual(await page.locator('.map-axis-title').allTextContents(), ['Principal component 2', 'Principal component 1']);
          assert.deepEqual(await overlappingTicks(page), [], 'no two tick labels overlap');

          // The series are drawn in the palette's colours, each at least 3:1 against the page's background.
          // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
          const colors = await page.evaluate(() => ({
            background: getComputedStyle(document.body).backgroundColor,
            real: getComputedStyle([...document.querySelectorAll('.bar-real')][0]).fill,
            synthetic: getComputedStyle([...document.querySelectorAll('.bar-synthetic')][0]).stroke,
            hatch: getComputedStyle([...document.querySelectorAll('.hatch-line')][0]).stroke,
          }));
          const palette = SERIES_COLORS[theme];
          assert.deepEqual([colors.real, colors.synthetic, colors.hatch], [rgb(palette.real), rgb(palette.synthetic), rgb(palette.synthetic)]);
          for (const series of [colors.real, colors.synthetic]) {
            const ratio = contrastRatio(hex(series), hex(colors.background));
            assert.ok(ratio >= 3, `${series} on ${colors.background}: ${ratio.toFixed(2)}:1`);
          }

          await recorded.screenshot(`panel-${width === SIDE_BY_SIDE ? '600' : 'full'}-${theme}`);
          assert.deepEqual(recorded.errors, []);
          assert.deepEqual(recorded.cspViolations(), []);
        } finally {
          await recorded.close();
        }
      });
    }
  }
});

describe('what the panel leaves out, and the probe', () => {
  it('lists the gaps that matter in the report\'s order and folds the negligible ones, open across a reload', async () => {
    const snapshot = layoutSnapshot();
    let recorded = await openPanel(SIDE_BY_SIDE, 'dark');
    try {
      const { page } = recorded;
      const listed = await page.locator('#gaps > .gap-list > .gap-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-feature')));
      assert.deepEqual(listed, snapshot.gaps.filter((gap) => gap.size >= 0.2).map((gap) => gap.feature), 'the gaps at or above the negligible effect, largest first');
      const fold = page.locator('#gaps details.no-difference');
      assert.equal(await fold.locator('summary').textContent(), 'No difference (2 features)');
      assert.equal(await fold.getAttribute('open'), null, 'folded by default');
      assert.equal(await page.locator('.gap-item[data-feature="emoji"]').isVisible(), false);
      await fold.locator('summary').click();
      await page.waitForFunction(() => window.savedState?.noDifferenceOpen === true);
      assert.deepEqual(await fold.locator('.gap-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-feature'))), ['question', 'emoji']);
      assert.equal(await page.locator('.gap-item[data-feature="emoji"]').isVisible(), true);
      const saved = await page.evaluate(() => window.savedState);
      assert.equal(saved?.uri, snapshot.uri, 'the state names the file, for the serializer');
      await recorded.close();
      recorded = await openPanel(SIDE_BY_SIDE, 'dark', saved);
      assert.equal(await recorded.page.locator('#gaps details.no-difference').getAttribute('open'), '', 'still open after a reload');
      assert.deepEqual(recorded.errors, []);
    } finally {
      await recorded.close();
    }
  });

  it('says when no gap matters at all', async () => {
    const recorded = await openPanel(SIDE_BY_SIDE, 'light');
    try {
      const { page } = recorded;
      const base = layoutSnapshot();
      const calm = { ...base, seq: 9, gaps: base.gaps.map((gap) => ({ ...gap, size: gap.size / 10 })) };
      await page.evaluate((snapshot) => window.postMessage({ type: 'snapshot', snapshot }, '*'), calm);
      await page.waitForSelector('.no-gaps');
      assert.equal(await page.textContent('.no-gaps'), 'No style feature differs by more than a negligible amount (effect size under 0.2).');
      assert.equal(await page.textContent('#gaps details.no-difference summary'), `No difference (${base.gaps.length} features)`);
    } finally {
      await recorded.close();
    }
  });

  it('shows the probe as synthgap probe prints it: intervals, the differences, the real label count', async () => {
    const recorded = await openPanel(SIDE_BY_SIDE, 'dark');
    try {
      const { page } = recorded;
      assert.equal(await page.textContent('.probe-basis'), 'Accuracy on 360 held-out real rows, 19 labels, 3-fold cross-validation of the reference.');
      assert.deepEqual(await page.locator('.probe-table thead th').allTextContents(), ['Trained on', 'Rows', 'Accuracy, 95% interval', 'Macro-F1']);
      const rows = await page.locator('.probe-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
      assert.deepEqual(rows, [
        ['Real rows only', '1,800', '84% (80%–87%)', '82%'],
        ['Synthetic rows only', '2,400', '61% (56%–66%)', '57%'],
        ['Real + synthetic', '4,200', '86% (82%–89%)', '85%'],
      ]);
      assert.deepEqual(await page.locator('.probe-difference').allTextContents(), FIXTURE_PROBE.sentences);
      const table = await page.locator('.probe-table').boundingBox();
      assert.ok(table && table.x + table.width <= SIDE_BY_SIDE);
      // The learning curve: labelled axes, the synthetic-only line and the crossing, inside the panel.
      assert.equal(await page.textContent('.probe-worth'), FIXTURE_PROBE.worthSentence);
      const chart = page.locator('svg.learning-curve-chart');
      assert.deepEqual(await chart.locator('.axis-title').allTextContents(), ['Real rows trained on (log scale)', 'Accuracy on real rows']);
      assert.deepEqual(await chart.locator('.axis-x .tick text').allTextContents(), ['25', '50', '100', '200', '400', '1,200'], 'the sizes measured');
      assert.equal(await chart.locator('.curve-point').count(), 6);
      assert.equal(await chart.locator('.synthetic-label').textContent(), 'synthetic rows alone: 61%');
      assert.equal(await chart.locator('.crossing-label').textContent(), 'worth about 330 real rows');
      const box = await chart.boundingBox();
      assert.ok(box && box.x + box.width <= SIDE_BY_SIDE && box.width >= 500, JSON.stringify(box));
      // The crossing sits on the synthetic-only line, between the 200- and 400-row points.
      const [cross, line, p200, p400] = await Promise.all(['.crossing-point', '.synthetic-line', '.curve-point:nth-of-type(4)', '.curve-point:nth-of-type(5)'].map((selector) => chart.locator(selector).first().boundingBox()));
      assert.ok(cross && line && p200 && p400);
      assert.ok(Math.abs(cross.y + cross.height / 2 - (line.y + line.height / 2)) < 2);
      assert.ok(cross.x > p200.x && cross.x < p400.x, JSON.stringify({ cross, p200, p400 }));
      await chart.screenshot({ path: join(ARTIFACTS, 'probe-curve-600-dark.png') });
    } finally {
      await recorded.close();
    }
  });
});
