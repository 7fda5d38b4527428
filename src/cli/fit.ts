// `synthgap fit`: trains the detector once, on a seeded sample of each side, and writes the model file that
// `synthgap score` scores rows with anywhere (another machine, a Dask or Spark worker, a shell pipeline).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  analyze,
  compactState,
  encodeModelFile,
  formatAuc,
  formatAucRange,
  formatCount,
  gramCounts,
  sampleIndexes,
  scoringModelState,
  seededRandom,
  trainingFilter,
  type ModelDocument,
  type ModelText,
  type ParsedDataset,
  type ScoringModelState,
} from '../core';
import { detectorThread } from '../node/detectorThread';
import { loadDictionary } from '../node/dictionary';
import { InputError, loadDatasetsFor, loadFiles, narrowFor, type LoadedFile } from '../node/inputs';
import { describeFlags, NON_EMPTY, parseArgs, UsageError, type FlagSpec } from './args';
import { checkRows, checkWritable, datasetFiles, inputFlags, loadSettings, narrowedNote, readOptionsFrom, referenceFiles, refuseOverwrite, seedFrom, writeOutput } from './inputs';
import type { CliIo } from './io';
import { createProgressBar } from './progress';
import { VERSION } from './version';

/**
 * Rows per side fitted on by default: the detector trains on at most 20,000 rows a class anyway (analyze.ts
 * MAX_TRAIN_PER_CLASS), so a larger sample adds rows to score out of fold, not to learn from, and costs time
 * linearly; the reference scores the flags rest on are then 20,000 out-of-fold scores, a 95% quantile known to
 * about ±0.3 percentile points.
 */
const DEFAULT_SAMPLE = 20_000;
/** Salt of the sample's random stream, so it is not the stream the detector's folds are dealt from. */
const SAMPLE_SALT = 0x5a17;

export const FIT_FLAGS: Record<string, FlagSpec> = {
  ...inputFlags('reference', 'config'),
  out: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'write the model here (required)' },
  ...inputFlags('seed'),
  sample: { kind: 'number', schema: { type: 'integer', minimum: 2 }, value: 'N', description: `rows per side fitted on, a seeded sample beyond it (default ${formatCount(DEFAULT_SAMPLE)})` },
  ...inputFlags('text-field', 'label-field', 'group-field', 'role', 'max-line-bytes', 'quiet'),
};

export const FIT_USAGE = `Usage: synthgap fit SYNTHETIC… --reference FILE --out model.json [options]

Trains the detector on a seeded sample of the synthetic files (one side, however many files) and of the
real reference, and writes a model file that "synthgap score" scores rows with, row by row, anywhere.

Options:
${describeFlags(FIT_FLAGS)}

Exit codes: 0 written; 2 unusable input.`;

export async function runFit(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, FIT_FLAGS);
  const out = flags.get('out') as string | undefined;
  if (!out) throw new UsageError('--out FILE is required: where to write the model');
  checkWritable(out, io.cwd);
  const config = loadSettings(flags, io.cwd);
  const { settings } = config;
  const references = referenceFiles(flags, config, io.cwd);
  const datasetPaths = datasetFiles(positional, config, references, io.cwd, 'fit');
  const readOptions = readOptionsFrom(flags, settings);
  const quiet = flags.get('quiet') === true;
  const seed = seedFrom(flags, settings) ?? 42;
  const sample = (flags.get('sample') as number | undefined) ?? DEFAULT_SAMPLE;

  const started = Date.now();
  // Each file keeps a seeded sample of at most `sample` rows as it is read, so memory does not grow with the files.
  const options = { ...readOptions, token: io.token, sample: { rows: sample, seed: (seed ^ SAMPLE_SALT) + 1 } };
  const loadedReference = await loadFiles(references, io.cwd, options);
  const datasets = await loadDatasetsFor(loadedReference, datasetPaths, io.cwd, options, narrowedNote(io, quiet));
  const reference = await narrowFor(loadedReference, datasets, io.cwd, options, narrowedNote(io, quiet, 'the datasets have'));
  for (const loaded of [...reference, ...datasets]) checkRows(loaded, io, quiet);
  refuseOverwrite(out, [...reference, ...datasets], io.cwd);

  checkFields(datasets);
  checkFields(reference);
  const synthetic = sampled(datasets, sample, seed);
  const real = sampled(reference, sample, seed + 1);
  const syntheticRead = rowsRead(datasets);
  const referenceRead = rowsRead(reference);

  const progress = quiet ? { update() {}, done() {} } : createProgressBar(io.stderrStream);
  const thread = detectorThread();
  let state: ScoringModelState | undefined;
  let report;
  try {
    report = await analyze(
      { reference: [{ file: reference[0].file, data: real }], datasets: [{ file: datasets[0].file, data: synthetic }] },
      {
        seed,
        folds: settings.folds,
        flagQuantile: settings.flagQuantile,
        dictionary: loadDictionary(),
        toolVersion: VERSION,
        token: io.token,
        map: false,
        onProgress: (event) => progress.update(event),
        ...(thread ? { runDetector: thread.run } : {}),
        // No nearest-row sample: scoring does not use it, and it would be most of the file.
        onModel: (parts) => (state = compactState(scoringModelState(parts, [], { maxNearest: 0, seed }))),
      },
    );
  } finally {
    progress.done();
    thread?.dispose();
  }
  if (!state) throw new Error('the analysis handed out no model');
  const summary = report.datasets[0].summary;
  const doc: ModelDocument = {
    toolVersion: VERSION,
    seed,
    text: modelText(synthetic),
    rows: { reference: real.rows.length, synthetic: synthetic.rows.length, referenceRead, syntheticRead },
    summary: { auc: summary.auc, aucLow: summary.aucLow, aucHigh: summary.aucHigh, verdict: summary.verdict, flagThreshold: summary.flagThreshold, flagRule: state.flagRule },
    state,
    // The synthetic rows the detector learned from, so a sketch of them can say its scores read high.
    training: trainingFilter(synthetic.rows.map((row) => row.text), seed),
    // The reference's grams, so merge can test phrases the model does not hold against the reference.
    referenceGrams: { rows: real.rows.length, cms: gramCounts(real.rows.map((row) => row.text)) },
  };
  writeOutput(out, io.cwd, encodeModelFile(doc));
  const bytes = statSync(resolve(io.cwd, out)).size;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(
    `Wrote ${out} (${formatMegabytes(bytes)}) from ${sideText(synthetic.rows.length, syntheticRead, 'synthetic')} and ${sideText(real.rows.length, referenceRead, 'reference')}: ` +
      `AUC ${aucText(summary.auc, summary.aucLow, summary.aucHigh)}, ${summary.verdict}, in ${seconds} s\n`,
  );
  return 0;
}

/** The files of one side must have been read with the same fields, or one model cannot score them all. */
function checkFields(files: readonly LoadedFile[]): void {
  const first = files[0].data;
  for (const file of files.slice(1)) {
    const other = file.data;
    if (other.textField !== first.textField || other.role !== first.role) {
      throw new InputError(`${file.file} is read for "${other.textField}"${other.role ? ` (${other.role})` : ''} but ${files[0].file} for "${first.textField}"${first.role ? ` (${first.role})` : ''}: one model reads every file alike (--text-field or --role chooses)`);
    }
  }
}

function rowsRead(files: readonly LoadedFile[]): number {
  return files.reduce((sum, file) => sum + (file.data.rowsRead ?? file.data.rows.length), 0);
}

/**
 * One side's files as one dataset of at most `count` rows, a uniform seeded sample of all their rows, in file and
 * line order. Each file kept a uniform sample of up to `count` of its rows while it was read; drawing `count` of all
 * the rows read and counting how many fall in each file, then taking that many of the file's kept rows, is a
 * uniform sample of the whole side.
 */
function sampled(files: readonly LoadedFile[], count: number, seed: number): ParsedDataset {
  const first = files[0].data;
  const total = rowsRead(files);
  if (total <= count) return { ...first, rows: files.flatMap((file) => file.data.rows), errors: [] };
  const random = seededRandom(seed ^ SAMPLE_SALT);
  const picks = [...distinctBelow(total, count, random)].sort((a, b) => a - b);
  const rows = [];
  let p = 0;
  let offset = 0;
  for (const file of files) {
    const read = file.data.rowsRead ?? file.data.rows.length;
    let inFile = 0;
    while (p < picks.length && picks[p] < offset + read) {
      inFile++;
      p++;
    }
    offset += read;
    for (const index of sampleIndexes(file.data.rows.length, inFile, random)) rows.push(file.data.rows[index]);
  }
  return { ...first, rows, errors: [] };
}

/** `count` distinct integers below `n` (Floyd's algorithm: `count` draws and a set, never an array of `n`). */
function distinctBelow(n: number, count: number, random: () => number): Set<number> {
  const chosen = new Set<number>();
  for (let j = n - count; j < n; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return chosen;
}

function modelText(data: ParsedDataset): ModelText {
  return {
    textField: data.textField,
    ...(data.textFields ? { textFields: data.textFields } : {}),
    ...(data.role !== undefined ? { role: data.role } : {}),
    ...(data.labelField !== undefined ? { labelField: data.labelField } : {}),
  };
}

function sideText(used: number, read: number, side: string): string {
  return used === read ? `${formatCount(used)} ${side} rows` : `${formatCount(used)} of ${formatCount(read)} ${side} rows (seeded sample)`;
}

function formatMegabytes(bytes: number): string {
  return bytes < 1 << 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** `0.91 (0.90–0.92)`; the interval left out when it prints as the AUC does (`>0.99`). */
function aucText(auc: number, low: number, high: number): string {
  const range = formatAucRange(low, high);
  return range === formatAuc(auc) ? range : `${formatAuc(auc)} (${range})`;
}
