/**
 * The gap report: what `synthgap check --format json` writes, what the server sends to the editor and the
 * panel. Bump {@link SCHEMA_VERSION} on any change that removes or renames a field; adding fields is fine.
 */
export const SCHEMA_VERSION = 1;

export type Verdict = 'no-gap' | 'small-gap' | 'gap' | 'large-gap' | 'insufficient-data';

export interface GapReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: 'synthgap'; readonly version: string };
  readonly settings: ReportSettings;
  readonly reference: ReferenceReport;
  readonly datasets: DatasetReport[];
  /** Report-wide notes: sampling, small reference set, fallbacks. */
  readonly warnings: string[];
  /** With `--baseline`: each dataset compared with the same dataset of an earlier report (gap/baseline.ts). */
  readonly baseline?: BaselineReport;
}

/** An AUC and the flagged rows of one dataset, as a baseline comparison shows them then and now. */
export interface BaselineFigures {
  readonly file: string;
  readonly verdict: Verdict;
  /** NaN (null in JSON) when there was too little data to fit a classifier. */
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly rows: number;
  readonly flagged: number;
}

/** A feature whose gap size (FeatureGap.size) changed since the baseline. */
export interface GapChange {
  readonly feature: string;
  readonly name: string;
  readonly then: number;
  readonly now: number;
}

/** One dataset of this run, and what changed since the same dataset in the baseline. */
export interface BaselineDataset {
  readonly now: BaselineFigures;
  /** Absent for a dataset the baseline does not have. */
  readonly then?: BaselineFigures;
  /** How `then` was found: the same file name, or the only dataset left on each side with the same reference. */
  readonly matchedBy?: 'file' | 'only-dataset' | 'named';
  /** AUC now minus then (NaN when either is not available). */
  readonly aucChange: number;
  /** Whether the two AUCs' 95% intervals overlap: a change this small may be noise. */
  readonly withinIntervals: boolean;
  /** Whether the AUC rose by more than `failOnRegression` (never with too few rows on either run). */
  readonly regression: boolean;
  /** Gaps that grew or shrank by at least BASELINE_GAP_CHANGE, largest change first. */
  readonly grew: GapChange[];
  readonly shrank: GapChange[];
  /** Phrases over-used in the dataset now that the baseline did not list, and the reverse. */
  readonly newPhrases: string[];
  readonly gonePhrases: string[];
}

export interface BaselineReport {
  /** The baseline report's path, as given. */
  readonly file: string;
  /** The synthgap version that wrote the baseline. */
  readonly version: string;
  /** `--fail-on-regression`: the AUC rise that fails the run; absent when no gate was set. */
  readonly failOnRegression?: number;
  readonly datasets: BaselineDataset[];
  /** Datasets of the baseline that this run did not check. */
  readonly dropped: string[];
  /** What differs between the runs besides the data (settings, reference files), in words. */
  readonly notes: string[];
}

export interface ReportSettings {
  readonly seed: number;
  readonly folds: number;
  readonly flagQuantile: number;
  readonly embedder: string;
  readonly textField?: string;
  /** For files read field by field: the fields (or chat roles) analyzed each on its own and together. */
  readonly textFields?: string[];
  /** The recognized schema, in words: "Alpaca-style instruction data: instruction, input, output". */
  readonly schema?: string;
  readonly labelField?: string;
}

export interface FileError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ReferenceRow {
  readonly file: string;
  readonly line: number;
  /** Out-of-fold probability that the row is synthetic (mean over the datasets it was compared with). */
  readonly score: number;
  readonly label?: string;
}

export interface ReferenceReport {
  readonly files: string[];
  /** Rows skipped for bad input, over all reference files. */
  readonly skipped: number;
  readonly errors: FileError[];
  readonly rows: ReferenceRow[];
  /** How noisy the real rows are (typos, casing, punctuation, slang, length): what roughening copies. */
  readonly noiseProfile?: NoiseProfileSummary;
}

/** The reference set's noise profile as plain figures and sentences (`38% of real rows have a typo`). */
export interface NoiseProfileSummary {
  readonly rows: number;
  /** One sentence per measure, in the order below, for reports and the CLI. */
  readonly sentences: string[];
  readonly typoRowShare: number;
  /** Among rows with a typo, misspelled words per checked word. */
  readonly typosPerWord: number;
  readonly startsLowercaseShare: number;
  readonly allLowercaseShare: number;
  readonly noTerminalShare: number;
  readonly noPunctuationShare: number;
  readonly repeatedPunctuationShare: number;
  /** Among contractable pairs (`do not` / `don't`), the share written contracted. */
  readonly contractionShare: number;
  /** Among contractions, the share written without the apostrophe (`dont`). */
  readonly bareContractionShare: number;
  readonly slangRowShare: number;
  /** The slang the real rows use, most used first. */
  readonly slangWords: string[];
  readonly stockPhraseShare: number;
  readonly politenessShare: number;
  /** Words per row at the 10th, 25th, 50th, 75th and 90th percentiles. */
  readonly wordQuantiles: number[];
}

export interface DatasetReport {
  readonly file: string;
  readonly skipped: number;
  readonly errors: FileError[];
  readonly summary: DatasetSummary;
  /** Ranked by effect size, largest first. */
  readonly gaps: FeatureGap[];
  readonly phrases: PhraseReport;
  readonly diversity: DiversityReport;
  readonly coverage: CoverageReport;
  readonly byLabel: LabelReport;
  readonly leakage: LeakageReport;
  /** The words the detector leans on each way; absent without a word part. */
  readonly wording?: WordingReport;
  readonly rows: RowResult[];
  /** A 2D projection of a seeded sample of both sides' embeddings, for the report's map. */
  readonly map?: MapReport;
  /**
   * For a file read field by field: each field compared with the same field of the reference. The dataset's own
   * summary, rows and flags are then the combined ones (one detector over every field of a record).
   */
  readonly fields?: FieldReport[];
  /** For instruction and chat data: checks on each record's request and response together. */
  readonly pairs?: PairReport;
}

/** One field (or chat role) of a dataset read field by field, compared with the same field of the reference. */
export interface FieldReport {
  readonly field: string;
  /** The dataset's texts in this field (a chat role counts every turn). */
  readonly rows: number;
  readonly summary: DatasetSummary;
  readonly gaps: FeatureGap[];
  readonly phrases: PhraseReport;
  readonly diversity: DiversityReport;
  readonly leakage: LeakageReport;
  readonly wording?: WordingReport;
}

/**
 * Checks on the request/response pairs of instruction data and chat files (gap/pairs.ts), the dataset against the
 * reference. A pair is a record's request and its response: one per record for instruction data, one per user
 * turn for a chat (a user turn and the assistant turn after it). Counts are the dataset's; rates compare the sides.
 */
export interface PairReport {
  /** The request and response fields the checks read (`instruction` and `output`; `user` and `assistant`). */
  readonly request: string;
  readonly response: string;
  /** Alpaca's `input` when the file has it: read as part of the request (instruction, a line break, input). */
  readonly input?: string;
  /** Pairs with both a request and a response, per side. */
  readonly records: number;
  readonly referenceRecords: number;
  /** Response length over request length, in words: the median over pairs, per side (NaN with no pairs). */
  readonly lengthRatio: { readonly real: number; readonly synthetic: number };
  /** Share of pairs per side whose response opens by restating the request (most of its content words repeated). */
  readonly restates: { readonly real: number; readonly synthetic: number };
  /**
   * Turns per conversation and words per turn (each conversation's mean), medians over conversations per side (NaN
   * for a side with no chat); system prompts are not counted. Chat files only.
   */
  readonly turns?: { readonly real: number; readonly synthetic: number; readonly realWords: number; readonly syntheticWords: number };
  /**
   * Requests (normalized: case, punctuation and white space aside) that come with 2+ different responses (count of
   * requests), and responses given to 2+ different requests.
   */
  readonly sameRequest: number;
  readonly sameResponse: number;
  /** Pairs whose request and response both copy a reference pair's (case, punctuation and white space aside): leakage. */
  readonly copiedPairs: number;
  /**
   * Responses that do not answer: a refusal, or only a restatement of the request (short, adding almost no word of
   * its own). Empty responses are absent fields, counted in `noResponse`.
   */
  readonly refusals: number;
  readonly restatements: number;
  /** Requests with no response (an Alpaca record without output; a chat's last user turn left unanswered). */
  readonly noResponse: number;
  /**
   * The first dataset lines of each check, at most 5 each, each line once: `copiedPairs`, `refusals`,
   * `restatements`, `noResponse`, `sameRequest`, `sameResponse` and `restates`.
   */
  readonly examples: { readonly [check: string]: number[] };
  /** The findings in words, most important first; empty when the pairs look like the reference's. */
  readonly sentences: string[];
}

/** A word one side uses more, with how many counted rows of each side use it. */
export interface LeaningWord {
  readonly word: string;
  readonly realRows: number;
  readonly syntheticRows: number;
}

export interface WordingReport {
  /** Words that push a row toward "synthetic" (the dataset uses them more), strongest first. */
  readonly datasetWords: LeaningWord[];
  /** Words that push a row toward "real" (the reference uses them more), strongest first. */
  readonly referenceWords: LeaningWord[];
  /** The rows of each side the counts rest on (seeded samples). */
  readonly rowsCounted: { readonly real: number; readonly synthetic: number };
  /**
   * Present when the verdict finds a gap that no style feature shows: the sides differ in wording or topic. It
   * is also the end of the summary's headline.
   */
  readonly sentence?: string;
}

export type ProjectionMethod = 'pca' | 'umap';

export interface MapPoint {
  readonly side: 'real' | 'synthetic';
  readonly x: number;
  readonly y: number;
  /** The row's file (a reference file for real points, the dataset for synthetic ones) and 1-based line. */
  readonly file: string;
  readonly line: number;
  readonly turn?: number;
  /** The row's text, cut to at most 160 characters (with an ellipsis). */
  readonly text: string;
  readonly label?: string;
  /** Synthetic points only: whether the row is flagged. */
  readonly flagged?: boolean;
}

/** A real coverage cluster that synthetic rows never reach, as a circle on the map. */
export interface MapRegion {
  /** CoverageCluster.id of the missing cluster. */
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

export interface MapReport {
  readonly method: ProjectionMethod;
  /** Both sides, on one coordinate system; x and y each span about [-1, 1]. */
  readonly points: MapPoint[];
  readonly missing: MapRegion[];
  /** Rows the map rests on, per side (a seeded sample when the data is larger). */
  readonly realRows: number;
  readonly syntheticRows: number;
  /** The embedding projected (Embedder.id). */
  readonly embedder: string;
}

export interface DatasetSummary {
  readonly rows: number;
  readonly referenceRows: number;
  readonly auc: number;
  readonly aucLow: number;
  readonly aucHigh: number;
  readonly verdict: Verdict;
  /** One sentence that says what the verdict means. */
  readonly headline: string;
  readonly flagged: number;
  /**
   * A row is flagged when its score is above this (an upper confidence bound on the reference rows' score at
   * `flagQuantile`), under the verdict's rule: with no gap only rows with stock LLM phrasing real rows rarely
   * use, with insufficient data none (gap/verdict.ts flagRuleFor).
   */
  readonly flagThreshold: number;
  /** Share of reference rows the same rule flags (at most about 1 - flagQuantile). */
  readonly referenceFlaggedShare: number;
  /** Which kind of difference dominates (gap/gapKind.ts); absent with too few rows, and in older reports. */
  readonly gapKind?: GapKind;
  /** The figures the kind was decided from, the lever that fits, and a sentence; absent in older reports. */
  readonly gapKindEvidence?: GapKindEvidence;
}

/**
 * `style`: casing, punctuation, typos and apostrophes (roughen fixes it); `wording`: register, stock phrasing and length
 * (reword, or regenerate with the prompts' style rules); `coverage`: real situations with no synthetic row
 * near them (generate rows for them); `none`: no measurable gap.
 */
export type GapKind = 'style' | 'wording' | 'coverage' | 'none';

export interface GapKindFigures {
  /** The full detector's AUC. */
  readonly auc: number;
  /** Out-of-fold AUC of a detector on the style features alone (casing, punctuation, typos, apostrophes). */
  readonly styleAuc: number;
  /** (styleAuc − 0.5) / (auc − 0.5), within 0..1: the share of the detector's lead over chance style carries. */
  readonly styleShare: number;
  /** Share of sampled real rows whose nearest synthetic row is farther than real rows usually are from each other. */
  readonly uncoveredShare?: number;
  /** The share of such real rows expected by chance (two random halves of one file). */
  readonly uncoveredExpected?: number;
  /** Share of real rows whose label the synthetic rows (almost) lack; absent without labels on both sides. */
  readonly missingLabelShare?: number;
  /** Share of real rows with a formal or LLM register phrase (`kindly`, `I am writing to`). */
  readonly registerReal: number;
  /** Share of synthetic rows with one. */
  readonly registerSynthetic: number;
}

export interface GapKindEvidence {
  /** Absent when there are too few rows to decide. */
  readonly kind?: GapKind;
  readonly figures: GapKindFigures;
  /** What to do about it, in words: `run synthgap roughen`; empty without a kind. */
  readonly lever: string;
  /** The kind, its figures and the lever in one sentence (`Kind of gap: style. …`). */
  readonly sentence: string;
}

export interface RowReason {
  /** Stable code: a feature id, `phrase:<text>`, `stock-phrase`, or `wording`. */
  readonly code: string;
  /** Plain words measured against the real set: `27 words, longer than 96% of real rows`. */
  readonly message: string;
}

export interface RowResult {
  readonly line: number;
  /** Character range of the text value; see DatasetRow.textRange. */
  readonly start: number;
  readonly end: number;
  readonly score: number;
  /** Share of reference rows with a lower score, 0..1. */
  readonly percentile: number;
  readonly flagged: boolean;
  readonly reasons: RowReason[];
  readonly label?: string;
  readonly turn?: number;
  /**
   * For a record read field by field: the field `start`/`end` (and `turn`) point at, the one that reads most
   * unlike the reference's same field (the reasons are about it), and each field's own score (a chat role with
   * several turns: its highest).
   */
  readonly field?: string;
  readonly fieldScores?: { readonly [field: string]: number };
}

/** A histogram or a share, for one side, on the bins shared by both sides. */
export interface Distribution {
  /** Bin edges (length = counts + 1) for numeric features; empty for binary ones. */
  readonly edges: number[];
  /** Share of rows per bin (sums to 1), or `[share without, share with]` for binary features. */
  readonly shares: number[];
  readonly mean: number;
  readonly median: number;
}

export interface FeatureGap {
  readonly feature: string;
  readonly name: string;
  readonly kind: 'numeric' | 'binary';
  /** Standardized mean difference (numeric) or difference in proportions (binary), synthetic minus real. */
  readonly effect: number;
  /** What ranks the gaps: |SMD|, or Cohen's h for proportions, so both share one scale. */
  readonly size: number;
  readonly ks: number;
  /** Secondary: large samples make every difference significant. */
  readonly pValue: number;
  readonly sentence: string;
  readonly real: Distribution;
  readonly synthetic: Distribution;
}

export interface PhraseStat {
  readonly phrase: string;
  readonly realCount: number;
  readonly syntheticCount: number;
  /** Log-odds ratio z-score with an informative Dirichlet prior; positive means over-used in synthetic text. */
  readonly z: number;
  /** Rows containing the phrase per 1,000 rows counted on each side (the sides differ in size). */
  readonly realPerThousand?: number;
  readonly syntheticPerThousand?: number;
}

export interface PhraseReport {
  readonly overSynthetic: PhraseStat[];
  readonly overReal: PhraseStat[];
  /** Rows the counts rest on, per side (a seeded sample when the data is larger). */
  readonly realRows: number;
  readonly syntheticRows: number;
  /**
   * Phrases tested for a difference in rate (those in enough rows to reach significance); each is listed only
   * when its difference is significant after a correction for this many tests. Absent in older reports.
   */
  readonly tested?: number;
}

export interface SideDiversity {
  readonly distinct1: number;
  readonly distinct2: number;
  /** Compressed size over raw size of the side's text; lower means more repetitive. */
  readonly compressionRatio: number;
  /** Mean cosine similarity of each row to its nearest neighbour on the same side. */
  readonly meanNearestSimilarity: number;
  readonly rows: number;
}

export interface DuplicateGroup {
  readonly size: number;
  /** Lines of the members in the synthetic file, first few. */
  readonly lines: number[];
  readonly examples: string[];
}

export interface DiversityReport {
  readonly real: SideDiversity;
  readonly synthetic: SideDiversity;
  readonly nearDuplicateGroups: DuplicateGroup[];
  /** Synthetic rows that belong to a near-duplicate group beyond its first member. */
  readonly nearDuplicateRows: number;
  /** The cosine at or above which rows join a group (to the group's first row when `paraphrases`). */
  readonly similarityThreshold: number;
  readonly sentence: string;
  /** The embedding the groups and similarities rest on (Embedder.id). */
  readonly embedder?: string;
  /** Whether the groups include paraphrases: true on a semantic embedding; hashed character grams see only spelling. */
  readonly paraphrases?: boolean;
  /** How the groups were found, in words: the embedding, the cosine, and whether paraphrases count. */
  readonly method?: string;
}

export interface CoverageCluster {
  readonly id: number;
  readonly realShare: number;
  readonly syntheticShare: number;
  readonly examples: string[];
  readonly exampleLines: number[];
  readonly label?: string;
}

export interface CoverageReport {
  readonly clusters: number;
  /** Real clusters that few synthetic rows come near. */
  readonly missing: CoverageCluster[];
  /** Synthetic clusters with no real rows near. */
  readonly syntheticOnly: CoverageCluster[];
  readonly sentence: string;
}

export interface LabelStat {
  readonly label: string;
  readonly realRows: number;
  readonly syntheticRows: number;
  readonly auc: number;
  readonly topGap?: string;
}

export interface LabelReport {
  readonly labels: LabelStat[];
  readonly onlyReal: string[];
  readonly onlySynthetic: string[];
  /** The label field each side's rows were read with, where it has one. */
  readonly fields?: { readonly real?: string; readonly synthetic?: string };
}

export interface LeakedRow {
  readonly line: number;
  readonly referenceFile: string;
  readonly referenceLine: number;
  readonly similarity: number;
  readonly exact: boolean;
}

export interface LeakageReport {
  readonly exact: number;
  readonly near: number;
  readonly rows: LeakedRow[];
  readonly similarityThreshold: number;
}
