/**
 * What every tool shares: the workspace root, the folder of synthgap.json, and the command line that makes the
 * CLI's own command read the same files with the same settings. Files come from the tool's input or, as the CLI
 * does, from synthgap.json; either way each is checked to be inside the root before anything reads it.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CancellationToken } from '../../core';
import { configBase, displayPath, loadConfig, resolveFiles } from '../inputs';
import type { AnalysisCache } from './analysisCache';
import { insideRoot, ToolError, workspaceRoot } from './paths';

export interface ToolContext {
  /** The workspace root: every path is resolved inside it. */
  readonly root: string;
  readonly token?: CancellationToken;
  /** Work done out of the total, for a client that asked for progress. */
  readonly onProgress?: (done: number, total: number, message: string) => void;
  /** The analyses a long-lived server keeps for check and explain_row (`synthgap mcp`); none, each call analyzes. */
  readonly analyses?: AnalysisCache;
}

/** The inputs every tool takes besides its dataset. */
export interface CommonInput {
  readonly reference?: string;
  readonly folder?: string;
  readonly textField?: string;
  readonly labelField?: string;
  readonly seed?: number;
}

export interface PreparedCommand {
  /** The real path of the root. */
  readonly root: string;
  /** Where the command runs: the folder of synthgap.json (the root by default). */
  readonly cwd: string;
  /** The datasets, as the command is given them (relative to `cwd` where inside it). */
  readonly datasets: string[];
  readonly references: string[];
  /** Flags for the command: the references, the read options, the seed and `--quiet`. */
  readonly args: string[];
  /** A path inside the root, shown as the command shows it; `what` names the input in an error. */
  path(path: string, what: string): string;
  /** The same for a file that must exist (an input the tool named). */
  existing(path: string, what: string): string;
}

/**
 * Resolves the folder, the reference and the datasets (`dataset` from the tool, else synthgap.json's `datasets`
 * when `configDatasets`), each inside the root, into the flags of the CLI command.
 */
export function prepareCommand(context: ToolContext, input: CommonInput, dataset: string | undefined, configDatasets = false): PreparedCommand {
  const root = workspaceRoot(context.root);
  const cwd = input.folder === undefined ? root : insideRoot(root, input.folder, 'folder');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) throw new ToolError(`folder ${input.folder} is not a folder inside the workspace root`);
  const path = (file: string, what: string) => displayPath(insideRoot(root, file, what), cwd);
  const existing = (file: string, what: string) => {
    const shown = path(file, what);
    if (!existsSync(resolve(cwd, shown))) throw new ToolError(`${what} ${file}: no such file in the workspace root`);
    return shown;
  };
  const config = loadConfig(cwd);
  const base = configBase(config, cwd);
  const fromConfig = (patterns: readonly string[] | undefined, what: string) => resolveFiles(patterns ?? [], base, cwd).map((file) => path(resolve(cwd, file), what));

  const references = input.reference !== undefined ? [existing(input.reference, 'reference')] : fromConfig(config?.config.reference, 'reference');
  if (references.length === 0) throw new ToolError('no reference set: give "reference" (a real data file), or set "reference" in the folder\'s synthgap.json');
  const datasets = dataset !== undefined ? [existing(dataset, 'dataset')] : configDatasets ? fromConfig(config?.config.datasets, 'dataset') : [];
  if (datasets.length === 0) throw new ToolError(configDatasets ? 'no dataset: give "dataset", or set "datasets" in the folder\'s synthgap.json' : 'give "dataset": the synthetic data file');

  const args = references.flatMap((file) => ['--reference', file]);
  if (input.textField !== undefined) args.push('--text-field', input.textField);
  if (input.labelField !== undefined) args.push('--label-field', input.labelField);
  if (input.seed !== undefined) args.push('--seed', String(input.seed));
  args.push('--quiet');
  return { root, cwd, datasets, references, args, path, existing };
}
