import type { AnalysisFile } from '../gap/analyze';
import { coverageReport } from '../gap/coverage';
import type { SideRows } from '../gap/sideRows';
import { throwIfCancelled, type CancellationToken, type WordDictionary } from '../host';
import { formatCount } from '../report/format';
import { sampleIndexes, seededRandom } from '../stats/random';
import { embedSides } from '../select/embedSides';
import { composePrompt } from './compose';
import { styleConstraints } from './constraints';
import { styleProfile, wordCounts, type StyleProfile } from './style';
import { labelTargets, topicTargets, type Target } from './targets';
import { distinctiveTerms } from './terms';
import { wordingTargets } from './wording';

export interface PromptsOptions {
  readonly dictionary: WordDictionary;
  /** Default 42. */
  readonly seed?: number;
  /** Real example rows per prompt. Default 5. */
  readonly examples?: number;
  /** A label is under-represented below this ratio of synthetic to real share. Default 0.5. */
  readonly labelRatio?: number;
  /**
   * A label present on both sides is a target when a classifier trained on the synthetic rows recognizes fewer
   * than this share of its real rows (see wordingTargets). Default 0.6; 0 turns the check off.
   */
  readonly wordingRecall?: number;
  /** Rows per side the topic analysis embeds, a seeded sample beyond this. Default 20,000. */
  readonly maxRows?: number;
  readonly token?: CancellationToken;
  /** Work units: embedding, topics, labels, wording, prompts. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PromptExample {
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

export interface PromptSection {
  readonly kind: 'topic' | 'label' | 'wording';
  readonly label?: string;
  /** For wording: the share of the label's real rows a classifier trained on the synthetic rows recognizes. */
  readonly recall?: number;
  readonly realShare: number;
  readonly syntheticShare: number;
  readonly rowsNeeded: number;
  /** Real rows of the topic or label (for topics, within the embedded sample). */
  readonly realRows: number;
  readonly terms: string[];
  readonly examples: PromptExample[];
  readonly style: StyleProfile;
  /** Whether the style was measured on the section's rows or, with too few of them, on the whole real set. */
  readonly styleOf: 'section' | 'reference';
  readonly constraints: string[];
  readonly prompt: string;
}

export interface PromptsReport {
  readonly file: string;
  readonly referenceFiles: string[];
  readonly rows: { readonly reference: number; readonly synthetic: number };
  /** Real topic clusters compared. */
  readonly clusters: number;
  /** Whether labels could be compared (both sides have some). */
  readonly labelled: boolean;
  readonly style: StyleProfile;
  readonly constraints: string[];
  readonly sections: PromptSection[];
}

/** What a wording prompt asks for beyond the topic. */
const WORDING_FOCUS =
  'Real users word this intent in ways the existing synthetic messages miss: write messages like these examples, in their situations and phrasing, not the most typical way to ask.';

/** A section's own rows set its style when there are at least this many; else the whole real set does. */
const MIN_STYLE_ROWS = 20;
/** Rows a style or term count rests on, a seeded sample beyond this. */
const MAX_TEXT_ROWS = 20_000;

/**
 * Generation prompts for what the synthetic rows under-cover: each real topic cluster that coverageReport
 * finds missing (on the built-in hashed embedding), each label whose synthetic share is below `labelRatio`
 * of its real share, and each label whose real rows a classifier trained on the synthetic rows mostly fails to
 * recognize (see wordingTargets). Each prompt names the label and the distinctive words (against the other
 * real rows, or for wording against the label's synthetic rows), shows real examples nearest the centre, and
 * states the real rows' measured style as rules.
 * The tool never calls a model. Same input and seed, same prompts.
 *
 * @example (await generationPrompts({ reference, dataset }, { dictionary })).sections[0].prompt
 */
export async function generationPrompts(input: { reference: readonly AnalysisFile[]; dataset: AnalysisFile }, options: PromptsOptions): Promise<PromptsReport> {
  const seed = options.seed ?? 42;
  const { token } = options;
  const progress = (done: number) => options.onProgress?.(done, 5);
  progress(0);
  const realRows = input.reference.flatMap(({ file, data }) => data.rows.map((row) => ({ row, file })));
  const realTexts = realRows.map(({ row }) => row.text);
  const syntheticRows = input.dataset.data.rows;
  const syntheticTexts = syntheticRows.map((row) => row.text);
  const maxRows = options.maxRows ?? 20_000;
  const embedded = await embedSides(realTexts, syntheticTexts, { seed, maxRows, token });
  progress(1);

  // Coverage reports example rows by line; lines that are row indexes map its answer back to rows.
  const real: SideRows = { texts: realTexts, rows: realRows.map(({ row }, i) => ({ line: i, ...(row.label === undefined ? {} : { label: row.label }) })), embedded: embedded.real };
  const synthetic: SideRows = { texts: syntheticTexts, rows: syntheticRows.map((_, i) => ({ line: i })), embedded: embedded.synthetic };
  const coverage = coverageReport(real, synthetic, { seed, maxRows, maxExamples: options.examples ?? 5 }, token);
  const topics = topicTargets(real, coverage, syntheticTexts.length, options.examples ?? 5);
  progress(2);
  const realLabels = realRows.map(({ row }) => row.label);
  const syntheticLabels = syntheticRows.map((row) => row.label);
  const labels = await labelTargets(realTexts, realLabels, syntheticLabels, embedded.embedder, { ratio: options.labelRatio, examples: options.examples, seed, token });
  progress(3);
  const recall = options.wordingRecall ?? 0.6;
  const skip = new Set(labels.map((target) => target.label as string));
  const wording = recall > 0
    ? await wordingTargets(realTexts, realLabels, syntheticTexts, syntheticLabels, embedded.embedder, { recall, skip, examples: options.examples, seed, token })
    : [];
  progress(4);
  throwIfCancelled(token);

  const random = seededRandom(seed ^ 0x7e57);
  const sample = (rows: readonly number[]) => Array.from(sampleIndexes(rows.length, MAX_TEXT_ROWS, random), (i) => realTexts[rows[i]]);
  const everyRow = realTexts.map((_, i) => i);
  const everyText = sample(everyRow);
  const vocabulary = wordCounts(everyText);
  const style = styleProfile(everyText, options.dictionary, vocabulary);
  const section = (target: Target): PromptSection => {
    const members = new Set(target.members);
    const own = target.members.length >= MIN_STYLE_ROWS;
    const sectionStyle = own ? styleProfile(sample(target.members), options.dictionary, vocabulary) : style;
    const others = target.contrast ?? sample(everyRow.filter((row) => !members.has(row)));
    const terms = distinctiveTerms(sample(target.members), others);
    const constraints = styleConstraints(sectionStyle);
    const examples = target.examples.map((row) => ({ text: realTexts[row], file: realRows[row].file, line: realRows[row].row.line }));
    const measuredOn = own ? `${formatCount(sectionStyle.rows)} real messages of this kind` : `all ${formatCount(style.rows)} real messages`;
    const count = Math.max(10, Math.min(50, target.rowsNeeded));
    return {
      kind: target.kind,
      ...(target.label === undefined ? {} : { label: target.label }),
      ...(target.recall === undefined ? {} : { recall: target.recall }),
      realShare: target.realShare,
      syntheticShare: target.syntheticShare,
      rowsNeeded: target.rowsNeeded,
      realRows: target.members.length,
      terms,
      examples,
      style: sectionStyle,
      styleOf: own ? 'section' : 'reference',
      constraints,
      prompt: composePrompt({ label: target.label, terms, examples: examples.map((e) => e.text), constraints, count, measuredOn, focus: target.kind === 'wording' ? WORDING_FOCUS : undefined }),
    };
  };
  const sections = [...topics, ...labels, ...wording].map(section);
  progress(5);
  return {
    file: input.dataset.file,
    referenceFiles: input.reference.map(({ file }) => file),
    rows: { reference: realTexts.length, synthetic: syntheticTexts.length },
    clusters: coverage.clusters,
    labelled: realLabels.some((label) => label !== undefined) && syntheticLabels.some((label) => label !== undefined),
    style,
    constraints: styleConstraints(style),
    sections,
  };
}
