// `synthgap fit`: trains the detector once, on a seeded sample of each side, and writes the model file that
// `synthgap score` scores rows with anywhere (another machine, a Dask or Spark worker, a shell pipeline).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../core/gap/analyze';
import { scoringModelState, type ScoringModelState } from '../core/gap/model';
import type { ParsedDataset } from '../core/dataset/types';
import { compactState, encodeModelFile, type ModelDocument, type ModelText } from '../core/model/modelFile';
import { formatAuc, formatAucRange, formatCount } from '../core/report/format';
import { sampleIndexes, seededRandom } from '../core/stats/random';
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
  const options = { ...readOptions, token: io.token };
  const loadedReference = await loadFiles(references, io.cwd, options);
  const datasets = await loadDatasetsFor(loadedReference, datasetPaths, io.cwd, options, narrowedNote(io, quiet));
  const reference = await narrowFor(loadedReference, datasets, io.cwd, options, narrowedNote(io, quiet, 'the datasets have'));
  for (const loaded of [...reference, ...datasets]) checkRows(loaded, io, quiet);
  refuseOverwrite(out, [...reference, ...datasets], io.cwd);

  const syntheticSide = oneSide(datasets);
  const referenceSide = oneSide(reference);
  const synthetic = sampled(syntheticSide, sample, seed);
  const real = sampled(referenceSide, sample, seed + 1);

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
    rows: { reference: real.rows.length, synthetic: synthetic.rows.length, referenceRead: referenceSide.rows.length, syntheticRead: syntheticSide.rows.length },
    summary: { auc: summary.auc, aucLow: summary.aucLow, aucHigh: summary.aucHigh, verdict: summary.verdict, flagThreshold: summary.flagThreshold, flagRule: state.flagRule },
    state,
  };
  writeOutput(out, io.cwd, encodeModelFile(doc));
  const bytes = statSync(resolve(io.cwd, out)).size;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(
    `Wrote ${out} (${formatMegabytes(bytes)}) from ${sideText(synthetic, syntheticSide, 'synthetic')} and ${sideText(real, referenceSide, 'reference')}: ` +
      `AUC ${aucText(summary.auc, summary.aucLow, summary.aucHigh)}, ${summary.verdict}, in ${seconds} s\n`,
  );
  return 0;
}

/** Several files of one side as one dataset: they must have been read with the same fields, or one model cannot score them all. */
function oneSide(files: readonly LoadedFile[]): ParsedDataset {
  const first = files[0].data;
  for (const file of files.slice(1)) {
    const other = file.data;
    if (other.textField !== first.textField || other.role !== first.role) {
      throw new InputError(`${file.file} is read for "${other.textField}"${other.role ? ` (${other.role})` : ''} but ${files[0].file} for "${first.textField}"${first.role ? ` (${first.role})` : ''}: one model reads every file alike (--text-field or --role chooses)`);
    }
  }
  return files.length === 1 ? first : { ...first, rows: files.flatMap((file) => file.data.rows), errors: [] };
}

/** At most `count` rows, a seeded sample kept in file order. */
function sampled(data: ParsedDataset, count: number, seed: number): ParsedDataset {
  if (data.rows.length <= count) return data;
  const picked = [...sampleIndexes(data.rows.length, count, seededRandom(seed ^ SAMPLE_SALT))].sort((a, b) => a - b);
  return { ...data, rows: picked.map((index) => data.rows[index]), errors: [] };
}

function modelText(data: ParsedDataset): ModelText {
  return {
    textField: data.textField,
    ...(data.textFields ? { textFields: data.textFields } : {}),
    ...(data.role !== undefined ? { role: data.role } : {}),
    ...(data.labelField !== undefined ? { labelField: data.labelField } : {}),
  };
}

function sideText(used: ParsedDataset, read: ParsedDataset, side: string): string {
  const n = used.rows.length;
  return n === read.rows.length ? `${formatCount(n)} ${side} rows` : `${formatCount(n)} of ${formatCount(read.rows.length)} ${side} rows (seeded sample)`;
}

function formatMegabytes(bytes: number): string {
  return bytes < 1 << 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** `0.91 (0.90–0.92)`; the interval left out when it prints as the AUC does (`>0.99`). */
function aucText(auc: number, low: number, high: number): string {
  const range = formatAucRange(low, high);
  return range === formatAuc(auc) ? range : `${formatAuc(auc)} (${range})`;
}
