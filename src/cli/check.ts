import {
  analyze,
  formatJson,
  formatJsonChunks,
  formatMarkdown,
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
import { loadDatasetsFor, loadFiles, narrowFor, type LoadedFile } from '../node/inputs';
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

Exit codes: 0 done; 1 an AUC is above --fail-above-auc; 2 unusable input.`;

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
    if (over.length > 0) return 1;
  }
  return 0;
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
  if (embedding.cache) logger?.debug(`${embedding.id}: embedded ${embedding.cache.embeddedTexts} new texts (the rest came from the cache)`);
  return { report, reference, datasets, flags, settings, format, ...(bundle ? { bundle } : {}) };
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
