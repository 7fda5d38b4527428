import type { Embedder } from '../embed/types';
import type { CancellationToken } from '../host';
import { probeRows } from '../probe/probeRows';
import { predictRows, trainSoftmax } from '../probe/softmax';
import { sampleIndexes, seededRandom } from '../stats/random';
import { byLabel, examplesNearCentre, type Target } from './targets';

export interface WordingOptions {
  /** A label is a target when the classifier recognizes fewer than this share of its real rows. Default 0.6. */
  readonly recall?: number;
  /** Labels with fewer real rows (in the sample) are not judged. Default 10. */
  readonly minRows?: number;
  /** Labels already targeted for another reason. */
  readonly skip?: ReadonlySet<string>;
  readonly examples?: number;
  readonly seed?: number;
  readonly token?: CancellationToken;
}

/** Rows per side the classifier learns from and is tested on, seeded samples beyond these. */
const MAX_SYNTHETIC = 50_000;
const MAX_REAL = 20_000;

/**
 * Labels whose real wording the synthetic rows miss: the probe's softmax regression, trained on the labelled
 * synthetic rows alone, classifies the labelled real rows, and each label (with `minRows` real rows, present
 * on both sides) whose real rows it recognizes less than `recall` of the time is a target. Its members are
 * the real rows it misses (the situations and phrasings no synthetic row taught it), its examples those
 * nearest their centre, and its distinctive words are measured against the label's synthetic rows. Worst
 * recall first. Seeded; no labels on a side, no targets.
 *
 * @example (await wordingTargets(realTexts, realLabels, syntheticTexts, syntheticLabels, embedder))[0] // { kind: 'wording', label: 'todo_list_update', recall: 0.53, … }
 */
export async function wordingTargets(
  realTexts: readonly string[],
  realLabels: readonly (string | undefined)[],
  syntheticTexts: readonly string[],
  syntheticLabels: readonly (string | undefined)[],
  embedder: Embedder,
  options: WordingOptions = {},
): Promise<Target[]> {
  const random = seededRandom(options.seed ?? 0);
  const labelled = (labels: readonly (string | undefined)[], max: number) => {
    const rows = labels.flatMap((label, row) => (label === undefined ? [] : [row]));
    return Array.from(sampleIndexes(rows.length, max, random), (i) => rows[i]);
  };
  const real = labelled(realLabels, MAX_REAL);
  const synthetic = labelled(syntheticLabels, MAX_SYNTHETIC);
  if (real.length === 0 || synthetic.length === 0) return [];
  const names = [...new Set([...real.map((row) => realLabels[row]), ...synthetic.map((row) => syntheticLabels[row])] as string[])].sort();
  const classOf = new Map(names.map((name, i) => [name, i]));
  const texts = [...real.map((row) => realTexts[row]), ...synthetic.map((row) => syntheticTexts[row])];
  const classes = Int32Array.from([...real.map((row) => realLabels[row]), ...synthetic.map((row) => syntheticLabels[row])], (label) => classOf.get(label as string) as number);
  const everyRow = Uint32Array.from(texts, (_, i) => i);
  const rows = probeRows(texts, classes, names.length, everyRow, { seed: options.seed, token: options.token });
  const model = trainSoftmax(rows, everyRow.subarray(real.length), { seed: options.seed, token: options.token });
  const predicted = predictRows(model, rows, everyRow.subarray(0, real.length), options.token);

  const syntheticByLabel = byLabel(synthetic.map((row) => syntheticLabels[row]));
  const syntheticTotal = syntheticLabels.filter((label) => label !== undefined).length;
  const found: { label: string; recall: number; missed: number[]; count: number }[] = [];
  for (const [label, positions] of byLabel(real.map((row) => realLabels[row]))) {
    if (positions.length < (options.minRows ?? 10) || !syntheticByLabel.has(label) || options.skip?.has(label)) continue;
    const missed = positions.filter((p) => predicted[p] !== classOf.get(label));
    const recall = 1 - missed.length / positions.length;
    if (recall < (options.recall ?? 0.6)) found.push({ label, recall, missed: missed.map((p) => real[p]), count: positions.length });
  }
  found.sort((a, b) => a.recall - b.recall || a.label.localeCompare(b.label));
  const targets: Target[] = [];
  for (const { label, recall, missed, count } of found) {
    const syntheticRows = (syntheticByLabel.get(label) as number[]).map((p) => syntheticTexts[synthetic[p]]);
    // Shares come from the samples; the rows needed match the share of real rows that were missed.
    targets.push({
      kind: 'wording',
      label,
      realShare: count / real.length,
      syntheticShare: syntheticRows.length / synthetic.length,
      rowsNeeded: Math.round((missed.length / real.length) * syntheticTotal),
      members: missed,
      examples: await examplesNearCentre(missed, realTexts, embedder, options.examples ?? 5, random, options.token),
      recall,
      contrast: syntheticRows,
    });
  }
  return targets;
}
