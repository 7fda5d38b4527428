import { createHashedEmbedder, HashedTfidf, type HashedTfidfState } from '../embed/hashedTfidf';
import type { Embedder } from '../embed/types';
import { describeGap } from '../features/describe';
import { featureIndex, FEATURES } from '../features/registry';
import { silentLogger, throwIfCancelled, type CancellationToken, type Logger, type ProgressReporter, type WordDictionary } from '../host';
import { SCHEMA_VERSION, type DatasetReport, type GapReport, type LeakageReport, type ReferenceRow, type RowReason, type RowResult } from '../report/types';
import { percentileRank } from '../stats/quantile';
import { textHash } from '../stats/hash';
import { sampleIndexes, seededRandom } from '../stats/random';
import { summarizeNoiseProfile } from '../roughen/describe';
import { learnNoiseProfile } from '../roughen/profile';
import { namesIn } from '../roughen/typoVocabulary';
import { detectorFromJob, runDetectorHere, type DetectorJob, type DetectorRunner } from './detector/job';
import { NO_GROUP } from './detector/plan';
import { featureGaps } from './effects';
import type { MapOptions } from './map';
import { compareSides, type Side } from './sides';
import { featureMatrix, sortedColumns } from './matrix';
import { wordingReport } from './wording';
import type { ModelParts } from './model';
import { countStockPhrases, countWordRows, explainRow, finishReasons, reasonContext, type WordCounts } from './reasons';
import { phraseBoost } from './markerPrior';
import { flagPlan, headlineFor, isFlagged, SMALL_REFERENCE_ROWS } from './verdict';
import { decideGapKind } from './gapKind';
import { registerShare } from './registerShare';
import { styleOnlyAuc } from './styleAuc';
import { missingLabelShare } from './uncovered';
import { fieldInput, mergeFieldAnalyses, sharedTextFields, type FieldAnalysis } from './fields';
import { gramText, requestRows } from '../dataset/schemas';
import { recordFeatureDim, recordFeatureMatrix } from './recordFeatures';
import type { AnalysisFile, AnalyzeInput } from './analysisFile';

export interface AnalyzeOptions {
  readonly dictionary: WordDictionary;
  readonly seed?: number;
  readonly folds?: number;
  readonly flagQuantile?: number;
  /** Embeds rows for the similarity analyses; the built-in hashed embedding when omitted. */
  readonly embedder?: Embedder;
  /** Rows per side the similarity analyses rest on (a seeded sample beyond it). */
  readonly maxSampleRows?: number;
  /** A 2D map of both sides' embeddings in each dataset's report (a seeded sample per side); none by default. */
  readonly map?: MapOptions | false;
  readonly toolVersion?: string;
  readonly logger?: Logger;
  readonly token?: CancellationToken;
  readonly onProgress?: ProgressReporter;
  /** Content hashes (stats/hash textHash) of rows the user chose to ignore: never flagged. */
  readonly ignore?: ReadonlySet<string>;
  /** The detector ignores words and character grams found in fewer texts than this. */
  readonly minDocuments?: number;
  /** Runs the detector (detector/job.ts); in place when omitted. The CLI and the editor run it on another thread. */
  readonly runDetector?: DetectorRunner;
  /** Receives, per dataset (by index), what the editor needs to score edited rows later (see model.ts). */
  readonly onModel?: (parts: ModelParts, dataset: number) => void;
}

/**
 * The detector ignores words and character grams found in fewer texts of the IDF corpus than this, as the
 * baseline it is measured against does (scikit-learn's min_df=2): a gram seen once cannot recur in another
 * fold. Everything else is kept, because the long tail is where LLM wording shows (`establishment`,
 * `captivating`, each in under 1% of rows). An earlier floor of 1% of rows, tuned to quiet CLINC150's
 * train-against-test split, threw that signal away; that split is not a null (its halves differ in entities).
 */
const MIN_DOCUMENTS = 2;
/**
 * The inverse regularization strengths the detector chooses among by inner cross-validation (detector/select.ts),
 * ascending, a factor of four apart. 1 is LIBLINEAR's default; 4 the baseline's; 16 lets a large file with a
 * subtle wording gap learn its long tail (CLINC150 against gpt-3.5 with case and punctuation stripped: AUC
 * 0.877 at 1, 0.899 at 4, 0.905 at 16). Random halves of one real file stay at chance with any of them.
 */
const DETECTOR_C = [1, 4, 16] as const;
/**
 * The same choice for records read field by field, one step (×4) up: keeping fields apart multiplies the features
 * by the number of fields and splits each word's evidence among them, so each feature is rarer and wants less
 * shrinkage. On generated Alpaca rows and chat files (2,000 a side, bench/finetune.ts) the inner cross-validation
 * then picks 16 or 64, and the combined AUC passes the baseline's on the joined text (Alpaca 0.9957 against 0.9951,
 * chat 0.9995 against 0.9993; with 1, 4, 16 it stayed just under: 0.9949, 0.9993). Random halves of either file
 * (3 seeds each, real and synthetic sides) stay at no gap with either choice (AUC 0.47 to 0.51).
 */
const FIELDED_DETECTOR_C = [4, 16, 64] as const;
const IDF_ROWS_PER_SIDE = 20_000;
/** Rows per side the detector trains on (the rest are scored, not learned from): beyond this, AUC moves little. */
const MAX_TRAIN_PER_CLASS = 20_000;

export const DEFAULTS = { seed: 42, folds: 5, flagQuantile: 0.95, maxSampleRows: 5_000 } as const;

/**
 * Compares every dataset with the reference set. The same inputs and seed give the same report. Files read field
 * by field (instruction data, chat files) are compared as whole records, one detector over every field's text,
 * which gives the rows' scores, flags and the headline; then each field on its own against the reference's same
 * field (`datasets[i].fields`).
 */
export async function analyze(input: AnalyzeInput, options: AnalyzeOptions): Promise<GapReport> {
  const fields = sharedTextFields(input);
  const combined = await analyzeTexts(input, options);
  if (!fields) return combined;
  const analyses: FieldAnalysis[] = [];
  for (const field of fields) {
    throwIfCancelled(options.token);
    const cut = fieldInput(input, field);
    const models: (ModelParts | undefined)[] = [];
    // A field's own analysis needs no map, no ignore list and no model for the editor: the combined one has them.
    const fieldOptions: AnalyzeOptions = { ...options, map: false, ignore: undefined, onProgress: undefined, onModel: (parts, d) => (models[d] = parts) };
    const report = await analyzeTexts(cut.input, fieldOptions);
    analyses.push({ field, report, datasets: cut.datasets, models });
  }
  return mergeFieldAnalyses(combined, analyses, input, options.dictionary, options.token);
}

/** The comparison of one text per row (a record's fields joined, for files read field by field). */
async function analyzeTexts(input: AnalyzeInput, options: AnalyzeOptions): Promise<GapReport> {
  const seed = options.seed ?? DEFAULTS.seed;
  const folds = options.folds ?? DEFAULTS.folds;
  const flagQuantile = options.flagQuantile ?? DEFAULTS.flagQuantile;
  const maxSampleRows = options.maxSampleRows ?? DEFAULTS.maxSampleRows;
  const logger = options.logger ?? silentLogger;
  const { token, onProgress } = options;
  const timer = stageTimer(logger);

  const readWarnings: string[] = [];
  // Grams are read field by field only when every file's rows are records (a comparison is one representation).
  const fielded = [...input.reference, ...input.datasets].every((file) => file.data.textFields !== undefined);
  const reference = collectSide(input.reference, readWarnings, fielded);
  const datasets = input.datasets.map((file) => collectSide([file], readWarnings, fielded));
  // The fields the combined detector keeps apart: every field any file was read by, in the files' order.
  const recordFields = fielded ? [...new Set([...input.reference, ...input.datasets].flatMap((file) => file.data.textFields ?? []))] : undefined;
  const totalRows = reference.texts.length + datasets.reduce((sum, side) => sum + side.texts.length, 0);

  onProgress?.({ stage: 'features', done: 0, total: totalRows });
  reference.features = featureMatrix(reference.texts, options.dictionary, token);
  let measured = reference.texts.length;
  for (const side of datasets) {
    onProgress?.({ stage: 'features', done: measured, total: totalRows });
    side.features = featureMatrix(side.texts, options.dictionary, token);
    measured += side.texts.length;
  }
  if (recordFields) {
    reference.recordFeatures = recordFeatureMatrix(reference.rows, recordFields, options.dictionary, token);
    for (const side of datasets) side.recordFeatures = recordFeatureMatrix(side.rows, recordFields, options.dictionary, token);
  }
  onProgress?.({ stage: 'features', done: totalRows, total: totalRows });
  timer('features');
  throwIfCancelled(token);

  // Inverse document frequencies from a seeded sample are as good as from every row, and cost a fraction.
  const tfidf = new HashedTfidf({ seed });
  const corpus = idfCorpus(reference, datasets, seed);
  tfidf.fit(corpus);
  // Records read field by field: the detector reads each field's grams apart (gramText), so its IDF is fitted on those.
  let gramTfidf = tfidf;
  if (fielded) {
    gramTfidf = new HashedTfidf({ seed });
    gramTfidf.fit(idfCorpus(gramSide(reference), datasets.map(gramSide), seed));
  }
  const detectorTfidf = gramTfidf.withMinimumDocumentFrequency(options.minDocuments ?? MIN_DOCUMENTS);
  const embedder = options.embedder ?? createHashedEmbedder(tfidf);
  timer('idf');

  const realSorted = sortedColumns(reference.features, FEATURES.length);
  const stockPhraseCounts = countStockPhrases(reference.texts);
  const realWords = countWordRows(reference.texts, IDF_ROWS_PER_SIDE, seededRandom(seed ^ 0x3f0d));
  const stockColumn = featureIndex('stock-phrase');
  // Each reference row's prior leaves the row itself out of the phrase counts; computed once for every dataset.
  const referenceBoost = phraseBoosts(reference, stockColumn, (text) => phraseBoost(text, stockPhraseCounts, reference.texts.length, true));
  // Learned once: the report shows it, and the editor's roughen fix (through onModel) uses it.
  // Names the synthetic rows capitalize are names, not typos, when the real rows write them in lower case: the
  // same rule as synthgap roughen's, so the editor's "Roughen this example" and the CLI roughen alike.
  // Records read field by field: the style roughening copies is that of the requests people wrote (instructions, user turns).
  const knownNames = namesIn(datasets.flatMap((side) => requestRows(side.rows).texts));
  const realRequests = requestRows(reference.rows);
  const profile = learnNoiseProfile(realRequests.texts, options.dictionary, { labels: realRequests.labels, seed, knownNames });
  // What the readers left out of lines they read (a label that is an object, a repeated column name), once each.
  const warnings: string[] = [...readWarnings];
  if (reference.texts.length < SMALL_REFERENCE_ROWS) {
    warnings.push(`The reference set has ${reference.texts.length} rows; under ${SMALL_REFERENCE_ROWS} the figures are rough.`);
  }

  const referenceScoreSums = new Float64Array(reference.texts.length);
  let referenceRegister: number | undefined;
  const reports: DatasetReport[] = [];
  for (let d = 0; d < datasets.length; d++) {
    const side = datasets[d];
    const random = seededRandom(seed + d);
    onProgress?.({ stage: 'detector', done: d, total: datasets.length });
    const prior = new Float64Array(reference.texts.length + side.texts.length);
    prior.set(referenceBoost);
    prior.set(phraseBoosts(side, stockColumn, (text) => phraseBoost(text, stockPhraseCounts, reference.texts.length)), reference.texts.length);
    const groups = groupIds(reference, side);
    const nRef = reference.texts.length;
    const basis = { realSorted, stockPhraseCounts, referenceRows: nRef, wordCounts: wordCounts(realWords, countWordRows(side.texts, IDF_ROWS_PER_SIDE, seededRandom(seed + d))) };
    // The detector runs where the caller says (another thread, in the CLI and the editor) while this thread
    // compares the sides: the two need nothing of each other until the findings. The job then finds the reasons
    // of the second half of the flagged rows while this thread finds those of the first.
    const explainFrom = Math.ceil(side.texts.length / 2);
    const job: DetectorJob = {
      ...detectorInput(reference, side, detectorTfidf.exportState(), recordFields),
      folds,
      seed: seed + d,
      c: recordFields ? FIELDED_DETECTOR_C : DETECTOR_C,
      maxTrainPerClass: MAX_TRAIN_PER_CLASS,
      prior,
      ...(groups ? { groups } : {}),
      explain: { ...basis, flagQuantile, from: explainFrom },
    };
    const running = (options.runDetector ?? runDetectorHere)(job, token);
    running.catch(() => undefined); // awaited below; a failure must not go unhandled while the comparison runs

    onProgress?.({ stage: 'compare', done: d, total: datasets.length });
    const gaps = featureGaps(FEATURES, reference.features, side.features, FEATURES.length, describeGap);
    const compared = await compareSides(reference, side, { embedder, random, seed: seed + d, maxSampleRows, token, logger, ...(options.map ? { map: options.map } : {}) });
    timer('compare');
    // What the kind of gap is decided from (gapKind.ts), measured here while the detector runs on its thread.
    const styleAuc = styleOnlyAuc(reference.features, side.features, seed + d, token);
    const registerReal = referenceRegister ?? (referenceRegister = registerShare(reference.texts, reference.features, FEATURES.length, stockColumn));
    const registerSynthetic = registerShare(side.texts, side.features, FEATURES.length, stockColumn);
    timer('kind of gap');
    const run = await running;
    const detector = detectorFromJob(run.result);
    timer('detector (beyond the comparison)');
    const refScores = detector.scores.subarray(0, nRef);
    const scores = detector.scores.subarray(nRef);
    for (let i = 0; i < nRef; i++) referenceScoreSums[i] += refScores[i];
    const { referenceSorted: sortedRef, threshold: flagThreshold, verdict, rule: flagRule } = flagPlan(refScores, scores, detector.auc, detector.aucLow, flagQuantile);

    onProgress?.({ stage: 'findings', done: d, total: datasets.length });
    const { overSynthetic, realRows, syntheticRows } = compared.phrases;
    const reasons = reasonContext(detector, detectorTfidf, basis, { phrases: overSynthetic, realRows, syntheticRows });
    const wording = reasons.words ? wordingReport(reasons.words, gaps, flagRule === 'score') : undefined;
    options.onModel?.({ detector, tfidf: detectorTfidf, embedding: tfidf, ...(recordFields ? { recordFields } : {}), reasons, referenceScores: sortedRef, flagThreshold, flagRule, noiseProfile: profile }, d);
    // Decided once per row: a row the user chose to ignore (by content hash) is never flagged.
    const ignore = options.ignore && options.ignore.size > 0 ? options.ignore : undefined;
    const flags = Uint8Array.from(scores, (score, i) => (isFlagged(score, flagThreshold, flagRule, prior[nRef + i]) && !ignore?.has(textHash(side.texts[i])) ? 1 : 0));
    const rowReasons: RowReason[][] = new Array(side.texts.length);
    for (let i = 0; i < explainFrom; i++) {
      if ((i & 1023) === 0) throwIfCancelled(token);
      if (flags[i]) rowReasons[i] = explainRow(reasons, side.features, i * FEATURES.length, side.texts[i]);
    }
    const explained = await run.explained;
    explained?.rows.forEach((i, k) => (rowReasons[i] = finishReasons(reasons, side.texts[i], explained.reasons[k])));
    const rows: RowResult[] = new Array(side.texts.length);
    let flagged = 0;
    for (let i = 0; i < side.texts.length; i++) {
      const score = scores[i];
      const flaggedRow = flags[i] === 1;
      if (flaggedRow) flagged++;
      const row = side.rows[i];
      rows[i] = {
        line: row.line,
        start: row.textRange.start,
        end: row.textRange.end,
        score,
        percentile: percentileRank(sortedRef, score),
        flagged: flaggedRow,
        // A runner that explained nothing (none was asked of it) leaves the second half to this thread.
        reasons: flaggedRow ? rowReasons[i] ?? explainRow(reasons, side.features, i * FEATURES.length, side.texts[i]) : [],
        ...(row.label !== undefined ? { label: row.label } : {}),
        ...(row.turn !== undefined ? { turn: row.turn } : {}),
      };
    }
    throwIfCancelled(token);
    let referenceFlagged = 0;
    for (let i = 0; i < nRef; i++) if (isFlagged(refScores[i], flagThreshold, flagRule, prior[i])) referenceFlagged++;
    const referenceFlaggedShare = referenceFlagged / Math.max(1, nRef);
    const missingLabels = missingLabelShare(reference.rows.map((row) => row.label), side.rows.map((row) => row.label));
    const kind = decideGapKind({
      verdict,
      auc: detector.auc,
      styleAuc,
      registerReal,
      registerSynthetic,
      ...(compared.uncovered ? { uncovered: compared.uncovered } : {}),
      ...(missingLabels !== undefined ? { missingLabelShare: missingLabels } : {}),
    });
    reports.push({
      file: side.files[0],
      skipped: side.errors.length,
      errors: side.errors,
      summary: {
        rows: side.texts.length,
        referenceRows: nRef,
        auc: detector.auc,
        aucLow: detector.aucLow,
        aucHigh: detector.aucHigh,
        verdict,
        headline: wording?.sentence ? `${headlineFor(verdict, detector.auc)} ${wording.sentence}` : headlineFor(verdict, detector.auc),
        flagged,
        flagThreshold,
        referenceFlaggedShare,
        ...(kind.kind ? { gapKind: kind.kind } : {}),
        gapKindEvidence: kind,
      },
      gaps,
      phrases: compared.phrases,
      diversity: compared.diversity,
      coverage: compared.coverage,
      byLabel: timed(logger, 'by label', () => compared.byLabel(scores, refScores)),
      leakage: compared.leakage,
      ...(wording ? { wording } : {}),
      rows,
      ...(compared.map ? { map: compared.map((row) => rows[row].flagged) } : {}),
    });
    timer('findings');
    if (side.texts.length < SMALL_REFERENCE_ROWS) warnings.push(`${side.files[0]} has ${side.texts.length} rows; under ${SMALL_REFERENCE_ROWS} the figures are rough.`);
    warnings.push(...compared.warnings);
    const pairing = pairingHint(side, compared.leakage, Math.min(side.texts.length, maxSampleRows), groups !== undefined);
    if (pairing) warnings.push(pairing);
  }

  const noiseProfile = summarizeNoiseProfile(profile);
  const referenceRows: ReferenceRow[] = reference.rows.map((row, i) => ({
    file: reference.rowFiles[i],
    line: row.line,
    score: referenceScoreSums[i] / Math.max(1, datasets.length),
    ...(row.label !== undefined ? { label: row.label } : {}),
  }));
  const first = [...input.reference, ...input.datasets][0]?.data;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'synthgap', version: options.toolVersion ?? '0.0.0' },
    settings: {
      seed,
      folds,
      flagQuantile,
      embedder: embedder.id,
      ...(first ? { textField: first.textField } : {}),
      ...(first?.labelField ? { labelField: first.labelField } : {}),
    },
    reference: { files: reference.files, skipped: reference.errors.length, errors: reference.errors, rows: referenceRows, noiseProfile },
    datasets: reports,
    warnings,
  };
}

function collectSide(files: readonly AnalysisFile[], warnings: string[], fields: boolean): FieldedSide {
  const side: FieldedSide = { files: [], texts: [], rows: [], rowFiles: [], errors: [], features: new Float32Array(0) };
  if (fields) side.gramTexts = [];
  for (const { file, data } of files) {
    side.files.push(file);
    if (side.labelField === undefined && data.labelField) side.labelField = data.labelField;
    for (const row of data.rows) {
      side.rows.push(row);
      side.texts.push(row.text);
      side.gramTexts?.push(gramText(row));
      side.rowFiles.push(file);
    }
    for (const error of data.errors) {
      if (error.warning) warnings.push(`${file}:${error.line}: ${error.message}`);
      else side.errors.push({ file, line: error.line, message: error.message });
    }
  }
  return side;
}

/**
 * The texts the IDF is fitted on: a seeded sample of at most IDF_ROWS_PER_SIDE reference rows and as many
 * synthetic rows (spread over the datasets by size). Balanced sides matter: the detector drops features
 * found in few texts of this corpus, and a large synthetic side must not make every real-only habit rare.
 */
function idfCorpus(reference: Side, datasets: readonly Side[], seed: number): string[] {
  const random = seededRandom(seed ^ 0x1df);
  const corpus = Array.from(sampleIndexes(reference.texts.length, IDF_ROWS_PER_SIDE, random), (i) => reference.texts[i]);
  const syntheticRows = datasets.reduce((sum, side) => sum + side.texts.length, 0);
  const share = Math.min(1, IDF_ROWS_PER_SIDE / Math.max(1, syntheticRows));
  for (const side of datasets) {
    for (const index of sampleIndexes(side.texts.length, Math.ceil(side.texts.length * share), random)) corpus.push(side.texts[index]);
  }
  return corpus;
}

/** A side of a comparison of records read field by field: each record's gram text and per-field values. */
type FieldedSide = Side & { gramTexts?: string[]; recordFeatures?: Float32Array };

/** A side whose texts are its gram texts (for the detector's IDF). */
function gramSide(side: FieldedSide): Side {
  return { ...side, texts: side.gramTexts ?? side.texts };
}

/**
 * The rows of a detector job: the reference's, then the dataset's. Records read field by field add their per-field
 * values (recordFeatures.ts) after the joined text's features, so the reasons, which read the first FEATURES, stay as they are.
 */
function detectorInput(reference: FieldedSide, side: FieldedSide, tfidf: HashedTfidfState, recordFields: readonly string[] | undefined) {
  const nRef = reference.texts.length;
  const count = nRef + side.texts.length;
  const base = FEATURES.length;
  const extra = recordFields ? recordFeatureDim(recordFields) : 0;
  const dim = base + extra;
  const dense = new Float32Array(count * dim);
  if (extra === 0) {
    dense.set(reference.features, 0);
    dense.set(side.features, nRef * dim);
  } else {
    for (let i = 0; i < count; i++) {
      const from = i < nRef ? reference : side;
      const row = i < nRef ? i : i - nRef;
      dense.set(from.features.subarray(row * base, (row + 1) * base), i * dim);
      dense.set((from.recordFeatures as Float32Array).subarray(row * extra, (row + 1) * extra), i * dim + base);
    }
  }
  const isSynthetic = new Uint8Array(count).fill(1, nRef);
  const gramTexts = reference.gramTexts && side.gramTexts ? { gramTexts: [...reference.gramTexts, ...side.gramTexts] } : {};
  return { texts: [...reference.texts, ...side.texts], ...gramTexts, isSynthetic, dense, denseDim: dim, tfidf };
}

/**
 * Copies of reference rows (exact, or near on the embedding) past this share of the dataset suggest paired data:
 * rewrites of particular real rows, which random folds split from their sources. Real files against other real
 * files of the same task stay well under it (CLINC150's test split against its training split: 28 of 4,500 rows,
 * 0.6%; random halves of Banking77's training file: 0.5%).
 */
const PAIRED_SHARE = 0.05;

/** The report's suggestion to give --group-field, when many rows copy reference rows and no groups were given. */
function pairingHint(side: Side, leakage: LeakageReport, sampled: number, grouped: boolean): string | undefined {
  const copies = leakage.exact + leakage.near;
  if (grouped || copies < 10 || copies < PAIRED_SHARE * Math.max(1, sampled)) return undefined;
  return `${side.files[0]}: ${copies.toLocaleString('en-US')} rows copy or nearly copy reference rows. If the synthetic rows are rewrites of particular real rows, give --group-field (groupField in synthgap.json) with the field that names each row's source, so a rewrite and its source share a cross-validation fold; random folds split them and understate the gap.`;
}

/** Each row's group as a number shared across both sides ({@link NO_GROUP} for none); undefined when no row has one. */
function groupIds(reference: Side, side: Side): Int32Array | undefined {
  const rows = [...reference.rows, ...side.rows];
  if (!rows.some((row) => row.group !== undefined)) return undefined;
  const ids = new Map<string, number>();
  return Int32Array.from(rows, (row) => {
    if (row.group === undefined) return NO_GROUP;
    let id = ids.get(row.group);
    if (id === undefined) ids.set(row.group, (id = ids.size));
    return id;
  });
}

function wordCounts(real: { counts: Map<string, number>; rows: number }, synthetic: { counts: Map<string, number>; rows: number }): WordCounts {
  return { realWordRows: real.counts, wordRows: real.rows, syntheticWordRows: synthetic.counts, syntheticRows: synthetic.rows };
}

/** Each row's phrase prior (markerPrior.ts); only rows with a stock phrase are matched. */
function phraseBoosts(side: Side, stockColumn: number, boost: (text: string) => number): Float64Array {
  const out = new Float64Array(side.texts.length);
  const dim = FEATURES.length;
  for (let i = 0; i < side.texts.length; i++) if (stockColumn < 0 || side.features[i * dim + stockColumn] >= 0.5) out[i] = boost(side.texts[i]);
  return out;
}

function timed<T>(logger: Logger, stage: string, work: () => T): T {
  const start = Date.now();
  const result = work();
  logger.debug(`  ${stage}: ${Date.now() - start} ms`);
  return result;
}

function stageTimer(logger: Logger): (stage: string) => void {
  let last = Date.now();
  return (stage) => {
    const now = Date.now();
    logger.debug(`${stage}: ${now - last} ms`);
    last = now;
  };
}
