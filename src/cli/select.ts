import { existsSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SynthgapConfig } from '../core/config';
import type { ReadOptions } from '../core/dataset/types';
import { formatSelectText } from '../core/select/format';
import { droppedLines, keptBytes, lineStarts } from '../core/select/lines';
import { selectDataset } from '../core/select/selectDataset';
import { loadDictionary } from '../node/dictionary';
import { configBase, InputError, loadConfig, loadFiles, resolveFiles, type LoadedFile } from '../node/inputs';
import { describeFlags, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args';
import type { CliIo } from './io';
import { createProgressBar } from './progress';
import { VERSION } from './version';

/** Flags every command that reads a reference set and one dataset shares with `check`. */
export const INPUT_FLAGS: Record<string, FlagSpec> = {
  reference: { kind: 'list', value: 'FILE', description: 'real reference file (repeatable); default from synthgap.json' },
  config: { kind: 'string', value: 'FILE', description: 'settings file (default: ./synthgap.json when present)' },
  'text-field': { kind: 'string', value: 'PATH', description: 'field with the text (dotted path); auto-detected' },
  'label-field': { kind: 'string', value: 'PATH', description: 'field with the label; auto-detected' },
  role: { kind: 'string', value: 'ROLE', description: 'chat files: which role\'s turns to read (default user)' },
  seed: { kind: 'number', value: 'N', description: 'random seed; the same seed gives the same result (default 42)' },
  'max-line-bytes': { kind: 'number', value: 'N', description: 'skip longer lines with an error (default 1048576)' },
  quiet: { kind: 'boolean', description: 'no progress bar and no skipped-line messages on stderr' },
};

export const SELECT_FLAGS: Record<string, FlagSpec> = {
  ...INPUT_FLAGS,
  out: { kind: 'string', value: 'FILE', description: 'write the kept lines here (never the input); without it, only report' },
  'drop-leaked': { kind: 'boolean', description: 'drop rows that copy a real row (default on; --no-drop-leaked)' },
  'drop-near-duplicates': { kind: 'boolean', description: 'cut near-duplicate groups (default on; --no-drop-near-duplicates)' },
  'keep-per-group': { kind: 'number', value: 'N', description: 'rows kept per near-duplicate group, least synthetic-looking first (default 1)' },
  'drop-top': { kind: 'number', value: 'X%', description: 'also drop this share of rows with the highest detector scores, e.g. 10%' },
  'duplicate-similarity': { kind: 'number', value: 'C', description: 'cosine at which two rows are near-duplicates (default 0.9)' },
  'leak-similarity': { kind: 'number', value: 'C', description: 'cosine at which a row copies a real row (default 0.95)' },
  recheck: { kind: 'boolean', description: 'train the detector again on the kept rows and print its AUC' },
  format: { kind: 'string', value: 'FORMAT', description: 'summary as text (default) or json' },
  verbose: { kind: 'boolean', description: 'print the time each stage takes on stderr' },
};

export const SELECT_USAGE = `Usage: synthgap select DATASET --reference FILE --out FILE [options]

Writes the synthetic DATASET's lines minus rows that copy real rows, near-duplicates beyond
--keep-per-group per group and, with --drop-top, the most synthetic-looking share. Kept lines are
copied byte for byte, in order; lines that cannot be read are kept and reported.

Options:
${describeFlags(SELECT_FLAGS)}

Exit codes: 0 done; 2 unusable input.`;

export async function runSelect(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SELECT_FLAGS);
  const { flags } = args;
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  const keepPerGroup = (flags.get('keep-per-group') as number | undefined) ?? 1;
  if (!Number.isInteger(keepPerGroup) || keepPerGroup < 1) throw new UsageError(`--keep-per-group needs a whole number of at least 1, got ${keepPerGroup}`);
  const dropTop = (flags.get('drop-top') as number | undefined) ?? 0;
  if (!(dropTop >= 0 && dropTop < 1)) throw new UsageError(`--drop-top takes a share below 100%, such as 10% or 0.1; got ${dropTop}`);
  const duplicateThreshold = similarity(flags, 'duplicate-similarity');
  const leakThreshold = similarity(flags, 'leak-similarity');

  const inputs = await loadCommandInputs(args, io, 'select');
  const [dataset] = inputs.datasets;
  const out = flags.get('out') as string | undefined;
  if (out) {
    refuseOverwrite(out, [dataset, ...inputs.reference], io.cwd);
    checkWritable(out, io.cwd);
  }

  const progress = inputs.quiet ? { update() {}, done() {} } : createProgressBar(io.stderrStream);
  const say = (message: string) => io.stderr(`synthgap: ${message}\n`);
  let report;
  try {
    report = await selectDataset(
      { reference: inputs.reference, dataset },
      {
        dictionary: loadDictionary(),
        seed: inputs.seed,
        keepPerGroup,
        dropTop,
        dropLeaked: flags.get('drop-leaked') !== false,
        dropDuplicates: flags.get('drop-near-duplicates') !== false,
        ...(duplicateThreshold === undefined ? {} : { duplicateThreshold }),
        ...(leakThreshold === undefined ? {} : { leakThreshold }),
        recheck: flags.get('recheck') === true,
        toolVersion: VERSION,
        onProgress: (event) => progress.update(event),
        token: io.token,
        logger: flags.get('verbose') === true ? { debug: say, info: say, warn: (message) => say(`warning: ${message}`) } : undefined,
      },
    );
  } finally {
    progress.done();
  }

  if (out) {
    const bytes = readFileSync(resolve(io.cwd, dataset.file));
    const starts = lineStarts(bytes);
    writeOutput(out, io.cwd, keptBytes(bytes, starts, droppedLines(dataset.data, report.keep, starts, bytes)));
  }
  if (format === 'json') {
    // The per-row flags are for writing the file; the dropped rows say the same to a reader.
    io.stdout(`${JSON.stringify({ ...report, keep: undefined, ...(out ? { out } : {}) }, null, 2)}\n`);
  } else {
    io.stdout(formatSelectText(report, out));
  }
  return 0;
}

function similarity(flags: ParsedArgs['flags'], name: string): number | undefined {
  const value = flags.get(name) as number | undefined;
  if (value !== undefined && !(value > 0 && value <= 1)) throw new UsageError(`--${name} needs a cosine above 0 and at most 1, got ${value}`);
  return value;
}

/** The output must not be one of the files read: writing it would destroy the input before it is copied. */
export function refuseOverwrite(out: string, inputs: readonly LoadedFile[], cwd: string): void {
  const target = canonical(resolve(cwd, out));
  for (const input of inputs) {
    if (canonical(resolve(cwd, input.file)) === target) throw new InputError(`--out ${out} is an input file (${input.file}); write to another file`);
  }
}

/** Fails before the long work when the output's folder is missing or the output is a folder. */
export function checkWritable(out: string, cwd: string): void {
  const path = resolve(cwd, out);
  if (!existsSync(dirname(path))) throw new InputError(`cannot write ${out}: no such folder`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`cannot write ${out}: it is a folder`);
}

/** Writes beside the target and renames, so an interrupted run never leaves half a file. */
export function writeOutput(out: string, cwd: string, content: string | Uint8Array): void {
  const path = resolve(cwd, out);
  const temporary = `${path}.synthgap-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot write ${out}: no such folder`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`cannot write ${out}: permission denied`);
    if (code === 'EISDIR') throw new InputError(`cannot write ${out}: it is a folder`);
    throw error;
  }
}

function canonical(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}

export interface CommandInputs {
  readonly reference: LoadedFile[];
  /** Exactly one for commands that take one dataset. */
  readonly datasets: LoadedFile[];
  readonly settings: SynthgapConfig;
  readonly readOptions: Omit<ReadOptions, 'fileName'>;
  readonly seed?: number;
  readonly quiet: boolean;
}

/**
 * The reference files and the one synthetic dataset a command works on, from the command line or
 * synthgap.json, read as `check` reads them; skipped lines go to stderr unless `--quiet`. One-line
 * InputErrors for a missing reference, no dataset or several, and files without rows.
 */
export async function loadCommandInputs(args: ParsedArgs, io: CliIo, command: string): Promise<CommandInputs> {
  const { positional, flags } = args;
  const config = loadConfig(io.cwd, flags.get('config') as string | undefined);
  const settings = config?.config ?? {};
  const base = configBase(config, io.cwd);
  const referencePatterns = (flags.get('reference') as string[] | undefined) ?? settings.reference;
  if (!referencePatterns?.length) throw new InputError('no reference set: pass --reference FILE or set "reference" in synthgap.json');
  const referenceFiles = flags.has('reference') ? resolveFiles(referencePatterns, io.cwd, io.cwd) : resolveFiles(referencePatterns, base, io.cwd);
  const datasetFiles = (positional.length > 0 ? resolveFiles(positional, io.cwd, io.cwd) : resolveFiles(settings.datasets ?? [], base, io.cwd))
    .filter((file) => !referenceFiles.some((ref) => resolve(io.cwd, ref) === resolve(io.cwd, file)));
  if (datasetFiles.length === 0) throw new InputError(`no synthetic dataset to ${command}: name one, or set "datasets" in synthgap.json`);
  if (datasetFiles.length > 1) throw new InputError(`${command} works on one dataset at a time; got ${datasetFiles.length} (${datasetFiles.slice(0, 3).join(', ')}${datasetFiles.length > 3 ? ', …' : ''})`);

  const readOptions: Omit<ReadOptions, 'fileName'> = {
    textField: (flags.get('text-field') as string | undefined) ?? settings.textField,
    labelField: (flags.get('label-field') as string | undefined) ?? settings.labelField,
    role: (flags.get('role') as string | undefined) ?? settings.role,
    maxLineBytes: (flags.get('max-line-bytes') as number | undefined) ?? settings.maxLineBytes,
  };
  const quiet = flags.get('quiet') === true;
  const seed = (flags.get('seed') as number | undefined) ?? settings.seed;
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  const reference = await loadFiles(referenceFiles, io.cwd, { ...readOptions, token: io.token });
  const datasets = await loadFiles(datasetFiles, io.cwd, { ...readOptions, token: io.token });
  for (const loaded of [...reference, ...datasets]) checkRows(loaded, io, quiet);
  return { reference, datasets, settings, readOptions, seed, quiet };
}

/** Reports a file's skipped lines (unless quiet) and refuses a file without rows. */
export function checkRows(loaded: LoadedFile, io: CliIo, quiet: boolean): void {
  if (!quiet) for (const error of loaded.data.errors) io.stderr(`${loaded.file}:${error.line}: ${error.message}\n`);
  if (loaded.data.rows.length === 0) {
    const first = loaded.data.errors[0];
    throw new InputError(`${loaded.file}: no rows to analyze${first ? ` (line ${first.line}: ${first.message})` : ''}`);
  }
}
