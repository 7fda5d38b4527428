// `synthgap sketch` and `synthgap merge`: a partition's scored rows summed into a sketch file, and sketches merged
// into one report. Sketches merge in any order with one result, so a Dask, Spark or Ray job can sketch its
// partitions on the workers and merge them on the driver.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { extname, resolve } from 'node:path';
import {
  ByteLineSplitter,
  decodeSketch,
  DEFAULT_MAX_LINE_BYTES,
  encodeSketch,
  formatFromFileName,
  LineScorer,
  ScoringModel,
  SketchBuilder,
  SketchFileError,
  sketchFingerprint,
  sketchLayout,
  SketchMismatchError,
  sketchReport,
  sketchReportJson,
  sketchReportHtml,
  sketchReportMarkdown,
  sketchReportText,
  SketchSum,
  throwIfCancelled,
  type DatasetFormat,
  type SketchReport,
} from '../core';
import { loadDictionary } from '../node/dictionary';
import { InputError } from '../node/inputs';
import { unreadable } from '../node/readDatasetFile';
import { describeFlags, NON_EMPTY, oneOf, parseArgs, UsageError, type FlagSpec } from './args';
import { inputFlags } from './inputs';
import type { CliIo } from './io';
import { loadModel, readFailure } from './score';

const FORMATS = ['jsonl', 'csv', 'tsv'] as const;
const REPORT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
/**
 * The report's format from --out's extension when --format is not given, so `--out report.html` is a page. The
 * Python integration's `--report FILE` relies on this rule rather than keeping one of its own.
 */
const OUT_FORMATS: Readonly<Record<string, ReportFormat>> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' };

export const SKETCH_FLAGS: Record<string, FlagSpec> = {
  model: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'the model file synthgap fit wrote (required)' },
  out: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'the sketch file to write (required)' },
  format: { kind: 'string', schema: oneOf(...FORMATS), value: 'FORMAT', description: 'jsonl, csv or tsv (default: from the file name; jsonl for stdin)' },
  'file-name': { kind: 'string', schema: NON_EMPTY, value: 'NAME', description: 'the file rows are reported in (default: FILE as given, "-" for stdin)' },
  'line-offset': { kind: 'number', schema: { type: 'integer', minimum: 0 }, value: 'N', description: 'added to every line reported: a partition starting at line N+1 of its file (default 0)' },
  ...inputFlags('max-line-bytes'),
};

export const SKETCH_USAGE = `Usage: synthgap sketch --model model.json [FILE|-] --out part.sketch [options]

Scores every record of FILE (stdin when "-" or none) with a model from synthgap fit and writes a sketch:
the partition's score histogram, feature histograms, phrase counts, labels and near-duplicate buckets.
synthgap merge turns the sketches of all partitions into one report; any split gives the same report.

Options:
${describeFlags(SKETCH_FLAGS)}`;

export const MERGE_FLAGS: Record<string, FlagSpec> = {
  model: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'the model the sketches were made with (required)' },
  format: { kind: 'string', schema: oneOf(...REPORT_FORMATS), value: 'FORMAT', description: 'text, json, markdown or html (default: from --out\'s extension, else text)' },
  out: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'write the report here instead of stdout' },
};

export const MERGE_USAGE = `Usage: synthgap merge --model model.json PART.sketch… [--format text|json|markdown|html] [--out FILE]

Merges sketches from synthgap sketch into one report of the whole dataset against the model's reference:
AUC with its interval, verdict, flagged rows, feature gaps, phrases, labels and near-duplicate groups.
--format html (or --out report.html) writes one self-contained page, light or dark as the reader's system is.

Options:
${describeFlags(MERGE_FLAGS)}`;

export async function runSketch(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, SKETCH_FLAGS);
  const modelPath = flags.get('model') as string | undefined;
  const out = flags.get('out') as string | undefined;
  if (!modelPath) throw new UsageError('--model FILE is required: the model synthgap fit wrote');
  if (!out) throw new UsageError('--out FILE is required: where the sketch goes');
  if (positional.length > 1) throw new UsageError(`sketch reads one file (or stdin) at a time; got ${positional.length}: run it once per file`);
  const input = positional[0] ?? '-';
  if (input !== '-' && resolve(io.cwd, input) === resolve(io.cwd, out)) throw new UsageError(`--out ${out} is the input file: the sketch would overwrite the rows`);
  if (resolve(io.cwd, modelPath) === resolve(io.cwd, out)) throw new UsageError(`--out ${out} is the model file: the sketch would overwrite it`);
  const doc = loadModel(modelPath, io.cwd);
  const model = new ScoringModel(doc.state, loadDictionary());
  const format = (flags.get('format') as DatasetFormat | undefined) ?? (input === '-' ? undefined : formatFromFileName(input)) ?? 'jsonl';
  const fileName = (flags.get('file-name') as string | undefined) ?? input;
  const builder = new SketchBuilder(sketchLayout(doc));
  const offset = (flags.get('line-offset') as number | undefined) ?? 0;
  const scorer = new LineScorer(model, doc.text, format, (result) => builder.add(fileName, offset === 0 ? result : { ...result, line: result.line + offset }), { keepRows: true, labels: true });
  const splitter = new ByteLineSplitter(scorer, (flags.get('max-line-bytes') as number | undefined) ?? DEFAULT_MAX_LINE_BYTES);
  const stream = input === '-' ? (io.stdin ?? (process.stdin as AsyncIterable<Uint8Array>)) : createReadStream(resolve(io.cwd, input), { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      splitter.push(chunk);
      throwIfCancelled(io.token);
    }
    splitter.end();
    scorer.finish();
  } catch (error) {
    throw readFailure(error, fileName, input);
  } finally {
    if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
  }
  writeFileSync(resolve(io.cwd, out), encodeSketch(builder.finish()));
  return 0;
}

const REPORT_WRITERS: Readonly<Record<ReportFormat, (report: SketchReport) => string>> = {
  text: sketchReportText,
  json: sketchReportJson,
  markdown: sketchReportMarkdown,
  html: (report) => sketchReportHtml(report, { nonce: randomBytes(18).toString('base64url') }),
};

export function runMerge(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, MERGE_FLAGS);
  const modelPath = flags.get('model') as string | undefined;
  if (!modelPath) throw new UsageError('--model FILE is required: the model the sketches were made with');
  if (positional.length === 0) throw new UsageError('no sketches given: name the files synthgap sketch wrote');
  const target = flags.get('out') as string | undefined;
  const clobbered = target === undefined ? undefined : [modelPath, ...positional].find((path) => resolve(io.cwd, path) === resolve(io.cwd, target));
  if (clobbered !== undefined) throw new UsageError(`--out ${target} is one of the inputs (${clobbered}): the report would overwrite it`);
  const doc = loadModel(modelPath, io.cwd);
  const fingerprint = sketchFingerprint(doc);
  // One sketch at a time, folded into the sum: memory holds the sum and one sketch, not every partition's.
  const sum = new SketchSum();
  for (const path of positional) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, path), 'utf8');
    } catch (error) {
      const failed = unreadable(error, path);
      throw new InputError(failed instanceof Error && failed !== error ? failed.message : `cannot read ${path}: ${(error as Error).message}`);
    }
    try {
      sum.add(decodeSketch(text, path, fingerprint));
    } catch (error) {
      if (error instanceof SketchFileError || error instanceof SketchMismatchError) throw new InputError(error instanceof SketchMismatchError ? `${path}: ${error.message}` : error.message);
      throw error;
    }
  }
  const merged = sum.result(true);
  if (!merged) throw new UsageError('no sketches given: name the files synthgap sketch wrote');
  const report = sketchReport(doc, merged);
  const format = (flags.get('format') as ReportFormat | undefined) ?? (target === undefined ? undefined : OUT_FORMATS[extname(target).toLowerCase()]) ?? 'text';
  const text = REPORT_WRITERS[format](report);
  if (target) writeFileSync(resolve(io.cwd, target), text);
  else io.stdout(text);
  return Promise.resolve(0);
}
