// Webviews in the workbench: each is an iframe (VS Code's host page) around the extension's content frame.
import type { FrameLocator, Page } from 'playwright-core';
import { SELECTORS } from './selectors.js';
import { waitForCondition } from './wait.js';

/** The content of the visible webview (the report panel: only one is open in these tests). */
export function visibleWebview(page: Page): FrameLocator {
  return page.frameLocator(SELECTORS.webviewHost).frameLocator(SELECTORS.webviewContent);
}

/** The editor's cursor line from the status bar (`Ln 12, Col 1`), once it shows one. */
export async function cursorLine(page: Page): Promise<number | undefined> {
  const text = await page.locator(SELECTORS.cursorPosition).first().innerText().catch(() => '');
  const match = /Ln (\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Waits until the editor's cursor is on `line` (1-based). */
export async function waitForCursorLine(page: Page, line: number, timeoutMs = 20_000): Promise<void> {
  await waitForCondition(`the cursor on line ${line}`, async () => (await cursorLine(page)) === line, timeoutMs);
}
