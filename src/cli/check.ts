import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../core/gap/analyze';
import type { ReadOptions } from '../core/dataset/types';
import type { Logger } from '../core/host';
import type { GapReport } from '../core/report/types';
import { formatHtml } from '../core/report/html';
import { formatJson } from '../core/report/json';
import { formatMarkdown } from '../core/report/markdown';
import { formatTerminalSummary } from '../core/report/terminal';
import { loadDictionary } from '../node/dictionary';
import { configBase, InputError, loadConfig, loadFiles, resolveFiles, type LoadedFile } from '../node/inputs';
import { describeFlags, parseArgs, UsageError, type FlagSpec } from './args';
import type { CliIo } from './io';
import { createProgressBar } from './progress';
import { VERSION } from './version';

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

export const CHECK_FLAGS: Record<string, FlagSpec> = {
  reference: { kind: 'list', value: 'FILE', description: 'real reference file (repeatable); default from synthgap.json' },
  config: { kind: 'string', value: 'FILE', description: 'settings file (default: ./synthgap.json when present)' },
  format: { kind: 'string', value: 'FORMAT', description: 'text (default), json, markdown or html' },
  out: { kind: 'string', value: 'FILE', description: 'write the report here instead of stdout' },
  'fail-above-auc': { kind: 'number', value: 'X', description: 'exit 1 when any dataset\'s AUC is above X' },
  'text-field': { kind: 'string', value: 'PATH', description: 'field with the text (dotted path); auto-detected' },
  'label-field': { kind: 'string', value: 'PATH', description: 'field with the label; auto-detected' },
  labels: { kind: 'boolean', description: 'use labels when found (--no-labels to ignore them)' },
  role: { kind: 'string', value: 'ROLE', description: 'chat files: which role\'s turns to analyze (default user)' },
  seed: { kind: 'number', value: 'N', description: 'random seed; the same seed gives the same result (default 42)' },
  folds: { kind: 'number', value: 'K', description: 'cross-fitting folds for the detector (default 5)' },
  'flag-quantile': { kind: 'number', value: 'Q', description: 'flag rows above this quantile of real scores (default 0.95)' },
  'max-line-bytes': { kind: 'number', value: 'N', description: 'skip longer lines with an error (default 1048576)' },
  color: { kind: 'boolean', description: 'color the summary (default: when stdout is a terminal)' },
  quiet: { kind: 'boolean', description: 'no progress bar and no skipped-line messages on stderr' },
  verbose: { kind: 'boolean', description: 'print the time each stage takes on stderr' },
};

export const CHECK_USAGE = `Usage: synthgap check [DATASET…] [--reference FILE] [options]

Compares each synthetic DATASET (JSONL, CSV or TSV) with the real reference set and reports,
row by row, where the synthetic text differs.

Options:
${describeFlags(CHECK_FLAGS)}

Exit codes: 0 done; 1 an AUC is above --fail-above-auc; 2 unusable input.`;

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, CHECK_FLAGS);
  const config = loadConfig(io.cwd, flags.get('config') as string | undefined);
  const settings = config?.config ?? {};
  const base = configBase(config, io.cwd);

  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const referencePatterns = (flags.get('reference') as string[] | undefined) ?? settings.reference;
  if (!referencePatterns?.length) {
    throw new InputError('no reference set: pass --reference FILE or set "reference" in synthgap.json');
  }
  const referenceFiles = flags.has('reference')
    ? resolveFiles(referencePatterns, io.cwd, io.cwd)
    : resolveFiles(referencePatterns, base, io.cwd);
  const datasetFiles = (positional.length > 0 ? resolveFiles(positional, io.cwd, io.cwd) : resolveFiles(settings.datasets ?? [], base, io.cwd))
    .filter((file) => !referenceFiles.some((ref) => resolve(io.cwd, ref) === resolve(io.cwd, file)));
  if (datasetFiles.length === 0) {
    throw new InputError('no synthetic dataset to check: name one, or set "datasets" in synthgap.json');
  }

  const labelFlag = flags.get('labels') === false ? false : (flags.get('label-field') as string | undefined);
  const readOptions: Omit<ReadOptions, 'fileName'> = {
    textField: (flags.get('text-field') as string | undefined) ?? settings.textField,
    labelField: labelFlag ?? settings.labelField,
    role: (flags.get('role') as string | undefined) ?? settings.role,
    maxLineBytes: (flags.get('max-line-bytes') as number | undefined) ?? settings.maxLineBytes,
  };
  const quiet = flags.get('quiet') === true;
  const progress = quiet ? { update() {}, done() {} } : createProgressBar(io.stderrStream);

  const reference = await loadFiles(referenceFiles, io.cwd, { ...readOptions, token: io.token });
  const datasets = await loadFiles(datasetFiles, io.cwd, { ...readOptions, token: io.token });
  for (const loaded of [...reference, ...datasets]) {
    if (!quiet) reportSkipped(loaded, io);
    if (loaded.data.rows.length === 0) throw new InputError(`${loaded.file}: no rows to analyze${firstError(loaded)}`);
  }

  let report: GapReport;
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
        ignore: new Set(settings.ignore ?? []),
        logger: flags.get('verbose') === true ? stderrLogger(io) : undefined,
      },
    );
  } finally {
    progress.done();
  }

  const color = (flags.get('color') as boolean | undefined) ?? (io.stdoutIsTTY && !io.env.NO_COLOR && !flags.has('out'));
  const output = render(report, format as Format, color);
  const out = flags.get('out') as string | undefined;
  if (out) {
    writeFileSync(resolve(io.cwd, out), output);
    if (!quiet) io.stderr(`Wrote ${out}\n`);
  } else {
    io.stdout(output);
  }

  const failAbove = (flags.get('fail-above-auc') as number | undefined) ?? settings.failAboveAuc;
  if (failAbove !== undefined) {
    const over = report.datasets.filter((dataset) => dataset.summary.auc > failAbove);
    for (const dataset of over) {
      io.stderr(`synthgap: ${dataset.file}: AUC ${dataset.summary.auc.toFixed(3)} is above ${failAbove}\n`);
    }
    if (over.length > 0) return 1;
  }
  return 0;
}

function stderrLogger(io: CliIo): Logger {
  return { debug: (message) => io.stderr(`synthgap: ${message}\n`), info: (message) => io.stderr(`synthgap: ${message}\n`), warn: (message) => io.stderr(`synthgap: warning: ${message}\n`) };
}

function toInput(loaded: LoadedFile) {
  return { file: loaded.file, data: loaded.data };
}

function render(report: GapReport, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      return formatHtml(report);
    case 'text':
      return formatTerminalSummary(report, { color });
  }
}

function reportSkipped(loaded: LoadedFile, io: CliIo): void {
  for (const error of loaded.data.errors) io.stderr(`${loaded.file}:${error.line}: ${error.message}\n`);
}

function firstError(loaded: LoadedFile): string {
  const first = loaded.data.errors[0];
  return first ? ` (line ${first.line}: ${first.message})` : '';
}
