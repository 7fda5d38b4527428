/**
 * The report panel's webview page as VS Code serves it: the extension's page (src/extension/panelPage.ts, under
 * its CSP) and its assets from one fake origin, with a stub `acquireVsCodeApi` that records what the panel posts
 * (`window.posted`) and keeps its state (`window.savedState`). Used by the Chromium tests and the panel bench; it
 * imports nothing that needs the repository layout, so the bench can bundle it.
 */
import type { Page } from 'playwright-core';
import { panelPage } from '../../src/extension/panelPage';

/** Flags that work for Debian's Chromium here (Debian's packaged build, run as root in a container). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ORIGIN = 'https://panel.test';

/** Loads the webview page into `page` and resolves once the panel has posted `ready`. */
export async function serveWebviewPage(page: Page, assets: { readonly script: string; readonly style: string }, state?: unknown): Promise<void> {
  const html = panelPage({ nonce: 'n0nce0123456789abcdef0123456789a', cspSource: ORIGIN, scriptUri: `${ORIGIN}/panel.js`, styleUri: `${ORIGIN}/panel.css`, title: 'Gap report' });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path === '/panel.js' ? assets.script : path === '/panel.css' ? assets.style : html;
    const contentType = path === '/panel.js' ? 'text/javascript' : path === '/panel.css' ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, contentType, body });
  });
  // A string, not a function: tsx and esbuild would add helper calls the page does not have.
  await page.addInitScript({
    content: `
      window.posted = [];
      window.savedState = ${JSON.stringify(state ?? null)} ?? undefined;
      window.acquireVsCodeApi = () => ({
        postMessage: (message) => window.posted.push(message),
        getState: () => window.savedState,
        setState: (next) => { window.savedState = next; },
      });`,
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction('window.posted.some((m) => m.type === "ready")');
}
