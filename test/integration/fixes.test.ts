// Fixes that match the diagnosis, in code-server 4.139.1 (VS Code 1.139) with the packaged .vsix: a flagged row
// whose difference roughening cannot change (the checked rows are lower-case crowd text, the reference formal,
// punctuated text) offers "No automatic fix …" in the quick-fix menu, and choosing it opens that label's
// generation prompt as a Markdown document.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../../scripts/codeServer/paths.mjs';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { chooseQuickFix, listSquiggles, openFile, openQuickFix, waitForSquiggle } from './harness/editor.js';
import { SELECTORS } from './harness/selectors.js';
import { useWorkbench } from './harness/suite.js';
import { SKIP_INTEGRATION, usePackagedExtension } from './harness/synthgapPackage.js';
import { waitForCondition } from './harness/wait.js';

const STEP = { timeout: 240_000 };
const ANALYSIS_TIMEOUT_MS = 120_000;
const ROWS = 300;
const CHECKED = 'crowd.jsonl';

/** Roles swapped: the reference is formal, punctuated text; the checked file lower-case crowd text. */
function writeWorkspace(folder: string): string[] {
  const firstLines = (file: string): string[] => readFileSync(join(repoRoot, 'examples', file), 'utf8').split('\n').slice(0, ROWS);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'formal.jsonl'), `${firstLines('synthetic.jsonl').join('\n')}\n`);
  const crowd = firstLines('real.jsonl');
  writeFileSync(join(folder, CHECKED), `${crowd.join('\n')}\n`);
  writeFileSync(join(folder, 'synthgap.json'), `${JSON.stringify({ reference: 'formal.jsonl' }, null, 2)}\n`);
  return crowd;
}

describe('a fix that matches the diagnosis, from the .vsix in code-server 4.139.1', { skip: SKIP_INTEGRATION }, () => {
  let crowd: string[] = [];
  const packaged = usePackagedExtension(['extension.js', 'server.js', 'analysisWorker.js', 'rowsWorker.js', 'words.txt']);

  const bench = useWorkbench('fixes', async (scratch) => {
    const folder = join(scratch, 'workspace');
    crowd = writeWorkspace(folder);
    const server = await startCodeServer({ workspace: folder, vsix: packaged.vsix, userSettings: { 'synthgap.seed': 42, 'synthgap.embedding.model': 'hashed' } });
    return { server, folder };
  });

  test('a flagged row roughening cannot change shows "No automatic fix", and it opens the prompt for the row\'s label', STEP, () => bench.step('no-automatic-fix', async (page) => {
    await openFile(page, CHECKED);
    await waitForCondition('a flagged-row squiggle', async () => (await listSquiggles(page)).some((s) => s.line > 1), ANALYSIS_TIMEOUT_MS);
    const squiggle = (await listSquiggles(page)).find((s) => s.line > 1);
    assert.ok(squiggle, 'no flagged squiggle below line 1');
    const labels = await openQuickFix(page, await waitForSquiggle(page, { line: squiggle.line, severity: squiggle.severity }));
    await screenshot(page, 'fixes-no-automatic-fix-menu');
    const label = (JSON.parse(crowd[squiggle.line - 1]!) as { label: string }).label;
    const entry = `No automatic fix: roughening changes nothing here (the difference is wording or content); show the generation prompt for "${label}"`;
    assert.ok(labels.includes(entry), `no "No automatic fix" entry for line ${squiggle.line} in ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => l.startsWith('Roughen this example')), `a roughen fix is offered although it changes nothing: ${JSON.stringify(labels)}`);
    await chooseQuickFix(page, entry);
    // The prompt opens as an untitled Markdown document naming the label.
    const editor = page.locator(SELECTORS.activeEditor);
    await waitForCondition(`the prompt for "${label}"`, async () => (await editor.innerText().catch(() => '')).includes(label) && /Untitled/.test(await page.locator(SELECTORS.activeTab).innerText()), ANALYSIS_TIMEOUT_MS);
    // Monaco draws spaces as no-break spaces.
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /# Generation prompts for crowd\.jsonl/, text.slice(0, 400));
    assert.match(text, new RegExp(`real rows of .?${label}`), text.slice(0, 1200));
    console.log(`# line ${squiggle.line} ("${label}"): "${entry}" opened the prompt`);
    await screenshot(page, 'fixes-prompt-opened');
  }));

  test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
});
