// How long a big gap report takes to open in the report panel (target: under 2 s at 100K rows). Run without an
// argument it runs each size in its own process and prints a table; with a size it measures that size and prints
// one JSON object as its last line. Per size: the server's work per snapshot request (the rows as it hands them to
// buildPanelSnapshot, the snapshot, JSON.stringify) and, at 100K, the webview page rendering it in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core/gap/analyze';
import { buildPanelSnapshot, snapshotRowInput, type SnapshotRowInput } from '../src/core/exporters/panel';
import type { ParsedDataset } from '../src/core/dataset/types';
import type { GapReport } from '../src/core/report/types';
import { loadDictionary } from '../src/node/dictionary';
import { readDatasetFile } from '../src/node/readDatasetFile';
import { CHROMIUM_FLAGS, serveWebviewPage } from '../test/webview/webviewPage';
import { resample } from './resample';

const ROOT = resolve(__dirname, '..');
const REAL_ROWS = 10_000;
const TARGET_MS = 2000;
/** Sizes above 100K measure the server side only, and only if the whole run fits in this budget. */
const BIG_BUDGET_MS = 60_000;
const CHROMIUM = process.env.SYNTHGAP_CHROMIUM ?? '/usr/bin/chromium';

interface Result {
  readonly cells: string[];
  readonly notes: string[];
  readonly totalMs: number;
}

/** The rows as the server hands them to buildPanelSnapshot (src/server/panel.ts). */
function rowInputs(data: ParsedDataset, report: GapReport): SnapshotRowInput[] {
  const results = report.datasets[0].rows;
  return data.rows.map((row, i) => snapshotRowInput(row, results[i]));
}

/** dist/webview/panel.js and panel.css, built first when missing (as test/webview/browser.ts does). */
function panelAssets(): { script: string; style: string } {
  const script = join(ROOT, 'dist', 'webview', 'panel.js');
  const style = join(ROOT, 'dist', 'webview', 'panel.css');
  if (!existsSync(script) || !existsSync(style)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
    if (build.status !== 0) throw new Error('node scripts/build.mjs failed');
  }
  return { script: readFileSync(script, 'utf8'), style: readFileSync(style, 'utf8') };
}

// Runs in the page, as a string so no bundler or tsx helper ends up in it. From posting the snapshot (parsed from
// the JSON the server sends) to the animation frame in which the headline AUC and the first table row are laid out.
const RENDER_IN_PAGE = `new Promise((resolve) => {
  const start = performance.now();
  window.postMessage(JSON.parse(window.benchPayload), '*');
  const shown = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const poll = () => {
    if (shown('#headline-auc') && shown('.rows-table .data-row')) resolve(performance.now() - start);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})`;

/**
 * The in-page render time and, on a fresh page, the wall-clock time from the host's postMessage to both elements
 * visible, with the transfer of the JSON into the page and Playwright's round trips.
 */
async function renderMs(payload: string): Promise<{ page: number; wall: number }> {
  const { chromium } = await import('playwright-core');
  const assets = panelAssets();
  const home = mkdtempSync(join(tmpdir(), 'synthgap-bench-panel-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') } as Record<string, string>,
  });
  // The webview page as VS Code serves it, as the Chromium tests open it; resolves once the panel posted 'ready'.
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await serveWebviewPage(page, assets);
    return { context, page, errors };
  };
  try {
    const first = await open();
    await first.page.evaluate(`window.benchPayload = ${JSON.stringify(payload)}; undefined`);
    const inPage = Number(await first.page.evaluate(RENDER_IN_PAGE));
    if (first.errors.length > 0) throw new Error(`page errors: ${first.errors.join('; ')}`);
    await first.context.close();

    const second = await open();
    const start = performance.now();
    // The message crosses as the JSON text the server sent (as VS Code's IPC carries it), parsed in the page.
    await second.page.evaluate((text) => window.postMessage(JSON.parse(text), '*'), payload);
    await second.page.waitForSelector('#headline-auc', { state: 'visible' });
    await second.page.waitForSelector('.rows-table .data-row', { state: 'visible' });
    const wall = performance.now() - start;
    if (second.errors.length > 0) throw new Error(`page errors: ${second.errors.join('; ')}`);
    await second.context.close();
    return { page: inPage, wall };
  } finally {
    await browser.close();
    rmSync(home, { recursive: true, force: true });
  }
}
declare const window: { postMessage(data: unknown, origin: string): void };

function ms(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

async function measure(size: number, render: boolean): Promise<Result> {
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'synthgap-bench-'));
  try {
    const realFile = join(dir, 'real.jsonl');
    const synthFile = join(dir, 'synthetic.jsonl');
    writeFileSync(realFile, resample('real.jsonl', REAL_ROWS, 1));
    writeFileSync(synthFile, resample('synthetic.jsonl', size, 2));
    const [real, data] = [await readDatasetFile(realFile), await readDatasetFile(synthFile)];
    // As src/server/analysisWorker.ts runs it with the default settings (synthgap.mapProjection: pca).
    const report = await analyze(
      { reference: [{ file: realFile, data: real }], datasets: [{ file: 'synthetic.jsonl', data }] },
      { dictionary: loadDictionary(), map: { method: 'pca' } },
    );

    // The first snapshot request after an analysis: the server maps the rows once (cached per update), then
    // builds and serializes the snapshot (the language server's JSON-RPC does JSON.stringify).
    let start = performance.now();
    const rows = rowInputs(data, report);
    const rowsMs = performance.now() - start;
    start = performance.now();
    const snapshot = buildPanelSnapshot(report, 0, { uri: 'file:///bench/synthetic.jsonl', seq: 1, rows });
    const snapshotMs = performance.now() - start;
    start = performance.now();
    const payload = JSON.stringify({ type: 'snapshot', snapshot });
    const stringifyMs = performance.now() - start;

    let pageMs: number | undefined;
    let wallMs: number | undefined;
    if (render && !existsSync(CHROMIUM)) notes.push(`${CHROMIUM} not found: rendering in Chromium not measured.`);
    else if (render) ({ page: pageMs, wall: wallMs } = await renderMs(payload));
    const totalMs = rowsMs + snapshotMs + stringifyMs + (wallMs ?? 0);
    if (!render) notes.push(`${size.toLocaleString('en-US')} rows: server side only, not rendered.`);
    if (wallMs !== undefined) notes.push(`${size.toLocaleString('en-US')} rows (${snapshot.map?.points.length ?? 0} map points): opens in ${ms(totalMs)} ms, target under ${ms(TARGET_MS)} ms: ${totalMs < TARGET_MS ? 'met' : 'MISSED'}.`);
    const cells = [
      size.toLocaleString('en-US'),
      ms(rowsMs),
      ms(snapshotMs),
      ms(stringifyMs),
      Math.round(Buffer.byteLength(payload) / 1024).toLocaleString('en-US'),
      pageMs === undefined ? '-' : ms(pageMs),
      wallMs === undefined ? '-' : ms(wallMs),
      ms(totalMs),
    ];
    return { cells, notes, totalMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runAll(): void {
  const sizes = (process.env.SYNTHGAP_BENCH_PANEL_SIZES ?? '100000,1000000').split(',').map(Number);
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    const big = size > 100_000;
    // process.execArgv keeps `--import tsx` when this file runs unbundled.
    const result = spawnSync(process.execPath, [...process.execArgv, '--max-old-space-size=4096', __filename, String(size), big ? 'server' : 'render'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      ...(big ? { timeout: BIG_BUDGET_MS, killSignal: 'SIGKILL' as const } : {}),
      maxBuffer: 1 << 24,
    });
    if (big && (result.signal || (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')) {
      notes.push(`${size.toLocaleString('en-US')} rows: skipped, the analysis and snapshot took over ${BIG_BUDGET_MS / 1000} s.`);
      continue;
    }
    if (result.status !== 0) {
      console.error(`panel bench at ${size} rows failed (exit ${result.status})`);
      process.exit(1);
    }
    const measured = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Result;
    rows.push(measured.cells);
    notes.push(...measured.notes);
  }
  const header = ['synthetic rows', 'row inputs ms', 'snapshot build ms', 'stringify ms', 'JSON KB', 'render ms', 'render wall ms', 'total ms'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  console.log('\nReport panel: first snapshot of a gap report (render ms: in the page, from postMessage to the headline AUC and the first row laid out;');
  console.log('render wall ms: the same from the host\'s postMessage, transfer into the page included; total: row inputs + snapshot + stringify + render wall)');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const note of notes) console.log(note);
}

if (process.argv[2] === undefined) {
  runAll();
} else {
  measure(Number(process.argv[2]), process.argv[3] !== 'server').then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
