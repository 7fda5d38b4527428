// Opens the VS Code workbench of a code-server in Debian's Chromium, driven by playwright-core.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerPaths } from '../../../scripts/codeServer/paths.mjs';
import { HARNESS_TAG_VARIABLE, trackTag } from './processes.js';
import { SELECTORS } from './selectors.js';

/** Flags checked with Debian's Chromium run as root in a container; headless, no sandbox as root, nothing phoning home. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WorkbenchOptions {
  /** Browser viewport; screenshots have this size. */
  viewport?: { width: number; height: number };
  /** Milliseconds to wait for the workbench to be ready. */
  readyTimeoutMs?: number;
}

interface Session {
  context: BrowserContext;
  profile: string;
  tag: string;
  sweep: () => void;
  consoleLines: string[];
}

const sessions = new WeakMap<Page, Session>();

/**
 * Opens `folder` in the workbench served at `url` and resolves when the workbench is ready: the folder is
 * shown in the explorer and the editor area exists. The browser has a fresh profile; closeWorkbench ends it.
 */
export async function openWorkbench(url: string, folder: string, options: WorkbenchOptions = {}): Promise<Page> {
  const profile = mkdtempSync(join(tmpdir(), 'synthgap-chromium-'));
  const tag = randomUUID();
  const sweep = trackTag(tag, [profile]);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: codeServerPaths().chromium,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      // The tag lets closeWorkbench find renderer or GPU processes that outlive the browser. A home inside
      // the profile keeps Chromium's crash database and caches out of the real ~/.config and ~/.cache.
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, '.config'), XDG_CACHE_HOME: join(profile, '.cache'), [HARNESS_TAG_VARIABLE]: tag } as Record<string, string>,
    });
  } catch (error) {
    sweep();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Could not start ${codeServerPaths().chromium} (run npm run setup:integration): ${(error as Error).message}`);
  }
  const page = context.pages()[0] ?? await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  sessions.set(page, { context, profile, tag, sweep, consoleLines });

  try {
    const target = new URL(url);
    target.searchParams.set('folder', folder);
    await page.goto(target.toString());
    await waitForWorkbenchReady(page, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await closeWorkbench(page);
    throw error;
  }
  return page;
}

/** Waits for the workbench shell, the editor area, the status bar and the explorer's first row. */
export async function waitForWorkbenchReady(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(SELECTORS.workbench).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(SELECTORS.editorArea).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(SELECTORS.statusBar).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(SELECTORS.explorerRow).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Browser console lines seen so far, for failure reports. */
export function browserConsole(page: Page): string[] {
  return sessions.get(page)?.consoleLines ?? [];
}

/** Closes the browser, kills anything it left behind and deletes its profile. Safe to call twice. */
export async function closeWorkbench(page: Page): Promise<void> {
  const session = sessions.get(page);
  if (!session) return;
  sessions.delete(page);
  await session.context.close().catch(() => undefined);
  session.sweep();
  rmSync(session.profile, { recursive: true, force: true, maxRetries: 3 });
}

/** The tag of the browser behind `page`, for leak checks with findTaggedProcesses. */
export function browserTag(page: Page): string | undefined {
  return sessions.get(page)?.tag;
}
