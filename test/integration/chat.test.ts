// A chat file as a user meets it, in code-server 4.139.1 (VS Code 1.139) with the packaged .vsix: an OpenAI
// `messages` file against a real one, the squiggle on the assistant turn's content (clicked on, the cursor lands
// inside that string), and the hover over it naming the assistant field, with screenshots in the light and the
// dark theme for a person to read.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/codeServer/paths.mjs';
import { screenshot } from './harness/artifacts.js';
import { startCodeServer } from './harness/codeServer.js';
import { chooseQuickFix, dismiss, hoverSquiggle, openFile, openQuickFix, runCommand, type Squiggle } from './harness/editor.js';
import { SELECTORS } from './harness/selectors.js';
import { useWorkbench } from './harness/suite.js';
import { SKIP_INTEGRATION, usePackagedExtension } from './harness/synthgapPackage.js';
import { waitForCondition } from './harness/wait.js';

const STEP = { timeout: 240_000 };
const ANALYSIS_TIMEOUT_MS = 120_000;
const CHECKED = 'chat.jsonl';
const FIXTURES = join(repoRoot, 'test/fixtures/finetune');

/** Where each message's `content` string stands on a line of the file (0-based columns inside the quotes). */
function contentSpans(line: string): { role: string; start: number; end: number }[] {
  const spans: { role: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(/\{\s*"role"\s*:\s*"(\w+)"\s*,\s*"content"\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
    const start = (m.index ?? 0) + m[0].length - m[2].length + 1;
    spans.push({ role: m[1], start, end: start + m[2].length - 2 });
  }
  return spans;
}

/**
 * The first squiggle the editor draws (on a wrapped line it may sit on any of the line's rows), once the layout
 * settled: the CodeLens above line 1 arrives after the squiggles and moves every row down.
 */
async function firstSquiggle(page: Page): Promise<Squiggle> {
  const element = page.locator(`${SELECTORS.activeEditor} ${SELECTORS.squiggle}`).first();
  await element.waitFor({ state: 'attached', timeout: ANALYSIS_TIMEOUT_MS });
  await page.locator(`${SELECTORS.activeEditor} .codelens-decoration`).first().waitFor({ state: 'visible', timeout: ANALYSIS_TIMEOUT_MS });
  let box: Squiggle['box'] | null = null;
  await waitForCondition('the squiggle to stay in place', async () => {
    const first = await element.boundingBox();
    await page.waitForTimeout(250);
    box = await element.boundingBox();
    return first !== null && box !== null && first.x === box.x && first.y === box.y;
  }, 20_000);
  assert.ok(box, 'the squiggle has no box');
  return { line: 0, severity: 'warning', box };
}

/** Clicks the middle of a squiggle and reads where the cursor landed from the status bar (`Ln 1, Col 345`). */
async function clickedPosition(page: Page, squiggle: Squiggle): Promise<{ line: number; column: number }> {
  await page.mouse.click(squiggle.box.x + squiggle.box.width / 2, squiggle.box.y + squiggle.box.height / 2 - 3);
  let found: { line: number; column: number } | undefined;
  await waitForCondition('the cursor position in the status bar', async () => {
    const match = /Ln (\d+), Col (\d+)/.exec(await page.locator(SELECTORS.cursorPosition).innerText().catch(() => ''));
    found = match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
    return found !== undefined && found.column > 1;
  }, 20_000);
  assert.ok(found);
  return found;
}

describe('a chat file in the editor, from the .vsix in code-server 4.139.1', { skip: SKIP_INTEGRATION }, () => {
  let lines: string[] = [];
  let workspace = '';
  const packaged = usePackagedExtension(['extension.js', 'server.js', 'analysisWorker.js', 'rowsWorker.js', 'words.txt']);

  const bench = useWorkbench('chat', async (scratch) => {
    const folder = join(scratch, 'workspace');
    workspace = folder;
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(FIXTURES, 'openai-chat.real.jsonl'), join(folder, 'real.jsonl'));
    copyFileSync(join(FIXTURES, 'openai-chat.synthetic.jsonl'), join(folder, CHECKED));
    lines = readFileSync(join(folder, CHECKED), 'utf8').split('\n');
    writeFileSync(join(folder, 'synthgap.json'), `${JSON.stringify({ reference: 'real.jsonl' }, null, 2)}\n`);
    // Word wrap shows a whole conversation, as a user reading one would set it.
    const server = await startCodeServer({ workspace: folder, vsix: packaged.vsix, userSettings: { 'synthgap.seed': 42, 'synthgap.embedding.model': 'hashed', 'editor.wordWrap': 'on', 'workbench.colorTheme': 'Default Light Modern' } });
    return { server, folder };
  });

  test('the squiggle is on the assistant turn\'s content, and its hover names the assistant field (light and dark)', STEP, () => bench.step('assistant-hover', async (page) => {
    await openFile(page, CHECKED);
    const squiggle = await firstSquiggle(page);
    const at = await clickedPosition(page, squiggle);
    const spans = contentSpans(lines[at.line - 1] ?? '');
    const inside = spans.find((span) => span.start <= at.column - 1 && at.column - 1 <= span.end);
    console.log(`# first squiggle: line ${at.line}, column ${at.column}, in ${inside ? `the ${inside.role} turn's content` : 'no content string'}`);
    assert.equal(inside?.role, 'assistant', `the squiggle is on line ${at.line}, column ${at.column}: ${JSON.stringify(spans)}`);
    // The notification about the embedding download (offline machine) would cover the hover's corner.
    await runCommand(page, 'Notifications: Clear All Notifications');

    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      const shown = await firstSquiggle(page);
      const text = await hoverSquiggle(page, shown);
      console.log(`# hover (${theme}):\n${text.split('\n').map((l) => `#   ${l}`).join('\n')}`);
      assert.match(text, /assistant field/, text);
      assert.match(text, /assistant: /, `the reasons name the field: ${text}`);
      assert.doesNotMatch(text, /\buser field\b|\bsystem field\b/, text);
      console.log(`# ${await screenshot(page, `chat-assistant-hover-${theme}`)}`);
      await dismiss(page);
    }
  }));

  test('"Roughen this example" on the assistant turn cuts its AI boilerplate and leaves the rest of the line as it was', STEP, () => bench.step('assistant-roughen', async (page) => {
    const squiggle = await firstSquiggle(page);
    const at = await clickedPosition(page, squiggle);
    const labels = await openQuickFix(page, squiggle);
    console.log(`# quick fixes on line ${at.line}: ${JSON.stringify(labels)}`);
    console.log(`# ${await screenshot(page, 'chat-assistant-quick-fix-dark')}`);
    const fix = labels.find((label) => label.startsWith('Roughen this example: '));
    assert.ok(fix, JSON.stringify(labels));
    assert.match(fix, /^Roughen this example: drop (stock opener|AI boilerplate|closing offer)(, drop (stock opener|AI boilerplate|closing offer))*$/);
    await chooseQuickFix(page, fix);
    // Saved as a user saves, then read from disk: the line is the old one with a span cut, nothing else changed.
    await page.keyboard.press('Control+S');
    const file = join(workspace, CHECKED);
    let after = lines[at.line - 1];
    await waitForCondition('the roughened line saved to disk', () => (after = readFileSync(file, 'utf8').split('\n')[at.line - 1] ?? '') !== lines[at.line - 1], 20_000);
    console.log(`# before: ${lines[at.line - 1]}\n# after:  ${after}`);
    const was = JSON.parse(lines[at.line - 1]) as { messages: { role: string; content: string }[] };
    const now = JSON.parse(after) as { messages: { role: string; content: string }[] };
    const answer = now.messages.findIndex((m, i) => m.content !== was.messages[i].content);
    assert.equal(was.messages[answer]?.role, 'assistant', 'the assistant turn changed');
    now.messages.forEach((m, i) => i === answer || assert.deepEqual(m, was.messages[i], `turn ${i} is untouched`));
    const before = was.messages[answer].content;
    const cut = now.messages[answer].content;
    // Only cuts: the words left are the answer's words, in order and spelled as they were (a capital may move).
    const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
    let k = 0;
    const all = words(before);
    const left = words(cut).every((word) => {
      while (k < all.length && all[k] !== word) k++;
      return k++ < all.length;
    });
    assert.ok(cut.length < before.length && left, `${before}\n${cut}`);
    assert.equal(readFileSync(file, 'utf8').split('\n').filter((_, i) => i !== at.line - 1).join('\n'), lines.filter((_, i) => i !== at.line - 1).join('\n'), 'every other line as it was');
  }));

  test('stopping leaves no process behind', STEP, () => bench.stopAndCheckNothingIsLeft());
});
