import { formatPromptsMarkdown } from '../core/prompts/markdown';
import { generationPrompts } from '../core/prompts/prompts';
import { loadDictionary } from '../node/dictionary';
import { describeFlags, oneOf, parseArgs, type FlagSpec } from './args';
import { INPUT_FLAGS, loadCommandInputs, refuseOverwrite, writeOutput } from './inputs';
import type { CliIo } from './io';
import { stepProgress } from './probe';

export const PROMPTS_FLAGS: Record<string, FlagSpec> = {
  ...INPUT_FLAGS,
  out: { kind: 'string', value: 'FILE', description: 'write the prompts here (e.g. prompts.md) instead of stdout' },
  // Fifty examples already make a prompt longer than most generators read closely.
  examples: { kind: 'number', schema: { type: 'integer', minimum: 1, maximum: 50 }, value: 'N', description: 'real example rows per prompt (default 5)' },
  'label-ratio': { kind: 'number', schema: { exclusiveMinimum: 0, maximum: 1 }, value: 'R', description: 'a label is under-covered below this ratio of synthetic to real share (default 0.5)' },
  'wording-recall': { kind: 'number', schema: { minimum: 0, maximum: 1 }, value: 'R', description: 'a label\'s wording is missed below this recall on real rows (default 0.6; 0 = off)' },
  format: { kind: 'string', schema: oneOf('markdown', 'json'), value: 'FORMAT', description: 'markdown (default) or json' },
};

export const PROMPTS_USAGE = `Usage: synthgap prompts DATASET --reference FILE [--out prompts.md] [options]

Writes, for each real topic and label that the synthetic DATASET under-covers, a generation prompt
to paste into your own generator: what to write about, real example rows, and the real rows'
measured style (length, casing, punctuation, typos, slang) as explicit rules. Synthgap never calls
a model. Topics are clusters of real rows on the built-in hashed embedding; a label is under-covered
when its share of synthetic rows is below --label-ratio of its share of real rows; and a label's real
wording is missed when a classifier trained on the synthetic rows recognizes fewer than
--wording-recall of its real rows (the prompt then shows the real rows it misses).

Options:
${describeFlags(PROMPTS_FLAGS)}

Exit codes: 0 done (also when nothing is under-covered); 2 unusable input.`;

export async function runPrompts(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PROMPTS_FLAGS);
  const { flags } = args;
  const format = (flags.get('format') as string | undefined) ?? 'markdown';
  const examples = (flags.get('examples') as number | undefined) ?? 5;
  const labelRatio = (flags.get('label-ratio') as number | undefined) ?? 0.5;
  const wordingRecall = (flags.get('wording-recall') as number | undefined) ?? 0.6;

  const inputs = await loadCommandInputs(args, io, 'write prompts for');
  const [dataset] = inputs.datasets;
  const out = flags.get('out') as string | undefined;
  if (out) refuseOverwrite(out, [...inputs.reference, dataset], io.cwd);
  const progress = inputs.quiet ? undefined : stepProgress(io.stderrStream, 'Finding under-covered topics');
  let report;
  try {
    report = await generationPrompts({ reference: inputs.reference, dataset }, { dictionary: loadDictionary(), seed: inputs.seed, examples, labelRatio, wordingRecall, onProgress: progress?.update, token: io.token });
  } finally {
    progress?.done();
  }
  const output = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPromptsMarkdown(report);
  if (out) {
    writeOutput(out, io.cwd, output);
    if (!inputs.quiet) io.stderr(`Wrote ${report.sections.length} ${report.sections.length === 1 ? 'prompt' : 'prompts'} to ${out}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
