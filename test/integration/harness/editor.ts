// What a user does in the workbench, as the tests need it: quick open, command palette, squiggles, hovers,
// the quick-fix menu. Every wait is on a selector or a condition in the page, never a fixed sleep; steps
// that race the extension host (a command not registered yet, a file index still building) are retried.
import type { Locator, Page } from 'playwright-core';
import { basename, dirname } from 'node:path';
import { SELECTORS } from './selectors.js';
import { retry } from './wait.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Squiggle {
  /** 1-based line number, as shown in the gutter. */
  line: number;
  severity: Severity;
  /** Page coordinates of the decoration's box, for hovering or clicking it. */
  box: { x: number; y: number; width: number; height: number };
}

export interface WaitOptions {
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

async function closeQuickInput(page: Page, timeoutMs: number): Promise<void> {
  const widget = page.locator(SELECTORS.quickInput);
  if (await widget.isVisible()) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: timeoutMs });
  }
}

/** Opens the quick input with `shortcut`, types `text` and returns its list rows. */
async function openQuickInput(page: Page, shortcut: string, text: string, timeoutMs: number): Promise<Locator> {
  await closeQuickInput(page, timeoutMs);
  await page.keyboard.press(shortcut);
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  return page.locator(SELECTORS.quickInputRow);
}

/** The quick-input row whose label is exactly `label` (and whose description names `folder`, when given). */
async function findRow(page: Page, rows: Locator, label: string, timeoutMs: number, folder?: string): Promise<Locator | undefined> {
  let matching = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  if (folder) matching = matching.filter({ has: page.locator('.label-description', { hasText: folder }) });
  const row = matching.first();
  try {
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    return row;
  } catch {
    return undefined;
  }
}

/** Opens a workspace file through quick open (Ctrl+P) and waits until its editor is active and focused. */
export async function openFile(page: Page, relativePath: string, options: WaitOptions = {}): Promise<void> {
  const name = basename(relativePath);
  // Quick open shows a file's folder as the row's description; it tells apart files of the same name.
  const folder = dirname(relativePath) === '.' ? undefined : dirname(relativePath);
  await retry(`quick open of ${relativePath}`, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (remainingMs) => {
    const rows = await openQuickInput(page, 'Control+P', relativePath, Math.min(5000, remainingMs));
    // The file index may still be building: no row yet means close and ask again.
    const row = await findRow(page, rows, name, Math.min(3000, remainingMs), folder);
    if (!row) throw new Error(`quick open lists: ${JSON.stringify(await rows.allInnerTexts())}`);
    await row.click();
    return true;
  });
  await page.locator(SELECTORS.activeTab).filter({ hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator(`${SELECTORS.activeEditor}.focused`).waitFor({ state: 'visible', timeout: 10_000 });
}

export interface RunCommandOptions extends WaitOptions {
  /** The command shows a quick pick of its own (which reuses the palette's widget): do not wait for it to close. */
  opensQuickPick?: boolean;
}

/**
 * Runs a command by its title from the command palette (Ctrl+Shift+P), exactly as a user would.
 * Retries while the command is not listed yet (its extension may still be activating).
 */
export async function runCommand(page: Page, title: string, options: RunCommandOptions = {}): Promise<void> {
  await retry(`command palette entry "${title}"`, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (remainingMs) => {
    const rows = await openQuickInput(page, 'Control+Shift+P', `>${title}`, Math.min(5000, remainingMs));
    const row = await findRow(page, rows, title, Math.min(2000, remainingMs));
    if (!row) throw new Error(`the palette lists: ${JSON.stringify(await rows.allInnerTexts())}`);
    await row.click();
    return true;
  });
  if (options.opensQuickPick) return;
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Squiggles in the active editor, with the gutter line each sits on (matched by vertical position). */
async function readSquiggles(page: Page): Promise<Squiggle[]> {
  const editor = page.locator(SELECTORS.activeEditor).first();
  if (await editor.count() === 0) return [];
  // The callback runs in the page; the repo's tsconfig has no DOM types, so its elements are untyped here.
  return editor.evaluate((root, selectors) => {
    const gutter = [...root.querySelectorAll(selectors.lineNumbers)].map((element) => {
      const rect = element.getBoundingClientRect();
      return { line: Number(String(element.textContent).trim()), top: rect.top as number, bottom: rect.bottom as number };
    });
    const found: Squiggle[] = [];
    for (const element of root.querySelectorAll(selectors.squiggle)) {
      const rect = element.getBoundingClientRect();
      const middle = rect.top + rect.height / 2;
      const line = gutter.find((entry) => middle >= entry.top && middle < entry.bottom)?.line;
      const severity = /squiggly-(error|warning|info|hint)/.exec(String(element.className))?.[1] as Severity | undefined;
      if (line === undefined || Number.isNaN(line) || !severity) continue;
      found.push({ line, severity, box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } });
    }
    return found;
  }, { squiggle: SELECTORS.squiggle, lineNumbers: SELECTORS.lineNumbers });
}

export interface SquiggleQuery extends WaitOptions {
  line?: number;
  severity?: Severity;
}

/** Waits until the active editor shows a squiggle (on `line`, of `severity`, when given) and returns it. */
export async function waitForSquiggle(page: Page, query: SquiggleQuery = {}): Promise<Squiggle> {
  const matches = (squiggle: Squiggle): boolean => (query.line === undefined || squiggle.line === query.line)
    && (query.severity === undefined || squiggle.severity === query.severity);
  const what = `a squiggle${query.line ? ` on line ${query.line}` : ''}${query.severity ? ` (${query.severity})` : ''}`;
  return retry(what, query.timeoutMs ?? DEFAULT_TIMEOUT_MS, async () => (await readSquiggles(page)).find(matches));
}

/** All squiggles currently shown in the active editor. */
export async function listSquiggles(page: Page): Promise<Squiggle[]> {
  return readSquiggles(page);
}

function center(squiggle: Squiggle): { x: number; y: number } {
  return { x: squiggle.box.x + squiggle.box.width / 2, y: squiggle.box.y + squiggle.box.height / 2 };
}

/**
 * Moves the mouse over a squiggle (the first one found, unless given) and returns the text of the problem
 * hover: the diagnostic message and its source/code, without the hover's action bar.
 */
export async function hoverSquiggle(page: Page, squiggle?: Squiggle, options: WaitOptions = {}): Promise<string> {
  const target = squiggle ?? await waitForSquiggle(page, options);
  const contents = page.locator(`${SELECTORS.hover} .hover-contents`);
  return retry('the hover over a squiggle', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (remainingMs) => {
    // A hover shows on mouse movement; leave and come back so that every try is a fresh movement.
    await page.mouse.move(1, 1);
    const { x, y } = center(target);
    await page.mouse.move(x - 2, y);
    await page.mouse.move(x, y, { steps: 3 });
    await contents.first().waitFor({ state: 'visible', timeout: Math.min(3000, remainingMs) });
    const texts = (await contents.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    // Hovers from slow providers show "Loading..." first; that is not the answer yet.
    if (texts.length === 0 || texts.every((text) => /^Loading\b/.test(text))) return undefined;
    return texts.join('\n');
  });
}

/** Closes a hover, menu or widget that has focus or is showing (Escape), and moves the mouse away. */
export async function dismiss(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
}

/**
 * Puts the cursor on a squiggle (the first one found, unless given), opens the quick-fix menu (Ctrl+.)
 * and returns its item labels. The menu stays open: pick one with chooseQuickFix, or dismiss it.
 */
export async function openQuickFix(page: Page, squiggle?: Squiggle, options: WaitOptions = {}): Promise<string[]> {
  const target = squiggle ?? await waitForSquiggle(page, options);
  const items = page.locator(`${SELECTORS.actionWidgetItem} .title`);
  return retry('the quick-fix menu', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (remainingMs) => {
    if (await page.locator(SELECTORS.actionWidget).first().isVisible()) await page.keyboard.press('Escape');
    const { x, y } = center(target);
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+.');
    // Code actions are computed by the extension host; an empty menu means "not yet", so ask again.
    await items.first().waitFor({ state: 'visible', timeout: Math.min(3000, remainingMs) });
    const labels = await items.allInnerTexts();
    return labels.length > 0 ? labels.map((label) => label.trim()) : undefined;
  });
}

/** Applies the item labelled `label` in the open quick-fix menu. */
export async function chooseQuickFix(page: Page, label: string): Promise<void> {
  const item = page.locator(SELECTORS.actionWidgetItem).filter({ has: page.locator('.title', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await item.first().click();
  await page.locator(SELECTORS.actionWidgetItem).first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Waits for the workspace-trust dialog that opens with `trust: 'prompt'` and returns its text. */
export async function waitForTrustPrompt(page: Page, options: WaitOptions = {}): Promise<string> {
  const dialog = page.locator(SELECTORS.dialog);
  await dialog.waitFor({ state: 'visible', timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  return dialog.innerText();
}

/** Answers the workspace-trust dialog: "Yes, I trust the authors" or "No, I don't trust the authors". */
export async function answerTrustPrompt(page: Page, trust: boolean, options: WaitOptions = {}): Promise<void> {
  await waitForTrustPrompt(page, options);
  const dialog = page.locator(SELECTORS.dialog);
  const name = trust ? /^Yes, I trust the authors/ : /^No, I don't trust the authors/;
  await dialog.getByRole('button', { name }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Whether the status bar shows the Restricted Mode indicator right now. */
export async function isRestrictedMode(page: Page): Promise<boolean> {
  return page.locator(SELECTORS.restrictedModeStatus).isVisible();
}

/** Waits until the Restricted Mode indicator is shown (`true`) or gone (`false`). Trust is resolved after the
 * workbench is ready, so right after openWorkbench the indicator may not be there yet. */
export async function waitForRestrictedMode(page: Page, restricted: boolean, options: WaitOptions = {}): Promise<void> {
  await page.locator(SELECTORS.restrictedModeStatus).waitFor({ state: restricted ? 'visible' : 'hidden', timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
