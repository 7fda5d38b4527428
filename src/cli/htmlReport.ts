/**
 * `synthgap check --format html`: the report panel's saved page (core's staticPanelPage, the page the editor's
 * "Save as HTML" writes), one dataset per checked file. The panel's script and stylesheet ship beside this bundle
 * (dist/webview/panel.js and panel.css); the CLI reads them before the analysis, so a broken install fails at once.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildPanelSnapshot,
  rowsPage,
  savedReportPage,
  snapshotRowInput,
  type GapReport,
  type RowsQuery,
} from '../core';
import { InputError, type LoadedFile } from '../node/inputs';

export interface PanelBundle {
  readonly script: string;
  readonly style: string;
}

/** dist/webview beside dist/cli.js (the bundle's own folder at run time). */
const BUNDLE_DIR = join(__dirname, 'webview');

/** The panel's built script and stylesheet, or an InputError (one line, exit 2) naming what is missing. */
export function readPanelBundle(dir = BUNDLE_DIR): PanelBundle {
  const read = (file: string): string => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      throw new InputError(`--format html needs the report page's ${file}, which is missing from ${dir}: reinstall synthgap (or run npm run build in a checkout)`);
    }
  };
  return { script: read('panel.js'), style: read('panel.css') };
}

/** The saved report page for a check: one dataset per file, in the order given, rows capped as staticDataset says. */
export async function formatHtmlPage(report: GapReport, datasets: readonly LoadedFile[], cwd: string, bundle: PanelBundle): Promise<string> {
  const sources = datasets.map((loaded, index) => {
    const results = report.datasets[index]?.rows ?? [];
    if (results.length !== loaded.data.rows.length) throw new Error(`${loaded.file}: the report has ${results.length} rows for ${loaded.data.rows.length} in the file`);
    const rows = loaded.data.rows.map((row, i) => snapshotRowInput(row, results[i]));
    const snapshot = buildPanelSnapshot(report, index, { uri: pathToFileURL(resolve(cwd, loaded.file)).href, seq: 1, rows });
    return { snapshot, fetchRows: (query: RowsQuery) => rowsPage(rows, query) };
  });
  const { html } = await savedReportPage(sources, { ...bundle, theme: 'auto', nonce: randomBytes(18).toString('base64url') });
  return html;
}
