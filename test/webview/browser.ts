/// <reference lib="dom" />
/**
 * Debian's Chromium for the panel tests, with pages that record what the panel did: console lines, page errors,
 * dialogs (none may open) and CSP violations. Screenshots go to .test-artifacts/webview/ (git-ignored).
 */
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerPaths, repoRoot } from '../../scripts/codeServer/paths.mjs';
import { CHROMIUM_FLAGS } from './webviewPage';


export const ARTIFACTS = join(repoRoot, '.test-artifacts', 'webview');

export interface PanelAssets {
  readonly script: string;
  readonly style: string;
}

/** The built panel; builds it when dist/webview is missing. */
export function panelAssets(): PanelAssets {
  const script = join(repoRoot, 'dist', 'webview', 'panel.js');
  const style = join(repoRoot, 'dist', 'webview', 'panel.css');
  if (!existsSync(script) || !existsSync(style)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('node scripts/build.mjs failed');
  }
  return { script: readFileSync(script, 'utf8'), style: readFileSync(style, 'utf8') };
}

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const home = mkdtempSync(join(tmpdir(), 'synthgap-webview-'));
  const browser = await chromium.launch({
    executablePath: process.env.SYNTHGAP_CHROMIUM ?? codeServerPaths().chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    // Keeps Chromium's crash database and caches out of the real home.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') } as Record<string, string>,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium and the built panel for a test file: launched before its tests, closed after them. The fields
 * are set once `before` has run, so tests read them, never the module scope.
 */
export function usePanelBrowser(): { readonly browser: TestBrowser; readonly assets: PanelAssets } {
  const shared = {} as { browser: TestBrowser; assets: PanelAssets };
  before(async () => {
    shared.assets = panelAssets();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
  });
  return shared;
}

export interface RecordedPage {
  readonly page: Page;
  readonly console: string[];
  readonly dialogs: string[];
  readonly errors: string[];
  /** Console lines that report a Content Security Policy violation. */
  cspViolations(): string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function recordedPage(browser: Browser, viewport = { width: 1100, height: 900 }): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    page,
    console: consoleLines,
    dialogs,
    errors,
    cspViolations: () => consoleLines.filter((line) => /Content Security Policy|Refused to/i.test(line)),
    async screenshot(name: string) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}

/** Elements of the panel whose box reaches past the viewport, as `tag.class left–right` (nothing may make the panel scroll sideways). */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const node of document.querySelectorAll('main *, header *')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > window.innerWidth + 0.5 || box.left < -0.5) out.push(`${node.tagName.toLowerCase()}.${String((node as unknown as { className: unknown }).className)} ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return out;
  });
}
