import type { CodeLens } from 'vscode-languageserver/node';
import { aucInterval, formatCount } from '../core';
import { CLIENT_COMMANDS } from '../shared/protocol';
import type { FileAnalysis } from './fileState';

/**
 * The lenses on the first line: `Synthgap: 812 of 10,000 rows look synthetic · AUC 0.91 [0.90–0.92] · Open report`,
 * then, when they apply, what the squiggles leave out (`500 most synthetic-looking rows underlined; all 5,619 in
 * the report`) and what a re-analysis changed (`re-scored after save: 227 flagged, was 226`). Every figure is
 * the file's summary, the one the status bar and the panel show.
 */
export function fileCodeLens(uri: string, file: FileAnalysis, maxDiagnostics: number): CodeLens[] {
  if (!file.report) return [];
  const summary = file.summary(uri, undefined, maxDiagnostics);
  const auc = `AUC ${aucInterval(summary.auc, summary.aucLow, summary.aucHigh)}`;
  // With no gap only rows with LLM stock phrasing are flagged (core gap/verdict.ts flagPlan): say which.
  const noGap = summary.flagged === 0
    ? 'no gap from the reference, no row stands out'
    : `no gap from the reference; ${formatCount(summary.flagged)} row${summary.flagged === 1 ? ' uses' : 's use'} LLM stock phrasing`;
  const gap = summary.verdict === 'insufficient-data'
    ? 'too few rows to tell, no row is flagged'
    : summary.flagged === 0
      ? 'no row stands out on its own, the gap is spread over many rows'
      : `${formatCount(summary.flagged)} of ${formatCount(summary.rows)} rows look synthetic`;
  const titles = [`Synthgap: ${summary.verdict === 'no-gap' ? noGap : gap} · ${auc} · Open report`];
  if (summary.leftOut) titles.push(summary.leftOut);
  if (summary.change) titles.push(summary.change);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return titles.map((title) => ({ range, command: { title, command: CLIENT_COMMANDS.openReport, arguments: [uri] } }));
}
