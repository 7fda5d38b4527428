// A real analysis of a fine-tuning fixture pair (test/fixtures/finetune), read field by field as `synthgap check`
// reads it, with the panel rows the server or the CLI would build from it: the report views' tests start here
// rather than from a hand-written report with fields.
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core/gap/analyze';
import { buildPanelSnapshot, snapshotRowInput, type SnapshotRowInput } from '../../src/core/exporters/panel';
import type { PanelSnapshot } from '../../src/core/report/panelTypes';
import type { GapReport } from '../../src/core/report/types';
import type { ParsedDataset } from '../../src/core/dataset/types';
import { loadDictionary } from '../../src/node/dictionary';
import { readDatasetFile } from '../../src/node/readDatasetFile';

const FINETUNE = resolve(__dirname, '../fixtures/finetune');

export interface FieldsAnalysis {
  readonly report: GapReport;
  readonly data: ParsedDataset;
  /** The dataset's rows as the panel takes them (snapshotRowInput), in file order. */
  readonly rows: SnapshotRowInput[];
}

const cache = new Map<string, Promise<FieldsAnalysis>>();

/**
 * `<name>.synthetic.jsonl` against `<name>.real.jsonl` (`openai-chat`, `alpaca`, `sharegpt`, …), seed 1, the
 * default hashed embedding; the map is drawn when asked (as for a saved page). Cached per name and map.
 */
export function analyzeFinetune(name: string, withMap = false): Promise<FieldsAnalysis> {
  const key = `${name}:${withMap}`;
  let analysis = cache.get(key);
  if (!analysis) {
    analysis = run(name, withMap);
    cache.set(key, analysis);
  }
  return analysis;
}

async function run(name: string, withMap: boolean): Promise<FieldsAnalysis> {
  const file = (side: string) => `test/fixtures/finetune/${name}.${side}.jsonl`;
  const [real, data] = await Promise.all(['real', 'synthetic'].map((side) => readDatasetFile(join(FINETUNE, `${name}.${side}.jsonl`))));
  const report = await analyze(
    { reference: [{ file: file('real'), data: real }], datasets: [{ file: file('synthetic'), data }] },
    { seed: 1, dictionary: loadDictionary(), toolVersion: '0.1.0', ...(withMap ? { map: { method: 'pca' as const } } : {}) },
  );
  const results = report.datasets[0].rows;
  return { report, data, rows: data.rows.map((row, i) => snapshotRowInput(row, results[i])) };
}

/** The panel snapshot of such an analysis, as the server sends it. */
export async function finetuneSnapshot(name: string, seq = 1, withMap = false): Promise<PanelSnapshot> {
  const { report, rows } = await analyzeFinetune(name, withMap);
  return buildPanelSnapshot(report, 0, { uri: `file:///w/${name}.synthetic.jsonl`, seq, rows });
}
