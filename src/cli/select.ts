import { detectorThread } from '../node/detectorThread';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { droppedLines, formatSelectText, keptBytes, lineStarts, selectDataset, type Logger } from '../core';
import { loadDictionary } from '../node/dictionary';
import { describeFlags, oneOf, parseArgs, type FlagSpec } from './args';
import { chooseEmbedder, EMBEDDER_FLAGS } from './embedderChoice';
import { INPUT_FLAGS, loadCommandInputs, refuseOverwrite, writeOutput } from './inputs';
import type { CliIo } from './io';
import { createProgressBar } from './progress';
import { VERSION } from './version';

/** A cosine threshold: 1 is an exact copy; at 0 or below every row would match every other. */
const COSINE = { exclusiveMinimum: 0, maximum: 1 };

export const SELECT_FLAGS: Record<string, FlagSpec> = {
  ...INPUT_FLAGS,
  out: { kind: 'string', value: 'FILE', description: 'write the kept lines here (never the input); without it, only report' },
  'drop-leaked': { kind: 'boolean', description: 'drop rows that copy a real row (default on; --no-drop-leaked)' },
  'drop-near-duplicates': { kind: 'boolean', description: 'cut near-duplicate groups (default on; --no-drop-near-duplicates)' },
  'keep-per-group': { kind: 'number', schema: { type: 'integer', minimum: 1 }, value: 'N', description: 'rows kept per near-duplicate group, least synthetic-looking first (default 1)' },
  'drop-top': { kind: 'number', schema: { minimum: 0, exclusiveMaximum: 1, errorMessage: 'must be a share below 100%, such as 10% or 0.1' }, value: 'X%', description: 'also drop this share of rows with the highest detector scores, e.g. 10%' },
  'duplicate-similarity': { kind: 'number', schema: COSINE, value: 'C', description: 'cosine at which two rows are near-duplicates (default: the embedding\'s; 0.9 hashed, 0.97 Model2Vec)' },
  'leak-similarity': { kind: 'number', schema: COSINE, value: 'C', description: 'cosine at which a row copies a real row (default: the embedding\'s; 0.95 hashed, 0.99 Model2Vec)' },
  ...EMBEDDER_FLAGS,
  recheck: { kind: 'boolean', description: 'train the detector again on the kept rows and print its AUC' },
  format: { kind: 'string', schema: oneOf('text', 'json'), value: 'FORMAT', description: 'summary as text (default) or json' },
  verbose: { kind: 'boolean', description: 'print the time each stage takes on stderr' },
};

export const SELECT_USAGE = `Usage: synthgap select DATASET --reference FILE --out FILE [options]

Writes the synthetic DATASET's lines minus rows that copy real rows, near-duplicates beyond
--keep-per-group per group and, with --drop-top, the most synthetic-looking share. Kept lines are
copied byte for byte, in order; lines that cannot be read are kept and reported. With --embedder,
near-duplicates and copies are found on a semantic embedding, so reworded rows count too.

Options:
${describeFlags(SELECT_FLAGS)}

Exit codes: 0 done; 2 unusable input.`;

export async function runSelect(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SELECT_FLAGS);
  const { flags } = args;
  const format = (flags.get('format') as string | undefined) ?? 'text';
  const keepPerGroup = (flags.get('keep-per-group') as number | undefined) ?? 1;
  const dropTop = (flags.get('drop-top') as number | undefined) ?? 0;
  const duplicateThreshold = flags.get('duplicate-similarity') as number | undefined;
  const leakThreshold = flags.get('leak-similarity') as number | undefined;

  const inputs = await loadCommandInputs(args, io, 'select');
  const [dataset] = inputs.datasets;
  const out = flags.get('out') as string | undefined;
  if (out) refuseOverwrite(out, [dataset, ...inputs.reference], io.cwd);

  const say = (message: string) => io.stderr(`synthgap: ${message}\n`);
  const logger: Logger | undefined = flags.get('verbose') === true ? { debug: say, info: say, warn: (message) => say(`warning: ${message}`) } : undefined;
  const embedding = await chooseEmbedder(flags, inputs.settings, inputs.base, io, inputs.quiet, logger);
  const progress = inputs.quiet ? { update() {}, done() {} } : createProgressBar(io.stderrStream);
  let report;
  const thread = detectorThread((reason) => logger?.debug(reason));
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
        logger,
        embedder: embedding.embedder,
        ...(embedding.maxSampleRows !== undefined ? { maxEmbeddedRows: embedding.maxSampleRows } : {}),
        ...(thread ? { runDetector: thread.run } : {}),
      },
    );
  } finally {
    progress.done();
    embedding.dispose();
    thread?.dispose();
  }
  if (embedding.cache) logger?.debug(`${embedding.id}: embedded ${embedding.cache.embeddedTexts} new texts (the rest came from the cache)`);

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
