import { compareSentence, formatProbeText, probeProblem, probeSynthetic, worthSentence, type ProbeRow } from '../core';
import { loadDictionary } from '../node/dictionary';
import { InputError, loadFiles, resolveFiles } from '../node/inputs';
import { describeFlags, oneOf, parseArgs, type FlagSpec } from './args';
import { checkRows, INPUT_FLAGS, loadCommandInputs, refuseOverwrite, writeOutput } from './inputs';
import type { CliIo } from './io';

export const PROBE_FLAGS: Record<string, FlagSpec> = {
  ...INPUT_FLAGS,
  test: { kind: 'string', value: 'FILE', description: 'real rows to test on (e.g. real_test.jsonl); default: cross-validate the reference' },
  compare: { kind: 'string', value: 'FILE', description: 'a fixed synthetic file (e.g. the output of roughen): trained alone in place of DATASET, tested on the same real rows' },
  curve: { kind: 'boolean', description: 'train the learning curve behind "worth N real rows" (default; --no-curve skips it)' },
  folds: { kind: 'number', field: 'folds', value: 'K', description: 'cross-validation folds over the reference rows (default 3)' },
  'style-features': { kind: 'boolean', description: 'add the built-in style measures to the n-grams (off by default; see above)' },
  format: { kind: 'string', schema: oneOf('text', 'json'), value: 'FORMAT', description: 'text (default) or json' },
  out: { kind: 'string', value: 'FILE', description: 'write the result here instead of stdout' },
};

export const PROBE_USAGE = `Usage: synthgap probe DATASET --reference FILE [--test FILE] [options]

Will the synthetic DATASET help? Trains a light intent classifier (softmax regression on hashed word
and character n-grams) three ways: on the real rows only, on the synthetic rows only, and on both; and
tests each on real rows it never saw: --test FILE, or each fold of a cross-validation of the reference.
Reports accuracy and macro-F1, the points the synthetic rows add or cost, and the labels where they
do. Needs labels on every side. A learning curve (models on growing samples of the real rows) says how
many real rows the synthetic rows are worth. --compare FILE trains on FILE (a roughened or selected
version of DATASET) in its place, on the same folds and seed, and says whether it scores better.
--style-features adds the built-in style measures (length, casing, punctuation, typos, …): they carry
no intent, and a model trained on synthetic rows alone then scores lower on real rows that look different.

Options:
${describeFlags(PROBE_FLAGS)}

Exit codes: 0 done; 2 unusable input (for example, no labels).`;

export async function runProbe(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PROBE_FLAGS);
  const { flags } = args;
  const format = (flags.get('format') as string | undefined) ?? 'text';
  const folds = flags.get('folds') as number | undefined;

  const inputs = await loadCommandInputs(args, io, 'probe');
  const [dataset] = inputs.datasets;
  const testFile = flags.get('test') as string | undefined;
  const test = testFile ? (await loadFiles(resolveFiles([testFile], io.cwd, io.cwd), io.cwd, { ...inputs.readOptions, token: io.token }))[0] : undefined;
  if (test) checkRows(test, io, inputs.quiet);
  const compareFile = flags.get('compare') as string | undefined;
  const compare = compareFile ? (await loadFiles(resolveFiles([compareFile], io.cwd, io.cwd), io.cwd, { ...inputs.readOptions, token: io.token }))[0] : undefined;
  if (compare) checkRows(compare, io, inputs.quiet);

  const toRows = (files: readonly { data: { rows: readonly ProbeRow[] } }[]): ProbeRow[] => files.flatMap((file) => file.data.rows.map(({ text, label }) => ({ text, label })));
  const input = { reference: toRows(inputs.reference), synthetic: toRows([dataset]), ...(test ? { test: toRows([test]) } : {}), ...(compare ? { compare: toRows([compare]) } : {}) };
  const problem = probeProblem(input);
  if (problem) throw new InputError(`probe needs labelled rows: ${problem} (name the label field with --label-field)`);

  const out = flags.get('out') as string | undefined;
  if (out) refuseOverwrite(out, [...inputs.reference, dataset, ...(test ? [test] : []), ...(compare ? [compare] : [])], io.cwd);
  const progress = inputs.quiet ? undefined : stepProgress(io.stderrStream, 'Training classifiers');
  let report;
  try {
    report = probeSynthetic(input, {
      seed: inputs.seed,
      folds,
      curve: flags.get('curve') !== false,
      ...(flags.get('style-features') === true ? { styleDictionary: loadDictionary() } : {}),
      onProgress: progress?.update,
      token: io.token,
    });
  } finally {
    progress?.done();
  }
  const files = { dataset: dataset.file, reference: inputs.reference.map((file) => file.file), ...(test ? { test: test.file } : {}), ...(compare ? { compare: compare.file } : {}) };
  const sentence = worthSentence(report);
  const json = { files, ...report, ...(report.worthRealRows && sentence ? { worthRealRows: { ...report.worthRealRows, sentence } } : {}), ...(report.compare && compare ? { compare: { ...report.compare, sentence: compareSentence(report.compare, compare.file, dataset.file, report.worthRealRows) } } : {}) };
  const output = format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatProbeText(report, files);
  if (out) {
    writeOutput(out, io.cwd, output);
    if (!inputs.quiet) io.stderr(`Wrote ${out}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}

/**
 * A one-line progress bar on stderr for work counted in steps, drawn only when stderr is a terminal; like
 * createProgressBar, whose stage names are those of `check`.
 */
export function stepProgress(stream: NodeJS.WriteStream, label: string): { update(done: number, total: number): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let drawn = false;
  return {
    update(done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * 24);
      stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(24 - filled)} ${String(Math.round(share * 100)).padStart(3)}%  ${label}…\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
