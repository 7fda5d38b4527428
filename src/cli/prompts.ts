import { formatPromptsMarkdown, generationPrompts, requestView, type ParsedDataset } from '../core';
import { loadDictionary } from '../node/dictionary';
import { describeFlags, oneOf, parseArgs, type FlagSpec } from './args';
import { INPUT_FLAGS, loadCommandInputs, refuseOverwrite, writeOutput } from './inputs';
import { chooseEmbedder, EMBEDDER_FLAGS } from './embedderChoice';
import type { CliIo } from './io';
import { InputError, type LoadedFile } from '../node/inputs';
import { stepProgress } from './probe';

export const PROMPTS_FLAGS: Record<string, FlagSpec> = {
  ...INPUT_FLAGS,
  ...EMBEDDER_FLAGS,
  out: { kind: 'string', value: 'FILE', description: 'write the prompts here (e.g. prompts.md) instead of stdout' },
  // Fifty examples already make a prompt longer than most generators read closely.
  examples: { kind: 'number', schema: { type: 'integer', minimum: 1, maximum: 50 }, value: 'N', description: 'real example rows per prompt (default 5)' },
  // Ten prompts are already more than one generation round usually runs; --top raises it.
  top: { kind: 'number', schema: { type: 'integer', minimum: 1 }, value: 'N', description: 'the N highest-ranked prompts (default 10)' },
  label: { kind: 'string', value: 'LABEL', description: 'only the prompt for this label, even when all its real rows are covered' },
  format: { kind: 'string', schema: oneOf('markdown', 'json'), value: 'FORMAT', description: 'markdown (default) or json' },
};

export const PROMPTS_USAGE = `Usage: synthgap prompts DATASET --reference FILE [--out prompts.md] [options]

Writes generation prompts to paste into your own generator, ranked by how many real rows each
would cover: real rows that no synthetic row comes close to. On --embedder (the built-in hashed
embedding by default), a synthetic row of the same label is close when it is as similar as 95% of
real rows are to their nearest other real row of that label. One prompt per label, quoting only
that label's uncovered real rows; without labels on both sides, one per topic cluster of the real
rows. Each says how many real rows it would cover, quotes a diverse sample of them, and states the
real rows' measured style (length, casing, punctuation, typos, slang) as rules. Synthgap never
calls a model.

Options:
${describeFlags(PROMPTS_FLAGS)}

Exit codes: 0 done (also when nothing is under-covered); 2 unusable input.`;

/** Prompts shown without --top: see the flag. */
const DEFAULT_TOP = 10;
/** Labels a wrong --label lists, so the message stays one line. */
const LABELS_SHOWN = 8;

export async function runPrompts(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PROMPTS_FLAGS);
  const { flags } = args;
  const format = (flags.get('format') as string | undefined) ?? 'markdown';
  const examples = (flags.get('examples') as number | undefined) ?? 5;
  const label = flags.get('label') as string | undefined;
  const top = label === undefined ? ((flags.get('top') as number | undefined) ?? DEFAULT_TOP) : undefined;

  const inputs = await loadCommandInputs(args, io, 'write prompts for');
  const [dataset] = inputs.datasets;
  const out = flags.get('out') as string | undefined;
  if (out) refuseOverwrite(out, [...inputs.reference, dataset], io.cwd);
  if (label !== undefined) checkLabel(label, inputs.reference);
  const embedding = await chooseEmbedder(flags, inputs.settings, inputs.base, io, inputs.quiet);
  const progress = inputs.quiet ? undefined : stepProgress(io.stderrStream, 'Finding uncovered real rows');
  let report;
  try {
    // Fine-tuning data: the prompts are about the requests people make (instructions, user turns), not the answers.
    const requests = <T extends { readonly data: ParsedDataset }>(file: T): T => ({ ...file, data: requestView(file.data) });
    report = await generationPrompts(
      { reference: inputs.reference.map(requests), dataset: requests(dataset) },
      {
        dictionary: loadDictionary(),
        seed: inputs.seed,
        examples,
        top,
        label,
        onProgress: progress?.update,
        token: io.token,
        ...(embedding.embedder ? { embedder: embedding.embedder, embedderId: embedding.id } : {}),
        ...(embedding.maxSampleRows !== undefined ? { maxRows: embedding.maxSampleRows } : {}),
      },
    );
  } finally {
    progress?.done();
    embedding.dispose();
  }
  const output = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatPromptsMarkdown(report);
  if (out) {
    writeOutput(out, io.cwd, output);
    if (!inputs.quiet) io.stderr(`Wrote ${report.prompts.length} ${report.prompts.length === 1 ? 'prompt' : 'prompts'} to ${out}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}

/** A --label no reference row has is a typo, not an empty answer. */
function checkLabel(label: string, reference: readonly LoadedFile[]): void {
  const labels = new Set(reference.flatMap((file) => file.data.rows.map((row) => row.label)).filter((l): l is string => l !== undefined));
  if (labels.has(label)) return;
  const known = [...labels].sort();
  const shown = known.length === 0 ? 'the reference rows have no labels' : `labels: ${known.slice(0, LABELS_SHOWN).join(', ')}${known.length > LABELS_SHOWN ? `, … (${known.length} in all)` : ''}`;
  throw new InputError(`--label "${label}" is not a label of any reference row (${shown})`);
}
