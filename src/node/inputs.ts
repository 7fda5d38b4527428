import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  parseConfig,
  singleTextOptions,
  type NarrowedRead,
  type ParsedDataset,
  type ReadOptions,
  type SynthgapConfig,
} from '../core';
import { expandPattern } from './glob';
import { readDatasetFile } from './readDatasetFile';

export interface LoadedFile {
  /** As the user should see it: relative to the working folder when inside it. */
  readonly file: string;
  readonly data: ParsedDataset;
}

export interface ConfigFile {
  readonly path: string;
  readonly config: SynthgapConfig;
}

/** A problem with what the user asked for (no reference, bad config): reported in one line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads synthgap.json from `explicit`, or from `cwd` when there is one; invalid settings are an InputError. */
export function loadConfig(cwd: string, explicit?: string): ConfigFile | undefined {
  const path = resolve(cwd, explicit ?? 'synthgap.json');
  if (!existsSync(path)) {
    if (explicit) throw new InputError(`cannot read ${explicit}: no such file`);
    return undefined;
  }
  const shown = relative(cwd, path) || path;
  const { config, errors } = parseConfig(readFileSync(path, 'utf8'), shown);
  if (errors.length > 0) throw new InputError(errors.join('; '));
  return { path, config };
}

/** Expands patterns (relative to `base`) into files shown relative to `cwd`, without duplicates. */
export function resolveFiles(patterns: readonly string[], base: string, cwd: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    for (const match of expandPattern(pattern, base)) files.add(displayPath(resolve(base, match), cwd));
  }
  return [...files];
}

export function displayPath(absolute: string, cwd: string): string {
  const shown = relative(cwd, absolute);
  return shown && !shown.startsWith('..') ? shown : absolute;
}

export async function loadFiles(files: readonly string[], cwd: string, options: Omit<ReadOptions, 'fileName'>): Promise<LoadedFile[]> {
  const loaded: LoadedFile[] = [];
  for (const file of files) loaded.push({ file, data: await readDatasetFile(resolve(cwd, file), options) });
  return loaded;
}

/**
 * The datasets, read as their reference can be compared with: a chat or instruction file whose reference was read
 * for one text is read again for its requests alone (schemas.ts singleTextOptions); `onNarrowed` hears which.
 */
export async function loadDatasetsFor(reference: readonly LoadedFile[], files: readonly string[], cwd: string, options: Omit<ReadOptions, 'fileName'>, onNarrowed?: (file: string, narrow: NarrowedRead) => void): Promise<LoadedFile[]> {
  return narrowFor(await loadFiles(files, cwd, options), reference, cwd, options, onNarrowed);
}

/**
 * Files read again for their requests alone where the other side of the comparison has one text a row: the
 * datasets against the reference ({@link loadDatasetsFor}), or the reference against the datasets.
 */
export async function narrowFor(files: readonly LoadedFile[], others: readonly LoadedFile[], cwd: string, options: Omit<ReadOptions, 'fileName'>, onNarrowed?: (file: string, narrow: NarrowedRead) => void): Promise<LoadedFile[]> {
  const out = [...files];
  const otherData = others.map((file) => file.data);
  for (let i = 0; i < out.length; i++) {
    const narrow = singleTextOptions(otherData, out[i].data);
    if (!narrow) continue;
    out[i] = { file: out[i].file, data: await readDatasetFile(resolve(cwd, out[i].file), { ...options, ...narrow }) };
    onNarrowed?.(out[i].file, narrow);
  }
  return out;
}

export function configBase(config: ConfigFile | undefined, cwd: string): string {
  return config ? dirname(config.path) : cwd;
}
