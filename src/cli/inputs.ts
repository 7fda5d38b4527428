// What every command that reads a reference set and datasets shares: the flags, the files they name, how the
// files are read, and how an output file is written without destroying an input.
import { closeSync, existsSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configRole, configTextField, type NarrowedRead, type ReadOptions, type SynthgapConfig } from '../core';
import { configBase, InputError, loadConfig, loadDatasetsFor, loadFiles, narrowFor, resolveFiles, type LoadedFile } from '../node/inputs';
import type { FlagSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

type Flags = ParsedArgs['flags'];

/** The chat-role flag; `verb` says what the command does with the turns. */
export function roleFlag(verb: string): FlagSpec {
  return { kind: 'string', field: 'role', value: 'ROLE[,ROLE]', description: `chat files: which roles' turns to ${verb}, each as its own field (default: system, user and assistant, those present)` };
}

/** Flags every command that reads a reference set and one dataset shares with `check`. */
export const INPUT_FLAGS = {
  reference: { kind: 'list', field: 'reference', value: 'FILE', description: 'real reference file (repeatable); default from synthgap.json' },
  config: { kind: 'string', value: 'FILE', description: 'settings file (default: ./synthgap.json when present)' },
  'text-field': { kind: 'string', field: 'textField', value: 'PATH[,PATH]', description: 'field(s) with the text (dotted paths; several: each analyzed on its own and together); auto-detected, instruction data and chat files field by field' },
  'label-field': { kind: 'string', field: 'labelField', value: 'PATH', description: 'field with the label; auto-detected' },
  'group-field': { kind: 'string', field: 'groupField', value: 'PATH', description: 'field whose rows stay in one fold (rewrites of one seed row); none by default' },
  role: roleFlag('read'),
  seed: { kind: 'number', field: 'seed', value: 'N', description: 'random seed; the same seed gives the same result (default 42)' },
  'max-line-bytes': { kind: 'number', field: 'maxLineBytes', value: 'N', description: 'skip longer lines with an error (default 1048576)' },
  quiet: { kind: 'boolean', description: 'no progress bar and no skipped-line messages on stderr' },
} as const satisfies Record<string, FlagSpec>;

/** Some of INPUT_FLAGS, in the order named (the order `--help` lists them). */
export function inputFlags(...names: (keyof typeof INPUT_FLAGS)[]): Record<string, FlagSpec> {
  return Object.fromEntries(names.map((name) => [name, INPUT_FLAGS[name]]));
}

export interface CommandSettings {
  /** synthgap.json's settings, or none. */
  readonly settings: SynthgapConfig;
  /** The folder synthgap.json's patterns are relative to. */
  readonly base: string;
}

/** synthgap.json from --config, or from the working folder when there is one. */
export function loadSettings(flags: Flags, cwd: string): CommandSettings {
  const config = loadConfig(cwd, flags.get('config') as string | undefined);
  return { settings: config?.config ?? {}, base: configBase(config, cwd) };
}

/** The reference files from --reference (relative to the working folder) or synthgap.json (relative to it). */
export function referenceFiles(flags: Flags, { settings, base }: CommandSettings, cwd: string): string[] {
  const patterns = (flags.get('reference') as string[] | undefined) ?? settings.reference;
  if (!patterns?.length) throw new InputError('no reference set: pass --reference FILE or set "reference" in synthgap.json');
  return resolveFiles(patterns, flags.has('reference') ? cwd : base, cwd);
}

/**
 * The datasets named on the command line, else synthgap.json's, never a reference file (by its real path, so a
 * symbolic link or another path to the reference is not compared with itself); at least one.
 */
export function datasetFiles(positional: readonly string[], { settings, base }: CommandSettings, references: readonly string[], cwd: string, command: string): string[] {
  const referencePaths = new Set(references.map((ref) => canonical(resolve(cwd, ref))));
  const named = positional.length > 0 ? resolveFiles(positional, cwd, cwd) : resolveFiles(settings.datasets ?? [], base, cwd);
  const files = named.filter((file) => !referencePaths.has(canonical(resolve(cwd, file))));
  if (files.length === 0 && named.length > 0) throw new InputError(`${named[0]} is the reference itself (${references.join(', ')}): name a synthetic dataset to ${command} against it`);
  if (files.length === 0) throw new InputError(`no synthetic dataset to ${command}: name one, or set "datasets" in synthgap.json`);
  return files;
}

/** How to read the files: flags first, then synthgap.json. `labelField` overrides --label-field (check's --no-labels). */
export function readOptionsFrom(flags: Flags, settings: SynthgapConfig, labelField = flags.get('label-field') as string | false | undefined): Omit<ReadOptions, 'fileName'> {
  return {
    textField: (flags.get('text-field') as string | undefined) ?? configTextField(settings),
    labelField: labelField ?? settings.labelField,
    role: (flags.get('role') as string | undefined) ?? configRole(settings),
    groupField: (flags.get('group-field') as string | undefined) ?? settings.groupField,
    maxLineBytes: (flags.get('max-line-bytes') as number | undefined) ?? settings.maxLineBytes,
  };
}

/** --seed, else synthgap.json's seed (both checked by synthgap.json's schema when they were read). */
export function seedFrom(flags: Flags, settings: SynthgapConfig): number | undefined {
  return (flags.get('seed') as number | undefined) ?? settings.seed;
}

export interface CommandInputs {
  readonly reference: LoadedFile[];
  /** Exactly one for commands that take one dataset. */
  readonly datasets: LoadedFile[];
  readonly settings: SynthgapConfig;
  /** The folder synthgap.json's paths are relative to (the working folder without one). */
  readonly base: string;
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
  const out = flags.get('out') as string | undefined;
  // A missing folder fails now, not after the whole analysis.
  if (out) checkWritable(out, io.cwd);
  const config = loadSettings(flags, io.cwd);
  const references = referenceFiles(flags, config, io.cwd);
  const datasets = datasetFiles(positional, config, references, io.cwd, command);
  if (datasets.length > 1) throw new InputError(`${command} works on one dataset at a time; got ${datasets.length} (${datasets.slice(0, 3).join(', ')}${datasets.length > 3 ? ', …' : ''})`);

  const readOptions = readOptionsFrom(flags, config.settings);
  const quiet = flags.get('quiet') === true;
  const seed = seedFrom(flags, config.settings);
  const loadedReference = await loadFiles(references, io.cwd, { ...readOptions, token: io.token });
  const loaded = await loadDatasetsFor(loadedReference, datasets, io.cwd, { ...readOptions, token: io.token }, narrowedNote(io, quiet));
  const reference = await narrowFor(loadedReference, loaded, io.cwd, { ...readOptions, token: io.token }, narrowedNote(io, quiet, 'the dataset has'));
  for (const file of [...reference, ...loaded]) checkRows(file, io, quiet);
  return { reference, datasets: loaded, settings: config.settings, base: config.base, readOptions, seed, quiet };
}

/** Skipped lines printed per file; the rest are counted in one line (and every one is in the report). */
const SKIPPED_LINES_SHOWN = 20;

/** Reports a file's skipped lines (unless quiet: the first 20, then how many more) and refuses a file without rows. */
export function checkRows(loaded: LoadedFile, io: CliIo, quiet: boolean): void {
  if (!quiet) {
    // A warning (the line was read, something in it left out) comes once per file; it is not a skipped line.
    for (const warning of loaded.data.errors.filter((error) => error.warning)) io.stderr(`${loaded.file}:${warning.line}: warning: ${warning.message}\n`);
    const errors = loaded.data.errors.filter((error) => !error.warning);
    for (const error of errors.slice(0, SKIPPED_LINES_SHOWN)) io.stderr(`${loaded.file}:${error.line}: ${error.message}\n`);
    const more = errors.length - SKIPPED_LINES_SHOWN;
    if (more > 0) io.stderr(`${loaded.file}: ${more.toLocaleString('en-US')} more skipped line${more === 1 ? '' : 's'} (every one is in the report: --format json)\n`);
  }
  if (loaded.data.rows.length === 0) {
    const first = loaded.data.errors.find((error) => !error.warning);
    throw new InputError(`${loaded.file}: no rows to analyze${first ? ` (line ${first.line}: ${first.message})` : ''}`);
  }
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

/**
 * Writes beside the target and renames, so an interrupted run never leaves half a file (in place above all). The
 * content may come in pieces (a report longer than one string can be), each written as it comes.
 */
export function writeOutput(out: string, cwd: string, content: string | Uint8Array | Iterable<string>): void {
  const path = resolve(cwd, out);
  const temporary = `${path}.synthgap-${process.pid}.tmp`;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      writeFileSync(temporary, content);
    } else {
      const fd = openSync(temporary, 'w');
      try {
        for (const piece of content) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
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

/** What a command says when it compares a chat or instruction file's requests alone with a reference of one text. */
export function narrowedNote(io: CliIo, quiet: boolean, other = 'the reference has'): ((file: string, narrow: NarrowedRead) => void) | undefined {
  if (quiet) return undefined;
  return (file, narrow) => {
    const what = narrow.role !== undefined ? `"${narrow.role}" turns are` : `"${narrow.textField}" field is`;
    io.stderr(`${file}: ${other} one text a row, so only the ${what} compared (--role or --text-field chooses)\n`);
  };
}
