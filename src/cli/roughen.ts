import { detectorThread } from '../node/detectorThread';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  analyze,
  applyTextEdits,
  describeNoiseProfile,
  formatCount,
  guessDelimiter,
  learnNoiseProfile,
  namesIn,
  readDataset,
  requestRows,
  roughenResponse,
  roughenRow,
  roughenText,
  type NoiseProfile,
  type ParsedDataset,
  type TextEdit,
  type WordDictionary,
} from '../core';
import { loadDictionary } from '../node/dictionary';
import { InputError, loadFiles, type LoadedFile } from '../node/inputs';
import { unreadable } from '../node/readDatasetFile';
import { describeFlags, parseArgs, UsageError, type FlagSpec } from './args';
import { checkWritable, INPUT_FLAGS, inputFlags, loadSettings, readOptionsFrom, referenceFiles, roleFlag, seedFrom, writeOutput } from './inputs';
import type { CliIo } from './io';
import { createProgressBar } from './progress';
import { VERSION } from './version';

export const ROUGHEN_FLAGS: Record<string, FlagSpec> = {
  ...inputFlags('reference'),
  out: { kind: 'string', value: 'FILE', description: 'write the roughened dataset here (required unless --in-place)' },
  'in-place': { kind: 'boolean', description: 'overwrite FILE itself' },
  'only-flagged': { kind: 'boolean', description: 'roughen only the rows `synthgap check` flags' },
  seed: { ...INPUT_FLAGS.seed, description: 'random seed; the same seed gives the same output (default 42)' },
  // Ten times the real noise already garbles most words; beyond it nothing readable is left.
  strength: { kind: 'number', schema: { minimum: 0, maximum: 10 }, value: 'X', description: 'scale the amount of noise: 0 none, 1 like the real set (default), 2 double' },
  ...inputFlags('config', 'text-field', 'label-field'),
  role: roleFlag('roughen'),
  'max-line-bytes': { ...INPUT_FLAGS['max-line-bytes'], description: 'leave longer lines untouched, with an error (default 1048576)' },
  ...inputFlags('quiet'),
};

export const ROUGHEN_USAGE = `Usage: synthgap roughen FILE --reference FILE --out FILE [options]

Makes synthetic text (JSONL, chat JSONL, CSV or TSV) as noisy as the real reference set: typos, casing,
punctuation, contractions, slang, stock phrases and length, each as often as the real rows show them.
Labels, other fields, row order and every line it does not change stay byte-identical.

Options:
${describeFlags(ROUGHEN_FLAGS)}

Exit codes: 0 done; 2 unusable input.`;

const DEFAULT_SEED = 42;

export async function runRoughen(argv: readonly string[], io: CliIo): Promise<number> {
  io.stdout(summary(await roughenFile(argv, io)));
  return 0;
}

/**
 * Roughens the file named on the command line and writes the output, without printing: the command prints the
 * summary, the agent tool (src/node/tools/roughen.ts) returns it as data.
 */
export async function roughenFile(argv: readonly string[], io: CliIo): Promise<RoughenSummary> {
  const { positional, flags } = parseArgs(argv, ROUGHEN_FLAGS);
  const config = loadSettings(flags, io.cwd);
  const { settings } = config;
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'name the synthetic FILE to roughen' : 'roughen takes one FILE at a time');
  const input = positional[0];
  const inPlace = flags.get('in-place') === true;
  const out = (flags.get('out') as string | undefined) ?? (inPlace ? input : undefined);
  if (out === undefined) throw new UsageError('--out FILE is required (or --in-place to overwrite FILE)');
  const seed = seedFrom(flags, settings) ?? DEFAULT_SEED;
  const strength = (flags.get('strength') as number | undefined) ?? 1;

  const references = referenceFiles(flags, config, io.cwd);
  const same = (a: string, b: string) => resolve(io.cwd, a) === resolve(io.cwd, b);
  if (same(out, input) && !inPlace) throw new InputError(`refusing to overwrite ${input}: choose another --out, or pass --in-place`);
  const overwritten = references.find((file) => same(out, file));
  if (overwritten) throw new InputError(`refusing to overwrite the reference set ${overwritten}`);
  // A missing folder fails now, not after the roughening.
  checkWritable(out, io.cwd);

  const readOptions = readOptionsFrom(flags, settings);
  const quiet = flags.get('quiet') === true;
  const document = readText(input, io.cwd);
  const data = await readDataset(document, { ...readOptions, fileName: input });
  if (!quiet) for (const error of data.errors) io.stderr(error.warning ? `${input}:${error.line}: warning: ${error.message}\n` : `${input}:${error.line}: ${error.message} (left as it is)\n`);
  if (data.rows.length === 0) throw new InputError(`${input}: no rows to roughen${data.errors[0] ? ` (line ${data.errors[0].line}: ${data.errors[0].message})` : ''}`);
  const reference = await loadFiles(references, io.cwd, readOptions);
  if (reference.every((file) => file.data.rows.length === 0)) throw new InputError(`${references.join(', ')}: no reference rows`);

  const dictionary = loadDictionary();
  // Names the synthetic rows capitalize (`Kaneville`) are names in a lower-cased real set too, not its typos.
  // Records read field by field: the style copied is that of the requests people wrote (instructions, user turns).
  const knownNames = namesIn(requestRows(data.rows).texts);
  const realRequests = requestRows(reference.flatMap((file) => file.data.rows));
  const profile = learnNoiseProfile(realRequests.texts, dictionary, { labels: realRequests.labels, seed, knownNames });
  const selected = flags.get('only-flagged') === true ? await flaggedRows(input, data, reference, { seed, dictionary, quiet, io }) : undefined;

  // The rows roughened are calibrated as a group: each style is added only as far as they fall short of the real share.
  const chosen = selected ? data.rows.filter((_, i) => selected[i]) : data.rows;
  const dataset = learnNoiseProfile(requestRows(chosen).texts, dictionary, { seed, maxDonors: 0 });
  const edits: TextEdit[] = [];
  const kinds = new Map<string, number>();
  let changed = 0;
  data.rows.forEach((row, i) => {
    if (selected && !selected[i]) return;
    const options = { seed, strength, dictionary, dataset, ...(row.label !== undefined ? { label: row.label } : {}) };
    // A record's fields are roughened each on its own, where each stands; a response only loses stock phrasing.
    const roughened = roughenRow(row, (text, response) => (response ? roughenResponse(text) : roughenText(text, profile, options)));
    if (roughened.length > 0) changed++;
    for (const result of roughened) {
      edits.push({ row: { line: result.line, text: result.before, textRange: result.textRange }, text: result.text });
      for (const change of result.changes) kinds.set(change.kind, (kinds.get(change.kind) ?? 0) + 1);
    }
  });

  const delimiter = data.format === 'jsonl' ? undefined : data.format === 'tsv' ? '\t' : guessDelimiter(firstContentLine(document));
  writeOutput(out, io.cwd, applyTextEdits(document, edits, data.format, delimiter));
  return { input, out, rows: data.rows.length, considered: chosen.length, changed, kinds, profile, onlyFlagged: selected !== undefined };
}

/** The file as text; a file that is not valid UTF-8 is refused, since it could not be written back byte for byte. */
function readText(file: string, cwd: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (error) {
    throw unreadable(error, file);
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    const bad = text.indexOf('\ufffd');
    const line = bad < 0 ? 1 : text.slice(0, bad).split('\n').length;
    throw new InputError(`${file}:${line}: not valid UTF-8, so roughen could not write the file back unchanged around it`);
  }
  return text;
}

/** Which rows `check` flags, by index into `data.rows`. */
async function flaggedRows(
  file: string,
  data: ParsedDataset,
  reference: readonly LoadedFile[],
  options: { seed: number; dictionary: WordDictionary; quiet: boolean; io: CliIo },
): Promise<boolean[]> {
  const progress = options.quiet ? { update() {}, done() {} } : createProgressBar(options.io.stderrStream);
  const thread = detectorThread();
  try {
    const report = await analyze(
      { reference: reference.map((loaded) => ({ file: loaded.file, data: loaded.data })), datasets: [{ file, data }] },
      { seed: options.seed, dictionary: options.dictionary, toolVersion: VERSION, onProgress: (event) => progress.update(event), ...(thread ? { runDetector: thread.run } : {}) },
    );
    return report.datasets[0].rows.map((row) => row.flagged);
  } finally {
    progress.done();
    thread?.dispose();
  }
}

function firstContentLine(document: string): string {
  for (const line of document.replace(/^\ufeff/, '').split('\n', 64)) if (line.trim() !== '') return line.replace(/\r$/, '');
  return '';
}

/** What one roughen run did. */
export interface RoughenSummary {
  readonly input: string;
  readonly out: string;
  readonly rows: number;
  readonly considered: number;
  readonly changed: number;
  readonly kinds: ReadonlyMap<string, number>;
  readonly profile: NoiseProfile;
  readonly onlyFlagged: boolean;
}

function summary(s: RoughenSummary): string {
  const scope = s.onlyFlagged ? `the ${formatCount(s.considered)} flagged rows (of ${formatCount(s.rows)})` : `${formatCount(s.rows)} rows`;
  const lines = [`Roughened ${formatCount(s.changed)} of ${scope} in ${s.input}; wrote ${s.out}.`];
  const kinds = [...s.kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (kinds.length > 0) lines.push('', 'Changes:', ...kinds.map(([kind, count]) => `  ${kind.padEnd(20)} ${formatCount(count)}`));
  lines.push('', `Your real data (${formatCount(s.profile.rows)} rows):`, ...describeNoiseProfile(s.profile).map((sentence) => `  ${sentence}`));
  return `${lines.join('\n')}\n`;
}
