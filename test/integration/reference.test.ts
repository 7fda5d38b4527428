// A new user's first minutes, in code-server 4.139.1 (VS Code 1.139) with the packaged .vsix: no reference yet,
// the status bar's "No reference" opens the Get Started walkthrough; its first step's button opens the reference
// picker; then, with a synthetic file open and flagged, "Use as Real Reference" from the palette lists the
// workspace's dataset files without starting on that file, and a change of reference is confirmed: cancelling
// writes nothing, confirming writes synthgap.json.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/codeServer/paths.mjs';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { dismiss, openFile, runCommand } from './harness/editor.js';
import { SELECTORS } from './harness/selectors.js';
import { useWorkbench } from './harness/suite.js';
import { SKIP_INTEGRATION, usePackagedExtension } from './harness/synthgapPackage.js';
import { waitForCondition } from './harness/wait.js';

const STEP = { timeout: 180_000 };
/** The server analyzes 300 rows per side in a worker after the extension host starts: allow for a loaded 2-core machine. */
const ANALYSIS_TIMEOUT_MS = 120_000;
const ROWS = 300;
const CONFIG = 'synthgap.json';
const COMMAND = 'Synthgap: Use as Real Reference';
/** The dataset files the picker must list (include minus exclude), by the label and folder it shows them with. */
const LISTED = ['real.jsonl', 'synthetic.jsonl', 'holdout.jsonl'];
/** Wide enough for the walkthrough to show a step's page beside the steps (at 1280 px it hides the pages). */
const WIDE = { width: 1680, height: 900 };
/** The harness's viewport, for the editor screenshots. */
const NORMAL = { width: 1280, height: 800 };

/**
 * No synthgap.json yet. Real rows, synthetic rows, held-out real rows in a subfolder, and a dataset file under
 * drafts/ that the `synthgap.exclude` setting leaves out (the picker must too), plus a file that is no dataset.
 */
function writeWorkspace(folder: string): void {
  const firstLines = (file: string): string => `${readFileSync(join(repoRoot, 'examples', file), 'utf8').split('\n').slice(0, ROWS).join('\n')}\n`;
  mkdirSync(join(folder, 'data'), { recursive: true });
  mkdirSync(join(folder, 'drafts'), { recursive: true });
  writeFileSync(join(folder, 'real.jsonl'), firstLines('real.jsonl'));
  writeFileSync(join(folder, 'synthetic.jsonl'), firstLines('synthetic.jsonl'));
  writeFileSync(join(folder, 'data', 'holdout.jsonl'), firstLines('real_holdout.jsonl'));
  writeFileSync(join(folder, 'drafts', 'old.jsonl'), firstLines('synthetic.jsonl'));
  writeFileSync(join(folder, 'notes.md'), '# Notes\n');
}

function statusItem(page: Page, text: RegExp): Locator {
  return page.locator(`${SELECTORS.statusBar} .statusbar-item`).filter({ hasText: text }).first();
}

/** The rows of the open quick pick, once it lists something: each row's file name and its whole text. */
async function pickerRows(page: Page): Promise<{ label: string; description: string; text: string; focused: boolean }[]> {
  const rows = page.locator(SELECTORS.quickInputRow);
  await rows.filter({ hasText: /Browse/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
  return rows.evaluateAll((elements) => elements.map((element) => ({
    label: String(element.querySelector('.label-name')?.textContent ?? '').trim(),
    description: String(element.querySelector('.label-description')?.textContent ?? '').trim(),
    text: String(element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    focused: String(element.className).split(/\s+/).includes('focused'),
  })));
}

async function chooseRow(page: Page, label: string): Promise<void> {
  await page.locator(SELECTORS.quickInputRow).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/\./g, '\\.')}$`) }) }).first().click();
}

const readConfig = (folder: string): string | undefined => (existsSync(join(folder, CONFIG)) ? readFileSync(join(folder, CONFIG), 'utf8') : undefined);

describe('choosing the reference: the walkthrough and the palette\'s picker, from the .vsix in code-server 4.139.1', { skip: SKIP_INTEGRATION }, () => {
  let folder = '';
  const packaged = usePackagedExtension(['extension.js', 'server.js', 'analysisWorker.js', 'words.txt']);

  const bench = useWorkbench('reference', async (scratch) => {
    folder = join(scratch, 'workspace');
    writeWorkspace(folder);
    const server = await startCodeServer({
      workspace: folder,
      vsix: packaged.vsix,
      // The built-in embedding: no model download to wait for (or to fail offline) in a test about the picker.
      userSettings: { 'synthgap.seed': 42, 'synthgap.embedding.model': 'hashed', 'synthgap.exclude': ['**/node_modules/**', 'drafts/**'] },
    });
    return { server, folder };
  });

  test('with no reference, the status bar says so, its tooltip points to the walkthrough, and a click opens it', STEP, () => bench.step('walkthrough', async (page) => {
    // The walkthrough shows a step's page beside the steps only when the editor is wide enough.
    await page.setViewportSize(WIDE);
    const item = statusItem(page, /No reference/);
    await item.waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
    // The first-run prompt offers the walkthrough too.
    const toast = page.locator(SELECTORS.notificationToast).filter({ hasText: /none is chosen yet/ });
    await toast.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await toast.first().getByRole('button', { name: 'Get Started' }).isVisible(), 'the first-run prompt has no "Get Started" button');
    await item.hover();
    const tooltip = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Get Started walkthrough/ });
    await tooltip.first().waitFor({ state: 'visible', timeout: 10_000 });
    await item.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.filter({ hasText: 'Get Started with Synthgap' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    for (const title of ['Choose the real reference', 'Read the squiggles', 'Open the gap report', 'Roughen a row, or every flagged row', 'Run the probe']) {
      assert.ok(await walkthrough.getByText(title, { exact: true }).first().isVisible(), `the walkthrough has no step "${title}"`);
    }
    // The first step is open, with its page (a webview) beside it.
    await walkthrough.getByRole('button', { name: 'Choose a Reference' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // The step's page (media/walkthrough/reference.md, from the .vsix) renders in a webview beside the steps.
    const pageFrame = page.frameLocator('.gettingStartedContainer iframe.webview.ready').frameLocator(SELECTORS.webviewContent);
    await pageFrame.locator('h1', { hasText: 'Choose the real reference' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await pageFrame.getByText('Browse…').first().isVisible(), 'the reference page is not the one from media/walkthrough');
    await screenshot(page, 'reference-walkthrough');
  }));

  test('the walkthrough\'s "Choose a Reference" lists the dataset files; picking one with no reference yet writes it without a question', STEP, () => bench.step('walkthrough-pick', async (page) => {
    assert.equal(readConfig(folder), undefined, 'synthgap.json exists before the user chose anything');
    await page.locator('.gettingStartedContainer').getByRole('button', { name: 'Choose a Reference' }).first().click();
    const rows = await pickerRows(page);
    const files = rows.filter((row) => row.label.endsWith('.jsonl')).map((row) => row.label);
    assert.deepEqual([...files].sort(), [...LISTED].sort(), `the picker lists ${JSON.stringify(rows.map((row) => row.text))}`);
    assert.equal(rows.find((row) => row.label === 'holdout.jsonl')?.description, 'data', 'holdout.jsonl is shown without its folder');
    await screenshot(page, 'reference-picker-first-run');
    await chooseRow(page, 'real.jsonl');
    await waitForCondition(`${CONFIG} to be written`, () => readConfig(folder) !== undefined);
    assert.deepEqual(JSON.parse(readConfig(folder)!), { reference: 'real.jsonl' });
    assert.equal(await page.locator(SELECTORS.dialog).count(), 0, 'a question was asked although there was no reference to replace');
    // The first step is checked off once the server compares against the reference.
    const done = page.locator('.gettingStartedContainer [data-done-step-id$="chooseReference"].complete');
    const notDone = page.locator('.gettingStartedContainer [data-done-step-id$="readSquiggles"]:not(.complete)');
    await done.first().waitFor({ state: 'attached', timeout: ANALYSIS_TIMEOUT_MS });
    assert.equal(await notDone.count(), 1, 'the next step was checked off too');
    await screenshot(page, 'reference-walkthrough-step-done');
    await page.setViewportSize(NORMAL);
  }));

  test('from the palette with the flagged synthetic file open, the picker lists the dataset files and does not start on that file', STEP, () => bench.step('palette-picker', async (page) => {
    await openFile(page, 'synthetic.jsonl');
    await statusItem(page, /\d[\d,]* flagged · AUC/).filter({ hasNot: page.locator('.codicon-loading') }).waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
    const before = readConfig(folder);
    await runCommand(page, COMMAND, { opensQuickPick: true });
    const rows = await pickerRows(page);
    console.log(`# the picker: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows.filter((row) => row.label.endsWith('.jsonl')).map((row) => row.label).sort(), [...LISTED].sort());
    const focused = rows.filter((row) => row.focused);
    assert.equal(focused.length, 1, 'one row is focused');
    assert.notEqual(focused[0].label, 'synthetic.jsonl', 'the picker starts on the flagged synthetic file');
    assert.equal(focused[0].label, 'real.jsonl', 'the picker should start on the current reference');
    assert.match(rows.find((row) => row.label === 'real.jsonl')!.text, /Current reference/);
    assert.match(rows.find((row) => row.label === 'synthetic.jsonl')!.text, /\d+ of 300 rows flagged as synthetic/);
    const order = rows.map((row) => row.label);
    assert.ok(order.indexOf('synthetic.jsonl') > order.indexOf('holdout.jsonl'), 'the flagged file is listed after the unflagged ones');
    // On the picker's title, away from the input, whose placeholder tooltip would cover the title in the screenshot.
    await page.locator(`${SELECTORS.quickInput} .quick-input-title`).hover();
    await screenshot(page, 'reference-picker-palette');
    await dismiss(page);
    await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(readConfig(folder), before, 'cancelling the picker changed synthgap.json');
  }));

  test('choosing another file asks first: Cancel writes nothing, confirming writes the new reference', STEP, () => bench.step('confirm', async (page) => {
    const before = readConfig(folder);
    const dialog = page.locator(SELECTORS.dialog);
    await runCommand(page, COMMAND, { opensQuickPick: true });
    await pickerRows(page);
    await chooseRow(page, 'holdout.jsonl');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const question = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.match(question, /Use data\/holdout\.jsonl as the real reference instead of real\.jsonl\?/);
    assert.match(question, /Every file will be re-scored\./);
    await screenshot(page, 'reference-change-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(readConfig(folder), before, 'Cancel changed synthgap.json');
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'Cancel left an unsaved edit');

    await runCommand(page, COMMAND, { opensQuickPick: true });
    await pickerRows(page);
    await chooseRow(page, 'holdout.jsonl');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Use holdout.jsonl' }).click();
    await waitForCondition(`${CONFIG} to name data/holdout.jsonl`, () => readConfig(folder) !== before);
    assert.deepEqual(JSON.parse(readConfig(folder)!), { reference: 'data/holdout.jsonl' });
  }));

  test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
});
