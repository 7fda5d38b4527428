// The report panel in a real VS Code (code-server 4.139.1, the .vsix installed): at the width it opens with beside
// an editor (about 600 px) and at full width, in the light and the dark theme, with screenshots a person reads; its
// probe worded as `synthgap probe` words it; and the panel back on the same file after "Developer: Reload Window".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/codeServer/paths.mjs';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { openFile, runCommand } from './harness/editor.js';
import { useWorkbench } from './harness/suite.js';
import { SKIP_INTEGRATION, usePackagedExtension } from './harness/synthgapPackage.js';
import { waitForCondition } from './harness/wait.js';
import { visibleWebview } from './harness/webview.js';
import { SELECTORS } from './harness/selectors.js';

const STEP = { timeout: 240_000 };
/** The analysis runs in a worker after the extension host starts: allow for a loaded 2-core machine. */
const ANALYSIS_TIMEOUT_MS = 150_000;
const SEED = 42;
const SYNTHETIC = 'synthetic.jsonl';
/**
 * A 1,250 px window without the side bar leaves an editor area of about 1,200 px: a panel opened beside the
 * editor gets half, the default side-by-side width the panel is designed for.
 */
const WINDOW = { width: 1250, height: 860 };

/**
 * The first 300 real rows and the first 620 synthetic rows of the examples (both sorted by label), so that the
 * synthetic rows have labels the real ones lack: the probe trains on those but cannot test them. Returns how many
 * labels each side has.
 */
function writeWorkspace(folder: string): { realLabels: number; syntheticOnly: number } {
  mkdirSync(folder, { recursive: true });
  const lines = (file: string, count: number): string[] => readFileSync(join(repoRoot, 'examples', file), 'utf8').split('\n').filter(Boolean).slice(0, count);
  const real = lines('real.jsonl', 300);
  const synthetic = lines('synthetic.jsonl', 620);
  writeFileSync(join(folder, 'real.jsonl'), `${real.join('\n')}\n`);
  writeFileSync(join(folder, SYNTHETIC), `${synthetic.join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), `${JSON.stringify({ reference: 'real.jsonl' }, null, 2)}\n`);
  const labels = (rows: string[]) => new Set(rows.map((row) => (JSON.parse(row) as { label: string }).label));
  const realLabels = labels(real);
  return { realLabels: realLabels.size, syntheticOnly: [...labels(synthetic)].filter((label) => !realLabels.has(label)).length };
}

/** `synthgap probe` on the same files and seed, as text. */
function cliProbe(folder: string): string {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'probe', SYNTHETIC, '--reference', 'real.jsonl', '--seed', String(SEED), '--quiet'], { cwd: folder, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`synthgap probe failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}`);
  return result.stdout;
}

/** The panel's layout as the webview sees it: its width, sideways overflow, and whether Roughen is on screen. */
async function panelLayout(panel: FrameLocator) {
  return panel.locator('body').evaluate((body) => {
    const root = body.ownerDocument.documentElement;
    const button = body.querySelector('.rows-table .data-row vscode-button.roughen');
    const box = button?.getBoundingClientRect();
    const wide = [...body.querySelectorAll('main *')].filter((node) => node.getBoundingClientRect().right > root.clientWidth + 0.5).length;
    return {
      width: root.clientWidth as number,
      scrollWidth: root.scrollWidth as number,
      wide,
      roughen: box ? { left: box.left as number, right: box.right as number } : undefined,
      theme: String(body.className),
    };
  });
}

async function scrollPanelTo(panel: FrameLocator, selector: string): Promise<void> {
  await panel.locator(selector).first().evaluate((node) => node.scrollIntoView({ block: 'start' }));
}

/** Screenshots of the window with the panel at its top, then at its charts and at its rows. */
async function shootPanel(page: Page, panel: FrameLocator, name: string): Promise<void> {
  await panel.locator('body').evaluate((body) => body.ownerDocument.defaultView?.scrollTo(0, 0));
  await screenshot(page, `${name}-top`);
  await scrollPanelTo(panel, '#gaps');
  await screenshot(page, `${name}-charts`);
  await scrollPanelTo(panel, '#rows');
  await screenshot(page, `${name}-rows`);
}

async function waitForTheme(panel: FrameLocator, theme: 'vscode-light' | 'vscode-dark'): Promise<void> {
  await panel.locator(`body.${theme}`).waitFor({ state: 'attached', timeout: 20_000 });
}

describe('the report panel in code-server 4.139.1 (VS Code 1.139)', { skip: SKIP_INTEGRATION }, () => {
  let folder = '';
  let counts = { realLabels: 0, syntheticOnly: 0 };
  const packaged = usePackagedExtension(['extension.js', 'server.js', 'cli.js', 'webview/panel.js', 'webview/panel.css']);

  const bench = useWorkbench('panel', async (scratch) => {
    folder = join(scratch, 'workspace');
    counts = writeWorkspace(folder);
    assert.ok(counts.syntheticOnly > 0, 'the fixture needs a label only the synthetic rows have');
    const server = await startCodeServer({ workspace: folder, vsix: packaged.vsix, userSettings: { 'synthgap.seed': SEED, 'workbench.colorTheme': 'Default Light Modern' } });
    return { server, folder };
  });

  test('beside the editor (about 600 px), light and dark: nothing clipped, Roughen first and on screen', STEP, () => bench.step('layout', async (page) => {
    await page.setViewportSize(WINDOW);
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await openFile(page, SYNTHETIC);
    await runCommand(page, 'Synthgap: Open Gap Report');
    const panel = visibleWebview(page);
    await panel.locator('#headline-auc').waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
    await panel.locator('.rows-table .data-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    await waitForTheme(panel, 'vscode-light');

    const narrow = await panelLayout(panel);
    console.log(`# beside the editor: the panel is ${narrow.width} px wide (${JSON.stringify(narrow)})`);
    assert.ok(narrow.width >= 540 && narrow.width <= 660, `the side-by-side panel is about 600 px: ${narrow.width}`);
    for (const [name, layout] of [['light', narrow]] as const) {
      assert.ok(layout.scrollWidth <= layout.width, `${name}: no sideways scroll (${layout.scrollWidth} > ${layout.width})`);
      assert.equal(layout.wide, 0, `${name}: elements reach past the panel`);
      assert.ok(layout.roughen && layout.roughen.left >= 0 && layout.roughen.right <= layout.width, `${name}: Roughen on screen ${JSON.stringify(layout.roughen)}`);
    }
    // The offline machine's "could not download the embedding" toast would cover the panel's corner.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await shootPanel(page, panel, 'panel-600-light');

    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await waitForTheme(panel, 'vscode-dark');
    const dark = await panelLayout(panel);
    assert.ok(dark.scrollWidth <= dark.width && dark.wide === 0, `dark: nothing past the panel ${JSON.stringify(dark)}`);
    await shootPanel(page, panel, 'panel-600-dark');
  }));

  test('Run probe shows each accuracy with its interval and the differences in the words of synthgap probe, over the labels it tested', STEP, () => bench.step('probe', async (page) => {
    const panel = visibleWebview(page);
    await panel.locator('.toolbar vscode-button.run-probe').click();
    await panel.locator('.probe-table').waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
    const cli = cliProbe(folder);
    const sentences = await panel.locator('.probe-difference').allInnerTexts();
    assert.equal(sentences.length, 2);
    for (const sentence of sentences) assert.ok(cli.includes(sentence), `the CLI does not print "${sentence}":\n${cli}`);
    // What the synthetic rows are worth in real rows, as the CLI says it, above the learning curve's chart.
    const worth = await panel.locator('.probe-worth').innerText();
    assert.match(worth, /^Your [\d,]+ synthetic rows train /);
    assert.ok(cli.includes(worth), `the CLI does not print "${worth}":\n${cli}`);
    assert.equal(await panel.locator('svg.learning-curve-chart .crossing-point').count(), 1);
    const basis = await panel.locator('.probe-basis').innerText();
    const labels = Number(/, (\d+) labels,/.exec(basis)?.[1]);
    assert.equal(labels, counts.realLabels, `the panel counts the ${counts.realLabels} labels of the real rows, not those only the synthetic rows have: "${basis}"`);
    assert.ok(cli.includes(`${counts.realLabels} labels tested (${counts.syntheticOnly} more only in the training rows)`), cli);
    const accuracies = await panel.locator('.probe-accuracy').allInnerTexts();
    assert.equal(accuracies.length, 3);
    for (const text of accuracies) assert.match(text, /^\d+(\.\d)?% \(\d+(\.\d)?%–\d+(\.\d)?%\)$/);
    console.log(`# probe: ${basis} ${accuracies.join(' | ')}; ${sentences.join(' ')}`);
    await scrollPanelTo(panel, '#noise');
    await screenshot(page, 'panel-600-dark-probe');
  }));

  test('at full width in the light and the dark theme: nothing clipped', STEP, () => bench.step('full-width', async (page) => {
    const panel = visibleWebview(page);
    // Full width: the text editor's group closes, and the panel's group takes the whole editor area.
    // Ctrl+1 is VS Code's key for "focus the first editor group", the text editor's.
    await page.keyboard.press('Control+1');
    await runCommand(page, 'View: Close All Editors in Group');
    await waitForCondition('the panel to widen', async () => (await panelLayout(panel)).width > 1000, 20_000);
    const full = await panelLayout(panel);
    console.log(`# full width: the panel is ${full.width} px wide`);
    assert.ok(full.scrollWidth <= full.width && full.wide === 0, `full width: nothing past the panel ${JSON.stringify(full)}`);
    await shootPanel(page, panel, 'panel-full-dark');
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await waitForTheme(panel, 'vscode-light');
    await shootPanel(page, panel, 'panel-full-light');
  }));

  test('after "Developer: Reload Window" the panel is back on the same file', STEP, () => bench.step('reload', async (page) => {
    const panel = visibleWebview(page);
    const title = await panel.locator('.toolbar h1').innerText();
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window').catch(() => undefined);
    await reloaded;
    // Not waitForWorkbenchReady: the side bar with the explorer is hidden in this window.
    await page.locator(SELECTORS.editorArea).waitFor({ state: 'visible', timeout: 90_000 });
    const restored = visibleWebview(page);
    await restored.locator('#headline-auc').waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
    assert.equal(await restored.locator('.toolbar h1').innerText(), title, 'the same file');
    const tab = page.locator('.tabs-container .tab').filter({ hasText: `Gap Report: ${SYNTHETIC}` });
    assert.equal(await tab.count(), 1, 'one report tab');
    await screenshot(page, 'panel-restored-after-reload');
  }));

  test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
});
