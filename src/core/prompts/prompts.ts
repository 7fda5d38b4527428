import type { Embedder } from '../embed/types';
import type { AnalysisFile } from '../gap/analysisFile';
import { coverageAnalysis } from '../gap/coverage';
import type { SideRows } from '../gap/sideRows';
import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';
import { formatCount } from '../exporters/format';
import { sampleIndexes, seededRandom } from '../stats/random';
import { embedSides } from '../select/embedSides';
import { composePrompt } from './compose';
import { styleConstraints } from './constraints';
import { styleProfile, wordCounts, type StyleProfile } from './style';
import { rankTargets, type Target } from './targets';
import { distinctiveTerms } from './terms';
import { uncoveredRows } from './uncovered';

export interface PromptsOptions {
  readonly dictionary: WordDictionary;
  /** Default 42. */
  readonly seed?: number;
  /** Real example rows per prompt. Default 5. */
  readonly examples?: number;
  /** Prompts returned at most, highest rank first. Default all with uncovered rows. */
  readonly top?: number;
  /** Only this label's prompt, even when all its real rows are covered (then it quotes covered ones). */
  readonly label?: string;
  /** Rows per side embedded, a seeded sample beyond this. Default 20,000. */
  readonly maxRows?: number;
  /** The embedding "close" is measured on; the built-in hashed one when absent. */
  readonly embedder?: Embedder;
  /** Its name for the report (`model2vec:potion-base-8M`). Default `hashed`. */
  readonly embedderId?: string;
  readonly token?: CancellationToken;
  /** Work units: embedding, nearest rows, clusters, prompts. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PromptExample {
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

export interface PromptSection {
  /** A prompt per label when both sides have labels, else per real topic cluster. */
  readonly kind: 'label' | 'cluster';
  /** The label; for a cluster, the most common label of its real rows, if they have labels. */
  readonly label?: string;
  readonly cluster?: number;
  /** The rank: real rows of the label or cluster (among those judged) with no close synthetic row. */
  readonly uncoveredRealRows: number;
  /** Real rows of the label or cluster that were judged. */
  readonly realRows: number;
  /** Synthetic rows with this label in the whole file (labels only). */
  readonly syntheticRows?: number;
  readonly terms: string[];
  /** Uncovered real rows, a seeded farthest-first spread (covered rows only when none is uncovered). */
  readonly examples: PromptExample[];
  readonly style: StyleProfile;
  /** Whether the style was measured on the label's or cluster's rows or, with too few of them, on all real rows. */
  readonly styleOf: 'section' | 'reference';
  readonly styleRules: string[];
  /** The prompt to paste into a generator. */
  readonly text: string;
}

export interface PromptsReport {
  readonly file: string;
  readonly referenceFiles: string[];
  readonly rows: { readonly reference: number; readonly synthetic: number };
  readonly groupedBy: 'label' | 'cluster';
  /** The embedding the rows were compared on. */
  readonly embedder: string;
  /** What "close" meant: the cosine threshold, the real-row quantile it came from, and the rows per side compared. */
  readonly close: { readonly threshold: number; readonly quantile: number; readonly sampleRows: number };
  /** Real rows judged and how many of them have no close synthetic row. */
  readonly judgedRows: number;
  readonly uncoveredRows: number;
  /** Labels or clusters with at least one uncovered row, before `top` and `label` cut the list. */
  readonly groupsWithUncovered: number;
  readonly style: StyleProfile;
  readonly styleRules: string[];
  readonly prompts: PromptSection[];
}

/** A section's own rows set its style when there are at least this many; else the whole real set does. */
const MIN_STYLE_ROWS = 20;
/** Rows a style or term count rests on, a seeded sample beyond this. */
const MAX_TEXT_ROWS = 20_000;
/** Messages a prompt asks for: at least enough to be worth a run, at most what a generator writes well in one go. */
const MIN_ASK = 10;
const MAX_ASK = 50;

/**
 * Generation prompts ranked by the real rows they would cover. Real rows are judged on `options.embedder` (the
 * built-in hashed embedding by default): a real row is uncovered when no synthetic row (of its label, when both sides have labels) is
 * close in coverage's sense (see uncoveredRows). There is one prompt per label, quoting only that label's
 * uncovered real rows; without labels on both sides, one per real topic cluster of coverage's k-means. Each
 * states how many real rows it would cover, quotes a diverse sample of them, names distinctive words, and
 * carries the measured style of the label's real rows as rules. The tool never calls a model. Same input
 * and seed, same prompts.
 *
 * @example (await generationPrompts({ reference, dataset }, { dictionary, top: 10 })).prompts[0].uncoveredRealRows // 100
 */
export async function generationPrompts(input: { reference: readonly AnalysisFile[]; dataset: AnalysisFile }, options: PromptsOptions): Promise<PromptsReport> {
  const seed = options.seed ?? 42;
  const { token } = options;
  const examples = options.examples ?? 5;
  const progress = (done: number) => options.onProgress?.(done, 4);
  progress(0);
  const realRows = input.reference.flatMap(({ file, data }) => data.rows.map((row) => ({ row, file })));
  const realTexts = realRows.map(({ row }) => row.text);
  const realLabels = realRows.map(({ row }) => row.label);
  const syntheticRows = input.dataset.data.rows;
  const syntheticTexts = syntheticRows.map((row) => row.text);
  const syntheticLabels = syntheticRows.map((row) => row.label);
  const labelled = realLabels.some((label) => label !== undefined) && syntheticLabels.some((label) => label !== undefined);
  const maxRows = options.maxRows ?? 20_000;
  const embedded = await embedSides(realTexts, syntheticTexts, { seed, maxRows, token, ...(options.embedder ? { embedder: options.embedder } : {}) });
  progress(1);

  const random = seededRandom(seed ^ 0xc0fe);
  const judged = uncoveredRows(embedded.real, embedded.synthetic, (side, row) => (labelled ? (side === 'real' ? realLabels : syntheticLabels)[row] : ''), random, { token });
  progress(2);
  let targets: Target[];
  if (labelled) {
    targets = rankTargets(judged, realTexts, (row) => realLabels[row], 'label', examples, random);
  } else {
    // Coverage reports rows by line; lines that are row indexes map its clusters back to rows.
    const real: SideRows = { texts: realTexts, rows: realRows.map(({ row }, i) => ({ line: i, ...(row.label === undefined ? {} : { label: row.label }) })), embedded: embedded.real };
    const synthetic: SideRows = { texts: syntheticTexts, rows: syntheticRows.map((_, i) => ({ line: i })), embedded: embedded.synthetic };
    const { realClusters } = coverageAnalysis(real, synthetic, { seed, maxRows }, token);
    const cluster = (row: number) => realClusters.get(row);
    targets = rankTargets(judged, realTexts, (row) => (cluster(row) === undefined ? undefined : String(cluster(row))), 'cluster', examples, random, (rows) => mostCommon(rows.map((row) => realLabels[row])));
  }
  progress(3);
  throwIfCancelled(token);

  const groupsWithUncovered = targets.filter((target) => target.uncovered.length > 0).length;
  const chosen = options.label !== undefined
    ? targets.filter((target) => target.label === options.label)
    : targets.slice(0, Math.min(groupsWithUncovered, options.top ?? Infinity));

  const textRandom = seededRandom(seed ^ 0x7e57);
  const sample = (rows: readonly number[]) => Array.from(sampleIndexes(rows.length, MAX_TEXT_ROWS, textRandom), (i) => realTexts[rows[i]]);
  const everyRow = realTexts.map((_, i) => i);
  const vocabulary = wordCounts(sample(everyRow));
  const style = styleProfile(sample(everyRow), options.dictionary, vocabulary);
  const labelRows = (label: string) => everyRow.filter((row) => realLabels[row] === label);
  const section = (target: Target): PromptSection => {
    // A label's style rests on all its real rows; a cluster's on its judged members.
    const own = target.kind === 'label' ? labelRows(target.label as string) : target.members;
    const styleOf = own.length >= MIN_STYLE_ROWS ? 'section' : 'reference';
    const sectionStyle = styleOf === 'section' ? styleProfile(sample(own), options.dictionary, vocabulary) : style;
    const syntheticOfLabel = target.kind === 'label' ? syntheticTexts.filter((_, row) => syntheticLabels[row] === target.label) : [];
    const quoted = target.uncovered.length > 0 ? target.uncovered : target.members;
    // What the uncovered rows say that the label's synthetic rows do not; with none, what sets them apart from other real rows.
    const members = new Set(own);
    const contrast = syntheticOfLabel.length >= 2 ? syntheticOfLabel : sample(everyRow.filter((row) => !members.has(row)));
    const terms = distinctiveTerms(sample(quoted), contrast);
    const styleRules = styleConstraints(sectionStyle);
    const quotes = target.examples.map((row) => ({ text: realTexts[row], file: realRows[row].file, line: realRows[row].row.line }));
    const measuredOn = styleOf === 'section'
      ? `${formatCount(sectionStyle.rows)} real messages ${target.kind === 'label' ? 'with this intent' : 'of this topic'}`
      : `all ${formatCount(style.rows)} real messages`;
    return {
      kind: target.kind,
      ...(target.label === undefined ? {} : { label: target.label }),
      ...(target.cluster === undefined ? {} : { cluster: target.cluster }),
      uncoveredRealRows: target.uncovered.length,
      realRows: target.members.length,
      ...(target.kind === 'label' ? { syntheticRows: syntheticOfLabel.length } : {}),
      terms,
      examples: quotes,
      style: sectionStyle,
      styleOf,
      styleRules,
      text: composePrompt({
        kind: target.kind,
        label: target.label,
        uncovered: target.uncovered.length,
        terms,
        examples: quotes.map((e) => e.text),
        constraints: styleRules,
        count: Math.max(MIN_ASK, Math.min(MAX_ASK, target.uncovered.length)),
        measuredOn,
      }),
    };
  };
  const prompts = chosen.map(section);
  progress(4);
  return {
    file: input.dataset.file,
    referenceFiles: input.reference.map(({ file }) => file),
    rows: { reference: realTexts.length, synthetic: syntheticTexts.length },
    groupedBy: labelled ? 'label' : 'cluster',
    embedder: options.embedder ? options.embedderId ?? 'custom' : 'hashed',
    close: { threshold: judged.threshold, quantile: judged.quantile, sampleRows: judged.sampleRows },
    judgedRows: judged.rows.length,
    uncoveredRows: judged.uncovered.filter(Boolean).length,
    groupsWithUncovered,
    style,
    styleRules: styleConstraints(style),
    prompts,
  };
}

/**
 * The prompt for one label, for a quick fix on a row with that label: its uncovered real rows quoted (its
 * covered ones when it has none), or undefined when no judged real row has the label.
 *
 * @example (await promptForLabel({ reference, dataset }, 'pin_change', { dictionary }))?.text
 */
export async function promptForLabel(input: { reference: readonly AnalysisFile[]; dataset: AnalysisFile }, label: string, options: Omit<PromptsOptions, 'label' | 'top'>): Promise<PromptSection | undefined> {
  return (await generationPrompts(input, { ...options, label })).prompts[0];
}

function mostCommon(labels: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const label of labels) if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: string | undefined;
  for (const [label, count] of counts) if (best === undefined || count > (counts.get(best) as number) || (count === counts.get(best) && label < best)) best = label;
  return best;
}
