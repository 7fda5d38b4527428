import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  analyze,
  baselineProblem,
  compareWithBaseline,
  formatJson,
  formatJsonChunks,
  formatMarkdown,
  formatScore,
  formatTerminalSummary,
  ignoredHashes,
  MIN_ROWS,
  placedText,
  type AnalyzeOptions,
  type GapReport,
  type Logger,
  type SynthgapConfig,
} from '../core';
import { detectorThread } from '../node/detectorThread';
import { loadDictionary } from '../node/dictionary';
import { InputError, loadDatasetsFor, loadFiles, narrowFor, type LoadedFile } from '../node/inputs';
import { describeFlags, oneOf, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { chooseEmbedder, EMBEDDER_FLAGS } from './embedderChoice';
import { checkRows, checkWritable, datasetFiles, inputFlags, loadSettings, narrowedNote, readOptionsFrom, referenceFiles, refuseOverwrite, roleFlag, writeOutput } from './inputs';
import type { CliIo } from './io';
import { formatHtmlPage, readPanelBundle, type PanelBundle } from './htmlReport';
import { createProgressBar } from './progress';
import { VERSION } from './version';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

export const CHECK_FLAGS: Record<string, FlagSpec> = {
  ...inputFlags('reference', 'config'),
  format: { kind: 'string', schema: oneOf(...FORMATS), value: 'FORMAT', description: 'text (default), json, markdown or html' },
  out: { kind: 'string', value: 'FILE', description: 'write the report here instead of stdout' },
  'fail-above-auc': { kind: 'number', field: 'failAboveAuc', value: 'X', description: 'exit 1 when any dataset\'s AUC is above X' },
  baseline: { kind: 'string', value: 'FILE', description: 'compare with an earlier JSON report (--format json) of the same datasets' },
  'baseline-dataset': { kind: 'string', value: 'NAME', description: 'the baseline\'s dataset to compare with, when its name differs' },
  // An AUC lives in [0.5, 1]: a rise of 0.5 or more cannot happen, and a negative one would fail on no change.
  'fail-on-regression': { kind: 'number', schema: { type: 'number', minimum: 0, maximum: 0.5 }, value: 'X', description: 'exit 1 when a dataset\'s AUC rose by more than X since --baseline' },
  ...inputFlags('text-field', 'label-field', 'group-field'),
  labels: { kind: 'boolean', description: 'use labels when found (--no-labels to ignore them)' },
  role: roleFlag('analyze'),
  ...inputFlags('seed'),
  folds: { kind: 'number', field: 'folds', value: 'K', description: 'cross-fitting folds for the detector (default 5)' },
  'flag-quantile': { kind: 'number', field: 'flagQuantile', value: 'Q', description: 'flag rows above this quantile of real scores (default 0.95)' },
  ...inputFlags('max-line-bytes'),
  ...EMBEDDER_FLAGS,
  color: { kind: 'boolean', description: 'color the summary (default: when stdout is a terminal)' },
  ...inputFlags('quiet'),
  verbose: { kind: 'boolean', description: 'print the time each stage takes on stderr' },
};

export const CHECK_USAGE = `Usage: synthgap check [DATASET…] [--reference FILE] [options]

Compares each synthetic DATASET (JSONL, CSV or TSV) with the real reference set and reports,
row by row, where the synthetic text differs.

Options:
${describeFlags(CHECK_FLAGS)}

A dataset is compared with the baseline's dataset of the same file name; when the names differ, the only
dataset of each run is compared when both used the same reference files (or name it with --baseline-dataset).

Exit codes:
  0  done (no gate tripped)
  1  an AUC is above --fail-above-auc, or rose by more than --fail-on-regression since --baseline
  2  unusable input: a bad flag or file, or a baseline of another schema version or of other datasets`;

/** What one `check` run analyzed: the report and the files as read, for the command's output or a tool's result. */
export interface CheckRun {
  readonly report: GapReport;
  readonly reference: LoadedFile[];
  readonly datasets: LoadedFile[];
  readonly flags: ParsedArgs['flags'];
  readonly settings: SynthgapConfig;
  readonly format: Format;
  readonly bundle?: PanelBundle;
}

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { report, datasets, flags, settings, bundle, format } = await analyzeCheck(argv, io);
  const out = flags.get('out') as string | undefined;
  const quiet = flags.get('quiet') === true;
  const color = (flags.get('color') as boolean | undefined) ?? (io.stdoutIsTTY && !io.env.NO_COLOR && !flags.has('out'));
  // JSON comes in pieces: a million rows' report is longer than one JavaScript string can be.
  // The report's rows follow each dataset's rows, so the summary can show a listed row's text.
  // Each row's text as the report's rows point at it: the flagged field of a record read field by field.
  const texts = datasets.map((loaded, d) => loaded.data.rows.map((row, i) => placedText(row, report.datasets[d]?.rows[i] ?? {})));
  const pieces = format === 'json' ? formatJsonChunks(report) : bundle ? [await formatHtmlPage(report, datasets, io.cwd, bundle)] : [render(report, format as Exclude<Format, 'html'>, color, texts)];
  if (out) {
    writeOutput(out, io.cwd, pieces);
    if (!quiet) io.stderr(`Wrote ${out}\n`);
  } else {
    await io.stdoutPieces(pieces);
  }

  let failed = false;
  for (const dataset of report.baseline?.datasets.filter((d) => d.regression) ?? []) {
    io.stderr(`synthgap: ${dataset.now.file}: AUC ${formatScore(dataset.then?.auc ?? NaN, 3)} → ${formatScore(dataset.now.auc, 3)} rose by more than ${String(report.baseline?.failOnRegression)} since the baseline\n`);
    failed = true;
  }
  const failAbove = (flags.get('fail-above-auc') as number | undefined) ?? settings.failAboveAuc;
  if (failAbove !== undefined) {
    // With too few rows the AUC is noise: the gate does not apply, and the terminal says why.
    for (const dataset of report.datasets.filter((d) => d.summary.verdict === 'insufficient-data')) {
      io.stderr(`synthgap: ${dataset.file}: --fail-above-auc not applied: too few rows to compare (${dataset.summary.referenceRows} reference, ${dataset.summary.rows} dataset; each side needs ${MIN_ROWS})\n`);
    }
    const over = report.datasets.filter((dataset) => dataset.summary.verdict !== 'insufficient-data' && dataset.summary.auc > failAbove);
    for (const dataset of over) {
      io.stderr(`synthgap: ${dataset.file}: AUC ${dataset.summary.auc.toFixed(3)} is above ${failAbove}\n`);
    }
    if (over.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

/**
 * Reads the files as `check` does and analyzes them, without printing: the command prints the report, the
 * agent tools (src/node/tools) make a compact result of it. `onModel` hears what each comparison learned.
 */
export async function analyzeCheck(argv: readonly string[], io: CliIo, hooks: { onModel?: AnalyzeOptions['onModel'] } = {}): Promise<CheckRun> {
  const { positional, flags } = parseArgs(argv, CHECK_FLAGS);
  const config = loadSettings(flags, io.cwd);
  const { settings } = config;

  const format = (flags.get('format') as Format | undefined) ?? 'text';
  // The page's script and style are read now: a broken install fails before the analysis, not after it.
  const bundle = format === 'html' ? readPanelBundle() : undefined;
  const out = flags.get('out') as string | undefined;
  // A missing folder or an input file as the output fails now, not after the whole analysis.
  if (out) checkWritable(out, io.cwd);
  const baseline = readBaseline(flags, io.cwd);
  const references = referenceFiles(flags, config, io.cwd);
  const datasetPaths = datasetFiles(positional, config, references, io.cwd, 'check');

  const readOptions = readOptionsFrom(flags, settings, flags.get('labels') === false ? false : (flags.get('label-field') as string | undefined));
  const quiet = flags.get('quiet') === true;
  const progress = quiet ? { update() {}, done() {} } : createProgressBar(io.stderrStream);

  const loadedReference = await loadFiles(references, io.cwd, { ...readOptions, token: io.token });
  const datasets = await loadDatasetsFor(loadedReference, datasetPaths, io.cwd, { ...readOptions, token: io.token }, narrowedNote(io, quiet));
  const reference = await narrowFor(loadedReference, datasets, io.cwd, { ...readOptions, token: io.token }, narrowedNote(io, quiet, 'the datasets have'));
  for (const loaded of [...reference, ...datasets]) checkRows(loaded, io, quiet);
  if (out) refuseOverwrite(out, [...reference, ...datasets], io.cwd);

  const logger = flags.get('verbose') === true ? stderrLogger(io) : undefined;
  const embedding = await chooseEmbedder(flags, settings, config.base, io, quiet, logger);
  let report: GapReport;
  const thread = detectorThread((reason) => logger?.debug(reason));
  try {
    report = await analyze(
      { reference: reference.map(toInput), datasets: datasets.map(toInput) },
      {
        seed: (flags.get('seed') as number | undefined) ?? settings.seed,
        folds: (flags.get('folds') as number | undefined) ?? settings.folds,
        flagQuantile: (flags.get('flag-quantile') as number | undefined) ?? settings.flagQuantile,
        dictionary: loadDictionary(),
        toolVersion: VERSION,
        onProgress: (event) => progress.update(event),
        token: io.token,
        ignore: new Set(ignoredHashes(settings)),
        logger,
        embedder: embedding.embedder,
        ...(embedding.maxSampleRows !== undefined ? { maxSampleRows: embedding.maxSampleRows } : {}),
        ...(thread ? { runDetector: thread.run } : {}),
        // The page draws the map the editor's panel draws, with the editor's default projection (PCA: fast and
        // seeded on its own, so the other figures do not change); the other formats have no map to show.
        ...(format === 'html' ? { map: { method: 'pca' as const } } : {}),
        ...(hooks.onModel ? { onModel: hooks.onModel } : {}),
      },
    );
  } finally {
    progress.done();
    embedding.dispose();
    thread?.dispose();
  }
  if (baseline) {
    const failOnRegression = flags.get('fail-on-regression') as number | undefined;
    const dataset = flags.get('baseline-dataset') as string | undefined;
    const comparison = compareWithBaseline(baseline.report, report, { file: baseline.file, ...(failOnRegression !== undefined ? { failOnRegression } : {}), ...(dataset !== undefined ? { dataset } : {}) });
    if ('problem' in comparison) throw new InputError(`--baseline ${baseline.file}: ${comparison.problem}`);
    report = { ...report, baseline: comparison };
  }
  if (embedding.cache) logger?.debug(`${embedding.id}: embedded ${embedding.cache.embeddedTexts} new texts (the rest came from the cache)`);
  return { report, reference, datasets, flags, settings, format, ...(bundle ? { bundle } : {}) };
}

/** The --baseline report, read and checked before any analysis: a wrong file fails in a second, not after minutes. */
function readBaseline(flags: ReturnType<typeof parseArgs>['flags'], cwd: string): { file: string; report: GapReport } | undefined {
  const file = flags.get('baseline') as string | undefined;
  if (file === undefined) {
    for (const name of ['fail-on-regression', 'baseline-dataset']) if (flags.has(name)) throw new InputError(`--${name} needs --baseline FILE`);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? 'not JSON' : (error as Error).message;
    throw new InputError(`--baseline ${file}: ${reason}`);
  }
  const problem = baselineProblem(value);
  if (problem) throw new InputError(`--baseline ${file}: ${problem}`);
  return { file, report: value as GapReport };
}

function stderrLogger(io: CliIo): Logger {
  return { debug: (message) => io.stderr(`synthgap: ${message}\n`), info: (message) => io.stderr(`synthgap: ${message}\n`), warn: (message) => io.stderr(`synthgap: warning: ${message}\n`) };
}

function toInput(loaded: LoadedFile) {
  return { file: loaded.file, data: loaded.data };
}

function render(report: GapReport, format: Exclude<Format, 'html'>, color: boolean, texts: readonly (readonly string[])[]): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'text':
      return formatTerminalSummary(report, { color, texts });
  }
}
