/**
 * The report panel's requests: snapshots, pages of rows, Markdown and the probe, all from a file's current
 * analysis and its rows as they are now (edits included, after the pending re-score).
 */
import type { Connection } from 'vscode-languageserver/node';
import { buildPanelSnapshot, DEFAULT_ROWS_QUERY, formatMarkdown, type PanelProbe } from '../core';
import { panelMarkdownRequest, panelProbeRequest, panelRowsRequest, panelSnapshotRequest } from '../shared/protocol';
import { onRequest } from './messages';
import type { FileAnalysis } from './fileState';
import type { Entry, SynthgapService } from './service';
import { SupersededError, type ServerLog } from './workerClient';

/** The server holds one dataset per report (the file analyzed against the reference). */
const DATASET = 0;

/** The last probe of each analysis, shown with its later snapshots. */
const probes = new WeakMap<FileAnalysis, PanelProbe>();
/** A probe under way per file: asking again joins it. */
const running = new Map<string, Promise<PanelProbe>>();

export function registerPanelRequests(connection: Connection, service: () => SynthgapService | undefined, log: ServerLog): void {
  onRequest(connection, panelSnapshotRequest, async (params) => {
    const s = service();
    const found = await analyzed(s, params.uri);
    if (!s || 'reason' in found) return { snapshot: null, reason: 'reason' in found ? found.reason : 'The Synthgap server is starting.' };
    const { entry, analysis } = found;
    const report = analysis.report;
    if (!report) return { snapshot: null, reason: `${entry.path}: no report (${analysis.note ?? 'nothing to compare'}).` };
    const probe = probes.get(analysis);
    // The rows as they are now decide the counts (edits and ignores since the analysis), as in the status bar.
    const dataset = report.datasets[DATASET];
    const current = dataset && { ...dataset, summary: { ...dataset.summary, rows: analysis.view.rows, flagged: analysis.flaggedCount } };
    const seq = analysis.seq;
    // The rows (with their text) live in the rows worker: it answers the first page.
    const rows = await s.rows.ask({ type: 'page', uri: entry.uri, query: params.rows ?? DEFAULT_ROWS_QUERY });
    const snapshot = buildPanelSnapshot(current ? { ...report, datasets: [current] } : report, DATASET, {
      uri: entry.uri,
      seq,
      rows: [],
      ...(probe ? { probe } : {}),
    });
    return { snapshot: { ...snapshot, ...(rows ? { rows: rows.page, hasLabels: snapshot.hasLabels || (report.reference.rows.some((row) => row.label !== undefined) && rows.hasLabels) } : {}) } };
  });

  onRequest(connection, panelRowsRequest, async (params) => {
    const s = service();
    const found = await analyzed(s, params.uri);
    if (!s || 'reason' in found || !found.analysis.report) return null;
    return (await s.rows.ask({ type: 'page', uri: found.entry.uri, query: params.query }))?.page ?? null;
  });

  onRequest(connection, panelMarkdownRequest, async (params) => {
    const found = await analyzed(service(), params.uri);
    const report = 'reason' in found ? null : found.analysis.report;
    const dataset = report?.datasets[DATASET];
    return { markdown: report && dataset ? formatMarkdown({ ...report, datasets: [dataset] }) : null };
  });

  onRequest(connection, panelProbeRequest, async (params) => {
    const s = service();
    const found = await analyzed(s, params.uri);
    if (!s || 'reason' in found) return { state: 'unavailable', message: 'reason' in found ? found.reason : 'The server is starting.' };
    const { entry, analysis } = found;
    let pending = running.get(entry.uri);
    if (!pending) {
      pending = s.probe(entry).finally(() => running.delete(entry.uri));
      running.set(entry.uri, pending);
    }
    try {
      const probe = await pending;
      probes.set(analysis, probe);
      return probe;
    } catch (error) {
      if (error instanceof SupersededError) return { state: 'failed', message: 'The probe was cancelled.' };
      const message = error instanceof Error ? error.message : String(error);
      log.error(`probe of ${entry.path}: ${message}`);
      return { state: 'failed', message };
    }
  });
}

type Found = { readonly entry: Entry; readonly analysis: FileAnalysis } | { readonly reason: string };

/** The file's entry and analysis once its pending re-score is done, or why there is none. */
async function analyzed(s: SynthgapService | undefined, uri: string): Promise<Found> {
  if (!s) return { reason: 'The Synthgap server is starting.' };
  await s.settled(uri);
  const entry = s.entry(uri);
  if (!entry) return { reason: 'Synthgap does not check this file: it is not a dataset file of a workspace folder with a reference set.' };
  if (entry.limited) return { reason: entry.limited };
  if (!entry.analysis) return { reason: 'The file has not been analyzed yet.' };
  return { entry, analysis: entry.analysis };
}
