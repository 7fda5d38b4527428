// What analyze() reads, apart from analyze.ts, so that fields.ts imports it without importing analyze.ts
// (no import cycles in src/core, test/unit/architecture/cycles.test.ts).
import type { ParsedDataset } from '../dataset/types';

export interface AnalysisFile {
  /** The file as the user should see it in messages. */
  readonly file: string;
  readonly data: ParsedDataset;
}

export interface AnalyzeInput {
  readonly reference: readonly AnalysisFile[];
  readonly datasets: readonly AnalysisFile[];
}
