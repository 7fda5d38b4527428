// The real Synthgap extension, packaged into a .vsix the way a release is (vsce, .vscodeignore applied) and
// installed into code-server 4.139.1 (VS Code 1.139) in Chromium: squiggles on flagged rows and on a bad line,
// the hover, the quick fixes (Roughen applied and saved to disk), and Restricted Mode offering nothing that writes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/codeServer/paths.mjs';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { chooseQuickFix, dismiss, hoverSquiggle, listSquiggles, openFile, openQuickFix, runCommand, waitForRestrictedMode, waitForSquiggle, type Squiggle } from './harness/editor.js';
import { SELECTORS } from './harness/selectors.js';
import { useWorkbench } from './harness/suite.js';
import { SKIP_INTEGRATION, usePackagedExtension } from './harness/synthgapPackage.js';
import { visibleWebview, waitForCursorLine } from './harness/webview.js';
import { waitForCondition } from './harness/wait.js';

const STEP = { timeout: 180_000 };
/** The server analyzes 600 rows in a worker after the extension host starts: allow for a loaded 2-core machine. */
const ANALYSIS_TIMEOUT_MS = 120_000;
const ROWS = 300;
/** 1-based line of the synthetic file that is not valid JSON. */
const BAD_LINE = 4;
const SEED = 42;
const SYNTHETIC = 'synthetic.jsonl';

/**
 * The fixture: 300 real rows as the reference; a "synthetic" file of 300 rows in which every fifth row is really
 * a real row (from the held-out half, so the detector should leave it alone), plus one invalid JSON line; and
 * synthgap.json. The real rows in the synthetic file make the squiggle checks discriminating.
 */
function writeWorkspace(folder: string): { folder: string; synthetic: string } {
  mkdirSync(folder, { recursive: true });
  const firstLines = (file: string): string[] => readFileSync(join(repoRoot, 'examples', file), 'utf8').split('\n').slice(0, ROWS);
  writeFileSync(join(folder, 'real.jsonl'), `${firstLines('real.jsonl').join('\n')}\n`);
  const holdout = firstLines('real_holdout.jsonl');
  const synthetic = firstLines('synthetic.jsonl').map((line, i) => (i % 5 === 2 ? holdout[i] : line));
  synthetic.splice(BAD_LINE - 1, 0, '{"text": "this row is cut off", "label": ');
  writeFileSync(join(folder, SYNTHETIC), `${synthetic.join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), `${JSON.stringify({ reference: 'real.jsonl' }, null, 2)}\n`);
  return { folder, synthetic: join(folder, SYNTHETIC) };
}

interface CliResult {
  flaggedLines: Set<number>;
  flagged: number;
  errorLines: number[];
}

/** What the CLI says about the same files with the same seed: the lines it flags and the lines it cannot read. */
function runCli(folder: string): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'check', SYNTHETIC, '--reference', 'real.jsonl', '--seed', String(SEED), '--format', 'json', '--quiet'], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`synthgap check failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as { datasets: { errors: { line: number }[]; summary: { flagged: number }; rows: { line: number; flagged: boolean }[] }[] };
  const [dataset] = report.datasets;
  assert.ok(dataset, 'the CLI reported no dataset');
  return {
    flaggedLines: new Set(dataset.rows.filter((row) => row.flagged).map((row) => row.line)),
    flagged: dataset.summary.flagged,
    errorLines: dataset.errors.map((error) => error.line),
  };
}

/** The Synthgap status bar item once the server is done with the active file: `N flagged · AUC x`, not spinning. */
async function waitForStatusFigure(page: Page): Promise<string> {
  const item = page.locator(`${SELECTORS.statusBar} .statusbar-item`)
    .filter({ hasText: /\d[\d,]* flagged · AUC/ })
    .filter({ hasNot: page.locator('.codicon-loading') });
  await item.first().waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
  return (await item.first().innerText()).trim();
}

/** The file's CodeLens on line 1 (`Synthgap: N of M rows look synthetic · …`). It arrives after the first squiggles and
 * pushes every line down, so squiggle positions are read only once it is there. */
function codeLens(page: Page) {
  return page.locator(`${SELECTORS.activeEditor} .codelens-decoration`).filter({ hasText: /rows look synthetic/ });
}

function flaggedSquiggles(squiggles: Squiggle[]): Squiggle[] {
  return squiggles.filter((squiggle) => squiggle.severity !== 'error');
}

describe('the Synthgap extension from its .vsix in code-server 4.139.1 (VS Code 1.139)', { skip: SKIP_INTEGRATION }, () => {
  const packaged = usePackagedExtension(['extension.js', 'server.js', 'analysisWorker.js', 'rowsWorker.js', 'words.txt', 'webview/panel.js', 'webview/panel.css']);

  describe('trusted folder', () => {
    let workspace = { folder: '', synthetic: '' };
    let cli: CliResult = { flaggedLines: new Set(), flagged: 0, errorLines: [] };
    let original = '';
    let target: Squiggle | undefined;
    const bench = useWorkbench('extension-trusted', async (scratch) => {
      workspace = writeWorkspace(join(scratch, 'workspace'));
      original = readFileSync(workspace.synthetic, 'utf8');
      cli = runCli(workspace.folder);
      assert.deepEqual(cli.errorLines, [BAD_LINE], 'the CLI should report the invalid line');
      assert.ok(cli.flaggedLines.size > 0, 'the CLI flags no row: the fixture proves nothing');
      const server = await startCodeServer({ workspace: workspace.folder, vsix: packaged.vsix, userSettings: { 'synthgap.seed': SEED } });
      return { server, folder: workspace.folder };
    });

    test('opening the synthetic file shows squiggles on rows the CLI flags, and an error on the invalid line', STEP, () => bench.step('squiggles', async (page) => {
      await openFile(page, SYNTHETIC);
      const figure = await waitForStatusFigure(page);
      assert.match(figure, new RegExp(`^${cli.flagged.toLocaleString('en-US')} flagged · AUC`), `status bar "${figure}", CLI flags ${cli.flagged}`);
      await codeLens(page).first().waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
      const bad = await waitForSquiggle(page, { line: BAD_LINE, severity: 'error', timeoutMs: ANALYSIS_TIMEOUT_MS });
      assert.equal(bad.line, BAD_LINE);
      await waitForCondition('a flagged-row squiggle', async () => flaggedSquiggles(await listSquiggles(page)).length > 0, ANALYSIS_TIMEOUT_MS);
      const flagged = flaggedSquiggles(await listSquiggles(page));
      const lines = [...new Set(flagged.map((squiggle) => squiggle.line))];
      assert.ok(!lines.includes(BAD_LINE), 'the invalid line has only its error squiggle');
      for (const line of lines) assert.ok(cli.flaggedLines.has(line), `line ${line} has a squiggle but the CLI does not flag it`);
      // The real rows mixed into the file: the CLI leaves some near the top alone, and so must the editor.
      const quiet = Array.from({ length: 20 }, (_, i) => i + 1).filter((line) => line !== BAD_LINE && !cli.flaggedLines.has(line));
      assert.ok(quiet.length > 0, 'the CLI flags every one of the first 20 lines: the fixture proves nothing');
      for (const line of quiet) assert.ok(!lines.includes(line), `line ${line} has a squiggle but the CLI does not flag it`);
      target = flagged.find((squiggle) => squiggle.line !== BAD_LINE && squiggle.line > 1) ?? flagged[0];
      console.log(`# status bar "${figure}"; flagged squiggles on visible lines ${lines.join(', ')}; unflagged lines ${quiet.join(', ')}; CLI flags ${cli.flagged} of ${ROWS}`);
      await screenshot(page, 'extension-squiggles');
    }));

    test('the hover over a flagged row says how it reads unlike the real rows, measured against them', STEP, () => bench.step('hover', async (page) => {
      assert.ok(target, 'no flagged squiggle from the previous test');
      // Read the squiggle's box again: positions are only good for the layout they were read in.
      const text = await hoverSquiggle(page, await waitForSquiggle(page, { line: target.line, severity: target.severity }));
      assert.match(text, /Reads like LLM writing|Reads unlike the real rows|Looks synthetic/);
      assert.match(text, /real rows/);
      // The code links to the docs (codeDescription), so VS Code renders it as a link without the parentheses.
      assert.match(text, /synthgap\(?too-clean\)?/);
      assert.match(text, /Synthgap: looks synthetic: score/, 'the row hover from the server');
      await screenshot(page, 'extension-hover');
      await dismiss(page);
    }));

    test('the quick fix "Roughen this example" rewrites only that row\'s text, and it saves to disk', STEP, () => bench.step('quick-fix', async (page) => {
      assert.ok(target, 'no flagged squiggle from the previous test');
      const line = target.line;
      const labels = await openQuickFix(page, await waitForSquiggle(page, { line, severity: target.severity }));
      await screenshot(page, 'extension-quick-fix-menu');
      const roughen = labels.find((label) => label.startsWith('Roughen this example'));
      assert.ok(roughen, `no "Roughen this example" in ${JSON.stringify(labels)}`);
      // The preferred fix (isPreferred) is listed first.
      assert.equal(labels[0], roughen, `Roughen should come first: ${JSON.stringify(labels)}`);
      assert.ok(labels.includes('Ignore this row'), `no "Ignore this row" in ${JSON.stringify(labels)}`);
      await chooseQuickFix(page, roughen);
      await page.locator(`${SELECTORS.activeTab}.dirty`).waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press('Control+S');
      await waitForCondition(`${SYNTHETIC} to be saved`, () => readFileSync(workspace.synthetic, 'utf8') !== original);
      await page.locator(`${SELECTORS.activeTab}.dirty`).waitFor({ state: 'hidden', timeout: 10_000 });

      const before = original.split('\n');
      const after = readFileSync(workspace.synthetic, 'utf8').split('\n');
      assert.equal(after.length, before.length, 'the number of lines changed');
      const changed = after.flatMap((text, index) => (text === before[index] ? [] : [index + 1]));
      assert.deepEqual(changed, [line], `only line ${line} should change`);
      const was = JSON.parse(before[line - 1]!) as { text: string; label: string };
      const now = JSON.parse(after[line - 1]!) as { text: string; label: string };
      assert.deepEqual(Object.keys(now), Object.keys(was));
      assert.equal(now.label, was.label);
      assert.notEqual(now.text, was.text);
      console.log(`# "${roughen}": ${JSON.stringify(was.text)} -> ${JSON.stringify(now.text)}`);
      await screenshot(page, 'extension-after-roughen');
    }));

    test('the CodeLens opens the gap report panel; clicking a row of its table reveals that line, and its Roughen button rewrites only that row', STEP, () => bench.step('report', async (page) => {
      await codeLens(page).first().locator('a').first().click();
      const panel = visibleWebview(page);
      const auc = panel.locator('#headline-auc');
      await auc.waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
      assert.match(await auc.innerText(), /^0\.\d\d \(95% interval 0\.\d\d–[01]\.\d\d\)$/);
      // The roughened row was re-scored, so the file's figure may have moved by one since the CLI ran.
      const flagged = await panel.locator('#headline-flagged').innerText();
      assert.match(flagged, new RegExp(`^[\\d,]+ of ${ROWS} `), `headline "${flagged}"`);
      const rows = panel.locator('.rows-table tr.data-row');
      await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.ok(await rows.count() > 1, 'the rows table is empty');
      // Pick a row below the first screen of the editor, so revealing it has to move the cursor and scroll.
      const lines = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))))).filter((line) => line > 40);
      assert.ok(lines.length > 0, 'no flagged row below line 40 in the first page');
      const line = lines[0]!;
      assert.ok(cli.flaggedLines.has(line), `the panel lists line ${line} first among its rows below 40, but the CLI does not flag it`);
      await screenshot(page, 'extension-report-panel');
      await panel.locator(`.rows-table tr.data-row[data-line="${line}"]`).first().click();
      await waitForCursorLine(page, line);
      // Revealed: the line's number is rendered in the editor's gutter (only lines in view are).
      await page.locator(`${SELECTORS.activeEditor} ${SELECTORS.lineNumbers}`).filter({ hasText: new RegExp(`^${line}$`) }).first().waitFor({ state: 'visible', timeout: 10_000 });
      console.log(`# report panel: AUC ${await auc.innerText()}; flagged ${flagged}; clicked line ${line}, the editor revealed it`);
      await screenshot(page, 'extension-report-revealed-row');

      // The row's Roughen button: the server's roughen command, one edit of that line only, saved like any edit.
      const before = readFileSync(workspace.synthetic, 'utf8').split('\n');
      await panel.locator(`.rows-table tr.data-row[data-line="${line}"] vscode-button[title="Roughen line ${line}"]`).click();
      await page.locator('.tabs-container .tab.dirty').filter({ hasText: SYNTHETIC }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await runCommand(page, 'File: Save All Files');
      await waitForCondition(`${SYNTHETIC} to be saved`, () => readFileSync(workspace.synthetic, 'utf8') !== before.join('\n'));
      const after = readFileSync(workspace.synthetic, 'utf8').split('\n');
      assert.deepEqual(after.flatMap((text, index) => (text === before[index] ? [] : [index + 1])), [line], `only line ${line} should change`);
      const was = JSON.parse(before[line - 1]!) as { text: string; label: string };
      const now = JSON.parse(after[line - 1]!) as { text: string; label: string };
      assert.equal(now.label, was.label);
      assert.notEqual(now.text, was.text);
      console.log(`# the panel's Roughen on line ${line}: ${JSON.stringify(was.text)} -> ${JSON.stringify(now.text)}`);
    }));

    test('"Ignore this row" saves synthgap.json at once, and the row leaves the squiggles and the count', STEP, () => bench.step('ignore', async (page) => {
      // The report panel took the second editor group and the file is scrolled: start from the file alone, at its top.
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, SYNTHETIC);
      const figureBefore = await waitForStatusFigure(page);
      const countBefore = Number(/^([\d,]+) flagged/.exec(figureBefore)?.[1].replaceAll(',', ''));
      await waitForCondition('a flagged-row squiggle', async () => flaggedSquiggles(await listSquiggles(page)).some((squiggle) => squiggle.line > 1), ANALYSIS_TIMEOUT_MS);
      // A squiggle in the middle of the view (the editor reopens where it was, so the top line may be cut off).
      const visible = flaggedSquiggles(await listSquiggles(page)).filter((squiggle) => squiggle.line > 1);
      const row = visible[Math.floor(visible.length / 2)];
      assert.ok(row, 'no flagged squiggle below line 1');
      const labels = await openQuickFix(page, await waitForSquiggle(page, { line: row.line, severity: row.severity }));
      await chooseQuickFix(page, labels.find((label) => label === 'Ignore this row') ?? 'Ignore this row');
      const config = join(workspace.folder, 'synthgap.json');
      await waitForCondition('synthgap.json saved with the ignored row', () => /"ignore"/.test(readFileSync(config, 'utf8')), 20_000);
      // Nothing left modified in a background tab.
      assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'a tab is left with unsaved changes');
      await waitForCondition(`the squiggle on line ${row.line} to go`, async () => !flaggedSquiggles(await listSquiggles(page)).some((squiggle) => squiggle.line === row.line), ANALYSIS_TIMEOUT_MS);
      await waitForCondition('the status bar count to drop by one', async () => (await waitForStatusFigure(page)).startsWith(`${(countBefore - 1).toLocaleString('en-US')} flagged`), ANALYSIS_TIMEOUT_MS);
      console.log(`# ignored line ${row.line}: status "${figureBefore}" -> "${await waitForStatusFigure(page)}"; synthgap.json ${readFileSync(config, 'utf8').replace(/\s+/g, ' ')}`);
      await screenshot(page, 'extension-after-ignore');
    }));

    test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
  });

  describe('untrusted folder in Restricted Mode', () => {
    let workspace = { folder: '', synthetic: '' };
    let original = '';
    const bench = useWorkbench('extension-restricted', async (scratch) => {
      workspace = writeWorkspace(join(scratch, 'workspace'));
      original = readFileSync(workspace.synthetic, 'utf8');
      const server = await startCodeServer({ workspace: workspace.folder, vsix: packaged.vsix, trust: 'restricted', userSettings: { 'synthgap.seed': SEED } });
      return { server, folder: workspace.folder };
    });

    test('squiggles still appear, but the quick-fix menu offers nothing that writes', STEP, () => bench.step('restricted', async (page) => {
      await waitForRestrictedMode(page, true);
      await openFile(page, SYNTHETIC);
      // The CodeLens shows in Restricted Mode too, sometimes after the squiggles: wait for it so that nothing moves.
      await codeLens(page).first().waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
      await waitForSquiggle(page, { line: BAD_LINE, severity: 'error', timeoutMs: ANALYSIS_TIMEOUT_MS });
      await waitForCondition('a flagged-row squiggle', async () => flaggedSquiggles(await listSquiggles(page)).length > 0, ANALYSIS_TIMEOUT_MS);
      const target = flaggedSquiggles(await listSquiggles(page)).find((squiggle) => squiggle.line > 1);
      assert.ok(target, 'no flagged squiggle below line 1');
      const labels = await openQuickFix(page, await waitForSquiggle(page, { line: target.line, severity: target.severity }));
      await screenshot(page, 'extension-restricted-quick-fix-menu');
      assert.deepEqual(labels, ['Open gap report'], `Restricted Mode should offer only "Open gap report": ${JSON.stringify(labels)}`);
      await dismiss(page);
      assert.equal(readFileSync(workspace.synthetic, 'utf8'), original, 'the file changed in Restricted Mode');
    }));

    test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
  });
});
