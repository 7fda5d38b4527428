import { HASHED_NEAR_COPY, type Embedder } from '../embed/types';
import { analyze } from '../gap/analyze';
import type { AnalysisFile } from '../gap/analysisFile';
import type { DetectorRunner } from '../gap/detector/job';
import type { SideRows } from '../gap/sideRows';
import type { Logger, ProgressReporter, WordDictionary } from '../host';
import { throwIfCancelled } from '../host';
import type { FileError } from '../report/types';
import { embedSides } from './embedSides';
import { selectRows, type DropReason, type DroppedRow, type SelectOptions } from './selectRows';

export interface SelectDatasetOptions extends SelectOptions {
  readonly dictionary: WordDictionary;
  /** Train the detector again on the kept rows and report its AUC (costs a second detector run). */
  readonly recheck?: boolean;
  readonly toolVersion?: string;
  /**
   * Embeds the rows for the near-duplicate and near-copy searches; the built-in hashed embedding when omitted.
   * Its `nearCopy` thresholds are the defaults of `duplicateThreshold` and `leakThreshold`.
   */
  readonly embedder?: Embedder;
  /** Rows per side embedded, a seeded sample beyond it (near copies among the others are missed); default every row. */
  readonly maxEmbeddedRows?: number;
  /** Where the detector runs (see AnalyzeOptions.runDetector); in place when omitted. */
  readonly runDetector?: DetectorRunner;
  readonly logger?: Logger;
  readonly onProgress?: ProgressReporter;
}

/** A dropped row with its text, for the report. */
export interface DroppedRowReport extends DroppedRow {
  readonly text: string;
}

/** What `synthgap select --format json` writes. */
export interface SelectReport {
  readonly file: string;
  readonly referenceFiles: string[];
  /** Rows read from the dataset. */
  readonly rows: number;
  readonly kept: number;
  readonly counts: Record<DropReason, number>;
  /** Near-duplicate groups of two or more rows found. */
  readonly groups: number;
  readonly scoreCutoff?: number;
  /** Every dropped row, in file order. */
  readonly dropped: DroppedRowReport[];
  /** Lines that could not be read: they are kept in the output, untouched. */
  readonly errors: FileError[];
  /** The real-vs-synthetic detector's AUC on all rows, and on the kept rows when rechecked. */
  readonly auc: { readonly before: number; readonly after?: number };
  readonly settings: {
    readonly seed: number;
    readonly keepPerGroup: number;
    readonly dropLeaked: boolean;
    readonly dropDuplicates: boolean;
    readonly dropTop: number;
    readonly duplicateThreshold: number;
    readonly leakThreshold: number;
    /** The embedding the similarity searches used, e.g. `hashed-tfidf-256` or `model2vec:potion-base-8M`. */
    readonly embedder: string;
    /** Rows per side embedded, when a sample was (see maxEmbeddedRows); absent when every row was. */
    readonly embeddedRows?: number;
  };
  /** Per-row keep flags, in the order of the dataset's rows (not serialized by the CLI). */
  readonly keep: Uint8Array;
}

const DEFAULT_SEED = 42;

/**
 * Runs the `check` analysis for the detector's row scores, embeds every row of both sides (with
 * `options.embedder`, or the built-in hashed embedding), and decides with {@link selectRows} which synthetic rows to keep. With `recheck`, the
 * detector is trained again on the real rows against the kept rows. Same inputs and seed, same selection.
 *
 * @example const report = await selectDataset({ reference, dataset }, { dictionary, dropTop: 0.1 }); report.counts
 */
export async function selectDataset(input: { reference: readonly AnalysisFile[]; dataset: AnalysisFile }, options: SelectDatasetOptions): Promise<SelectReport> {
  const seed = options.seed ?? DEFAULT_SEED;
  const { token, onProgress } = options;
  const common = { dictionary: options.dictionary, seed, toolVersion: options.toolVersion, logger: options.logger, token, onProgress, ...(options.runDetector ? { runDetector: options.runDetector } : {}) };
  const before = await analyze({ reference: input.reference, datasets: [input.dataset] }, common);
  const scores = before.datasets[0].rows.map((row) => row.score);

  onProgress?.({ stage: 'embed', done: 0, total: 1 });
  const realRows = input.reference.flatMap(({ file, data }) => data.rows.map((row) => ({ row, file })));
  const realTexts = realRows.map(({ row }) => row.text);
  const syntheticRows = input.dataset.data.rows;
  const syntheticTexts = syntheticRows.map((row) => row.text);
  const maxRows = options.maxEmbeddedRows;
  const embedded = await embedSides(realTexts, syntheticTexts, { seed, token, ...(options.embedder ? { embedder: options.embedder } : {}), ...(maxRows !== undefined ? { maxRows } : {}) });
  const nearCopy = embedded.embedder.nearCopy ?? HASHED_NEAR_COPY;
  const duplicateThreshold = options.duplicateThreshold ?? nearCopy.duplicate;
  const leakThreshold = options.leakThreshold ?? nearCopy.leak;
  onProgress?.({ stage: 'embed', done: 1, total: 1 });
  throwIfCancelled(token);

  const real: SideRows = { texts: realTexts, rows: realRows.map(({ row }) => row), rowFiles: realRows.map(({ file }) => file), embedded: embedded.real };
  const synthetic: SideRows = { texts: syntheticTexts, rows: syntheticRows, embedded: embedded.synthetic };
  onProgress?.({ stage: 'compare', done: 0, total: 1 });
  const selection = selectRows({ real, synthetic, scores }, { ...options, seed, duplicateThreshold, leakThreshold });
  onProgress?.({ stage: 'compare', done: 1, total: 1 });

  let after: number | undefined;
  if (options.recheck) {
    const keptRows = syntheticRows.filter((_, i) => selection.keep[i] === 1);
    const kept = { file: input.dataset.file, data: { ...input.dataset.data, rows: keptRows, errors: [] } };
    if (keptRows.length > 0) after = (await analyze({ reference: input.reference, datasets: [kept] }, common)).datasets[0].summary.auc;
  }

  return {
    file: input.dataset.file,
    referenceFiles: input.reference.map(({ file }) => file),
    rows: syntheticRows.length,
    kept: syntheticRows.length - selection.dropped.length,
    counts: selection.counts,
    groups: selection.groups,
    ...(selection.scoreCutoff === undefined ? {} : { scoreCutoff: selection.scoreCutoff }),
    dropped: selection.dropped.map((d) => ({ ...d, text: syntheticTexts[d.row] })),
    errors: input.dataset.data.errors.map((error) => ({ file: input.dataset.file, line: error.line, message: error.message })),
    auc: { before: before.datasets[0].summary.auc, ...(after === undefined ? {} : { after }) },
    settings: {
      seed,
      keepPerGroup: Math.max(1, Math.floor(options.keepPerGroup ?? 1)),
      dropLeaked: options.dropLeaked ?? true,
      dropDuplicates: options.dropDuplicates ?? true,
      dropTop: options.dropTop ?? 0,
      duplicateThreshold,
      leakThreshold,
      embedder: embedded.embedder.id,
      ...(maxRows !== undefined && maxRows < Math.max(realTexts.length, syntheticTexts.length) ? { embeddedRows: maxRows } : {}),
    },
    keep: selection.keep,
  };
}
