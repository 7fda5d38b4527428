import type { CodeLens } from 'vscode-languageserver/node';
import { formatCount } from '../core/report/format';
import { aucInterval } from '../core/report/sentences';
import { CLIENT_COMMANDS } from '../shared/protocol';
import type { FileAnalysis } from './fileState';

/** `Synthgap: 812 of 10,000 rows look synthetic · AUC 0.91 [0.90–0.92] · Open report`, on the first line. */
export function fileCodeLens(uri: string, file: FileAnalysis): CodeLens[] {
  const summary = file.summary(uri);
  if (!file.report) return [];
  const count = formatCount;
  const auc = `AUC ${aucInterval(summary.auc, summary.aucLow, summary.aucHigh)}`;
  // With no gap only rows with LLM stock phrasing are flagged (core gap/verdict.ts flagRuleFor): say which.
  const noGap = summary.flagged === 0
    ? 'no gap from the reference, no row stands out'
    : `no gap from the reference; ${count(summary.flagged)} row${summary.flagged === 1 ? ' uses' : 's use'} LLM stock phrasing`;
  const gap = summary.flagged === 0
    ? 'no row stands out on its own, the gap is spread over many rows'
    : `${count(summary.flagged)} of ${count(summary.rows)} rows look synthetic`;
  const title = `Synthgap: ${summary.verdict === 'no-gap' ? noGap : gap} · ${auc} · Open report`;
  return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title, command: CLIENT_COMMANDS.openReport, arguments: [uri] } }];
}
