/**
 * The report as JSON: the one place that serializes it. Keys keep the order the analysis built them in,
 * two-space indent, newline at the end. Non-finite numbers (an AUC on too little data) become `null`, as
 * JSON.stringify writes them; readers treat `null` there as "not available".
 */
import type { GapReport } from './types';

export function formatJson(report: GapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
