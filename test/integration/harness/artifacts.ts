// Screenshots and failure reports under .test-artifacts/integration/ (git-ignored), kept for a human to read.
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/codeServer/paths.mjs';
import { browserConsole } from './workbench.js';

/** The folder artifacts go to; SYNTHGAP_ARTIFACTS_DIR moves it (CI can upload that folder). */
export function artifactsDir(): string {
  const dir = process.env.SYNTHGAP_ARTIFACTS_DIR ?? join(repoRoot, '.test-artifacts', 'integration');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function fileName(name: string, extension: string): string {
  return `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}.${extension}`;
}

/** Saves a PNG of the whole browser viewport and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(artifactsDir(), fileName(name, 'png'));
  await page.screenshot({ path });
  return path;
}

export interface FailureContext {
  page?: Page;
  /** Server output, e.g. `server.logs()`. */
  serverLogs?: () => string;
}

/** Saves a screenshot, the browser console and the server output under `name`; never throws. */
export async function saveFailureArtifacts(name: string, context: FailureContext): Promise<void> {
  const dir = artifactsDir();
  try {
    if (context.page && !context.page.isClosed()) await screenshot(context.page, `${name}-failure`);
  } catch {
    // The page may be gone; the logs below still help.
  }
  if (context.page) writeFileSync(join(dir, fileName(`${name}-browser-console`, 'log')), browserConsole(context.page).join('\n'));
  if (context.serverLogs) writeFileSync(join(dir, fileName(`${name}-code-server`, 'log')), context.serverLogs());
}

/** Runs `fn`; when it throws, saves failure artifacts under `name` and rethrows. */
export async function withFailureArtifacts<T>(name: string, context: FailureContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    await saveFailureArtifacts(name, context);
    throw error;
  }
}
