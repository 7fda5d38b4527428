// `synthgap score`: a model file's scores for every record of a file or stdin, one JSON line each, in input order.
// Streaming (a chunk of input in memory at a time) and stateless, so a Spark `pipe`, a Dask or Ray map over
// partitions or a shell pipeline can run it on any part of a dataset and get the scores a single run would give.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ByteLineSplitter,
  decodeModelFile,
  DEFAULT_MAX_LINE_BYTES,
  encodeSketch,
  formatFromFileName,
  formatLineResult,
  LineScorer,
  ModelFileError,
  ScoreInputError,
  ScoringModel,
  SketchBuilder,
  sketchLayout,
  throwIfCancelled,
  type DatasetFormat,
  type ModelDocument,
} from '../core';
import { loadDictionary } from '../node/dictionary';
import { InputError } from '../node/inputs';
import { unreadable } from '../node/readDatasetFile';
import { describeFlags, NON_EMPTY, oneOf, parseArgs, UsageError, type FlagSpec } from './args';
import { inputFlags } from './inputs';
import type { CliIo } from './io';

const FORMATS = ['jsonl', 'csv', 'tsv'] as const;

export const SCORE_FLAGS: Record<string, FlagSpec> = {
  model: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'the model file synthgap fit wrote (required)' },
  format: { kind: 'string', schema: oneOf(...FORMATS), value: 'FORMAT', description: 'jsonl, csv or tsv (default: from the file name; jsonl for stdin)' },
  'file-name': { kind: 'string', schema: NON_EMPTY, value: 'NAME', description: 'the "file" of every output line (default: FILE as given, "-" for stdin)' },
  'line-offset': { kind: 'number', schema: { type: 'integer', minimum: 0 }, value: 'N', description: 'added to every line reported: the input starts at line N+1 of its file (default 0)' },
  sketch: { kind: 'string', schema: NON_EMPTY, value: 'FILE', description: 'also write a sketch of the scored rows for synthgap merge (as synthgap sketch does)' },
  ...inputFlags('max-line-bytes'),
};

export const SCORE_USAGE = `Usage: synthgap score --model model.json [FILE|-] [options]

Scores every record of FILE (JSONL, CSV or TSV; stdin when "-" or none) with a model from synthgap fit,
and writes one JSON line per record to stdout, in input order:
  {"file":"part.jsonl","line":12,"score":0.93,"flagged":true,"reasons":[{"code":"…","message":"…"}]}
  {"file":"part.jsonl","line":13,"error":"invalid JSON: …"}
Blank lines give none. A record's score does not depend on the other records, so any split of a
dataset gives the scores of one run.

Options:
${describeFlags(SCORE_FLAGS)}

Exit codes: 0 scored (lines that could not be read are error lines); 2 no usable model or input.`;

export async function runScore(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, SCORE_FLAGS);
  const modelPath = flags.get('model') as string | undefined;
  if (!modelPath) throw new UsageError('--model FILE is required: the model synthgap fit wrote');
  if (positional.length > 1) throw new UsageError(`score reads one file (or stdin) at a time; got ${positional.length}: run it once per file`);
  const input = positional[0] ?? '-';
  const doc = loadModel(modelPath, io.cwd);
  const model = new ScoringModel(doc.state, loadDictionary());
  const named = flags.get('format') as DatasetFormat | undefined;
  const format = named ?? (input === '-' ? undefined : formatFromFileName(input)) ?? 'jsonl';
  const fileName = (flags.get('file-name') as string | undefined) ?? input;
  const maxLineBytes = (flags.get('max-line-bytes') as number | undefined) ?? DEFAULT_MAX_LINE_BYTES;

  const offset = (flags.get('line-offset') as number | undefined) ?? 0;
  const sketchPath = flags.get('sketch') as string | undefined;
  // One pass for both: a cluster job that wants the report scores each partition once, not once more to sketch it.
  const builder = sketchPath ? new SketchBuilder(sketchLayout(doc)) : undefined;
  const pending: string[] = [];
  const scorer = new LineScorer(
    model,
    doc.text,
    format,
    (result) => {
      const moved = offset === 0 ? result : { ...result, line: result.line + offset };
      pending.push(formatLineResult(fileName, moved));
      builder?.add(fileName, moved);
    },
    builder ? { keepRows: true, labels: true } : {},
  );
  const splitter = new ByteLineSplitter(scorer, maxLineBytes);
  const flush = async () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending.length = 0;
    await io.stdoutPieces([text]);
  };
  const stream = input === '-' ? (io.stdin ?? (process.stdin as AsyncIterable<Uint8Array>)) : createReadStream(resolve(io.cwd, input), { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      splitter.push(chunk);
      await flush();
      // A reader that went away (`| head`) wants no more: stop reading, as a shell filter would.
      if (io.stdoutClosed?.()) return 0;
      throwIfCancelled(io.token);
    }
  } catch (error) {
    throw readFailure(error, fileName, input);
  } finally {
    if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
  }
  try {
    splitter.end();
    scorer.finish();
  } catch (error) {
    throw error instanceof ScoreInputError ? new InputError(`${fileName}: ${error.message}`) : error;
  }
  await flush();
  if (builder && sketchPath) writeFileSync(resolve(io.cwd, sketchPath), encodeSketch(builder.finish()));
  return 0;
}

/** The model file, read and checked: any problem is one line (exit 2). */
/**
 * What reading a scored input threw, as the user should see it: a problem with the input (a CSV header without the
 * model's text column, an unreadable file) as one line naming the file; anything else as it is.
 */
export function readFailure(error: unknown, fileName: string, input: string): unknown {
  if (error instanceof ScoreInputError) return new InputError(`${fileName}: ${error.message}`);
  const failed = unreadable(error, input);
  return failed instanceof Error && failed !== error ? new InputError(failed.message) : error;
}

export function loadModel(path: string, cwd: string): ModelDocument {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const failed = unreadable(error, path);
    throw new InputError(failed instanceof Error && failed !== error ? failed.message : `cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return decodeModelFile(text, path);
  } catch (error) {
    if (error instanceof ModelFileError) throw new InputError(error.message);
    throw error;
  }
}
