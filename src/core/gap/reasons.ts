import type { FeatureDef } from '../features/types';
import { describeRowFeature } from '../features/describe';
import { FEATURES } from '../features/registry';
import type { PhraseStat, RowReason } from '../report/types';
import { matchStockPhrases } from '../features/stockPhrases';
import { lowerBound, percentileRank } from '../stats/quantile';
import type { HashedTfidf } from '../embed/hashedTfidf';
import { rowPhraseEvidence } from './markerPrior';
import { sentenceWords } from './words';
import { sampleIndexes, type Random } from '../stats/random';
import { formatCount } from '../exporters/format';

/** What the reasons of one comparison are measured against; built once, used for every flagged row. */
export interface ReasonContext {
  readonly defs: readonly FeatureDef[];
  /** The detector's weights in standardized units, and the standardization it used. */
  readonly weights: ArrayLike<number>;
  readonly mean: ArrayLike<number>;
  readonly std: ArrayLike<number>;
  /** Standardized values are clipped to ±clip before the weights apply, as the detector does. */
  readonly clip: number;
  /** Each feature's real values, sorted ascending. */
  readonly realSorted: readonly Float64Array[];
  readonly describe: (def: FeatureDef, value: number, realSorted: Float64Array) => string;
  /** Phrases over-used in synthetic text, with their counts; a row that uses one may be told so. */
  readonly phrases: readonly PhraseStat[];
  /** The rows the phrase counts rest on, per side. */
  readonly realRows: number;
  readonly syntheticRows: number;
  /** How many reference rows use each stock phrase (as the lexicon writes it), and how many rows there are. */
  readonly stockPhraseCounts: ReadonlyMap<string, number>;
  readonly referenceRows: number;
  /**
   * The detector's word part, to name the words of a row that weigh most: its TF-IDF, its sparse weights, and
   * how many rows of each side use each word. Absent: no word reasons.
   */
  readonly words?: WordCounts & { readonly tfidf: HashedTfidf; readonly weights: Float32Array };
}

/** How many rows of a sample of each side use each word (countWordRows), so a reason can say which side uses it more. */
export interface WordCounts {
  readonly realWordRows: ReadonlyMap<string, number>;
  readonly wordRows: number;
  readonly syntheticWordRows: ReadonlyMap<string, number>;
  readonly syntheticRows: number;
}

/** A contribution smaller than this (in logits) does not explain anything worth saying. */
const MIN_CONTRIBUTION = 0.05;
/** A numeric value must sit in the outer fifth of the real values to count as unusual. */
const UNUSUAL_PERCENTILE = 0.8;
/**
 * A word is named when it adds at least this much to the row's logit. Rows are L2-normalized, so one word of
 * a ten-word row carries a fifth or so of the vector; 0.15 is then a word weight of about 0.75, the size the
 * detector gives words that one side uses several times as often as the other.
 */
const MIN_WORD_CONTRIBUTION = 0.15;
/**
 * Features that move with a row's length rather than with anything a writer chooses (a long row has fewer
 * rare words per word, more stopwords, more punctuation): said only when nothing a user can change explains
 * the row.
 */
const SIDE_EFFECTS = new Set(['stopword-ratio', 'punctuation-density', 'type-token-ratio']);

interface Candidate {
  readonly code: string;
  readonly contribution: number;
  readonly message: () => string;
  readonly group: string;
  readonly sideEffect: boolean;
}

/**
 * The one to three reasons a row scores high, each phrased against the real set and in the direction the row
 * differs. First the LLM stock phrases real rows rarely use (the prior of markerPrior.ts, which weighs them
 * whatever the detector learned), then the features and words that push the score up most, things a user can
 * change before side effects of length. A feature counts only when the row's value is unusual among real rows,
 * so a reason is never "typical". A flagged row always gets at least one reason: when nothing passes those
 * bars, the feature or word that adds most is named anyway.
 */
export function explainRow(context: ReasonContext, values: ArrayLike<number>, offset: number, text: string, maxReasons = 3): RowReason[] {
  return finishReasons(context, text, explainRowCore(context, values, offset, text, maxReasons), maxReasons);
}

/**
 * What {@link explainRow} finds without the comparison's over-used phrases: the part another thread can compute
 * (see detector/job.ts), as plain data. {@link finishReasons} completes it with the same result.
 */
export interface CoreReasons {
  readonly reasons: RowReason[];
  /** What adds most when nothing passes the bars: said only when the finished list would be empty. */
  readonly fallback?: RowReason;
}

export function explainRowCore(context: ReasonContext, values: ArrayLike<number>, offset: number, text: string, maxReasons = 3): CoreReasons {
  const reasons: RowReason[] = [];
  const groups = new Set<string>();
  // Only a row whose stock-phrase feature is set can have phrase evidence; matching costs a scan of the text.
  const { stockIndex, stockGroup } = derivedOf(context);
  const mayHavePhrase = stockIndex < 0 || values[offset + stockIndex] >= 0.5;
  const phrases = mayHavePhrase ? rowPhraseEvidence(text, context.stockPhraseCounts, context.referenceRows) : [];
  if (phrases.length > 0) {
    reasons.push({ code: STOCK_PHRASE, message: stockPhraseMessage(context, text, phrases) });
    groups.add(stockGroup);
  }
  const { strong, weak } = candidatesFor(context, values, offset, text);
  for (const candidate of strong) {
    if (reasons.length === maxReasons) break;
    if (groups.has(candidate.group)) continue;
    groups.add(candidate.group);
    reasons.push({ code: candidate.code, message: candidate.message() });
  }
  // Chosen by strength; said with what "Roughen this example" can change first (stable: strength within each).
  reasons.sort((a, b) => Number(!ROUGHEN_CHANGES.has(a.code)) - Number(!ROUGHEN_CHANGES.has(b.code)));
  return { reasons, ...(reasons.length === 0 && weak ? { fallback: { code: weak.code, message: weak.message() } } : {}) };
}

/**
 * The reasons "Roughen this example" acts on (roughen/transforms: casing, final and other punctuation, typos,
 * contractions and apostrophes, slang, politeness, stock phrases; in a response, openers, boilerplate and closing
 * offers). A flagged row's reasons list these first, so
 * the fix offered and the reasons read together; words, length and readability come after.
 */
const ROUGHEN_CHANGES = new Set([
  'stock-phrase', 'starts-capital', 'all-lowercase', 'terminal-punctuation', 'punctuation-density', 'repeated-punctuation',
  'typo-rate', 'has-typo', 'contraction', 'bare-contraction', 'slang', 'politeness',
  // What roughening a response removes (roughen/response.ts): stock openers, assistant boilerplate, closing offers.
  'stock-opener', 'assistant-boilerplate', 'closing-offer',
]);

/** Adds an over-used phrase of the comparison when there is room, and the fallback when nothing else was found. */
export function finishReasons(context: Pick<ReasonContext, 'phrases' | 'realRows' | 'syntheticRows'>, text: string, core: CoreReasons, maxReasons = 3): RowReason[] {
  const reasons = [...core.reasons];
  if (reasons.length < maxReasons) {
    // An over-used phrase already said as a word or inside a stock phrase would say the same thing twice.
    const said = reasons.map((reason) => reason.message.toLowerCase());
    const phrase = phraseReason(context, text, (candidate) => said.some((message) => message.includes(`"${candidate}`) || message.includes(` ${candidate}"`)));
    if (phrase) reasons.push(phrase);
  }
  if (reasons.length === 0 && core.fallback) reasons.push(core.fallback);
  return reasons;
}

/** Features and words that add to the row's score, strongest first (side effects of length last); and the best of the rest. */
function candidatesFor(context: ReasonContext, values: ArrayLike<number>, offset: number, text: string): { strong: Candidate[]; weak?: Candidate } {
  const { yesShares } = derivedOf(context);
  const strong: Candidate[] = [];
  let weak: Candidate | undefined;
  const consider = (candidate: Candidate, passes: boolean) => {
    if (passes) strong.push(candidate);
    else if (candidate.contribution > 0 && (!weak || candidate.contribution > weak.contribution)) weak = candidate;
  };
  for (let j = 0; j < context.defs.length; j++) {
    const std = context.std[j];
    const def = context.defs[j];
    if (!(std > 0)) continue;
    const value = values[offset + j];
    const z = Math.max(-context.clip, Math.min(context.clip, (value - context.mean[j]) / std));
    const contribution = context.weights[j] * z;
    const sorted = context.realSorted[j];
    const describe = () => (def.id === STOCK_PHRASE && value >= 0.5 ? stockFeatureMessage(context, text) : undefined) ?? context.describe(def, value, sorted);
    consider(
      { code: def.id, contribution, message: describe, group: def.group ?? def.id, sideEffect: SIDE_EFFECTS.has(def.id) },
      contribution >= MIN_CONTRIBUTION && isUnusual(def, value, sorted, yesShares[j]),
    );
  }
  for (const word of wordContributions(context, text)) {
    // A word the real rows use more than the synthetic rows is no reason, whatever its weight.
    const passes = word.contribution >= MIN_WORD_CONTRIBUTION && usedMoreBySynthetic(context, word.word);
    consider({ code: `word:${word.word}`, contribution: word.contribution, message: () => wordMessage(context, word.word), group: 'words', sideEffect: false }, passes);
  }
  strong.sort((a, b) => Number(a.sideEffect) - Number(b.sideEffect) || b.contribution - a.contribution);
  return { strong, weak };
}

/** Each distinct word of the row with what its bucket adds to the row's logit, largest first. */
function wordContributions(context: ReasonContext, text: string): { word: string; contribution: number }[] {
  const words = context.words;
  if (!words) return [];
  const vector = words.tfidf.vectorView(text);
  const buckets = bucketCache(words.tfidf);
  const out: { word: string; contribution: number }[] = [];
  for (const word of new Set(sentenceWords(text).flat())) {
    let bucket = buckets.get(word);
    if (bucket === undefined) {
      // Numbers are the content of a request, not its wording: never named.
      bucket = /\p{N}/u.test(word) ? -1 : words.tfidf.wordBucket(word);
      buckets.set(word, bucket);
    }
    if (bucket < 0) continue;
    const at = lowerBound(vector.indices, bucket);
    if (at >= vector.indices.length || vector.indices[at] !== bucket) continue;
    out.push({ word, contribution: words.weights[bucket] * vector.values[at] });
  }
  return out.sort((a, b) => b.contribution - a.contribution || a.word.localeCompare(b.word));
}

const bucketCaches = new WeakMap<HashedTfidf, Map<string, number>>();

/** Each word's bucket, remembered per TF-IDF: hashing a word costs more than looking it up, and flagged rows share words. */
function bucketCache(tfidf: HashedTfidf): Map<string, number> {
  let cache = bucketCaches.get(tfidf);
  if (!cache) {
    cache = new Map();
    bucketCaches.set(tfidf, cache);
  }
  return cache;
}

/** `uses the word "duration", found in 0 of 4,500 real rows against 41 of 5,000 synthetic rows`. */
function wordMessage(context: ReasonContext, word: string): string {
  const words = context.words;
  if (!words) return `uses the word "${word}"`;
  const real = `${formatCount(words.realWordRows.get(word) ?? 0)} of ${formatCount(words.wordRows)} real rows`;
  return `uses the word "${word}", found in ${real} against ${formatCount(words.syntheticWordRows.get(word) ?? 0)} of ${formatCount(words.syntheticRows)} synthetic rows`;
}

function usedMoreBySynthetic(context: ReasonContext, word: string): boolean {
  const words = context.words;
  if (!words) return false;
  const real = ((words.realWordRows.get(word) ?? 0) + 0.5) / (words.wordRows + 1);
  const synthetic = ((words.syntheticWordRows.get(word) ?? 0) + 0.5) / (words.syntheticRows + 1);
  return synthetic > real;
}

function isUnusual(def: FeatureDef, value: number, sorted: Float64Array, yesShare: number): boolean {
  // A yes/no value is unusual when fewer than half of the real rows share it.
  if (def.kind === 'binary') return (value >= 0.5 ? yesShare : 1 - yesShare) < 0.5;
  const rank = percentileRank(sorted, value);
  return rank >= UNUSUAL_PERCENTILE || rank <= 1 - UNUSUAL_PERCENTILE;
}

const STOCK_PHRASE = 'stock-phrase';

/**
 * Names the stock phrases a row uses that real rows rarely do, with how many real rows use each:
 * `opens with "Certainly", found in 0 of 3,080 real rows; also "kindly" (1)`.
 */
function stockPhraseMessage(context: ReasonContext, text: string, phrases: readonly { phrase: string; realCount: number }[]): string {
  const [first, ...rest] = phrases;
  const where = text.trimStart().toLowerCase().startsWith(first.phrase.toLowerCase()) ? 'opens with' : 'uses';
  const also = rest.slice(0, 3).map(({ phrase, realCount }) => `"${asWritten(text, phrase)}" (${formatCount(realCount)})`);
  return `${where} "${asWritten(text, first.phrase)}", found in ${formatCount(first.realCount)} of ${formatCount(context.referenceRows)} real rows${also.length > 0 ? `; also ${also.join(', ')}` : ''}`;
}

/** A phrase as the row writes it (`could you kindly`, where the lexicon has `Could you kindly`), else as the lexicon does. */
function asWritten(text: string, phrase: string): string {
  const at = text.toLowerCase().indexOf(phrase.toLowerCase());
  return at < 0 ? phrase : text.slice(at, at + phrase.length);
}

/** Names the first stock phrase a row uses, when the detector weighs stock phrasing: `uses "Could you please", found in 3 of 1,500 real rows`. */
function stockFeatureMessage(context: ReasonContext, text: string): string | undefined {
  const [phrase] = matchStockPhrases(text);
  return phrase === undefined ? undefined : stockPhraseMessage(context, text, [{ phrase, realCount: context.stockPhraseCounts.get(phrase) ?? 0 }]);
}

/** How many of a seeded sample of at most `maxRows` texts use each word (as sentenceWords splits them). */
export function countWordRows(texts: readonly string[], maxRows: number, random: Random): { counts: Map<string, number>; rows: number } {
  const rows = sampleIndexes(texts.length, maxRows, random);
  const counts = new Map<string, number>();
  for (const row of rows) for (const word of new Set(sentenceWords(texts[row]).flat())) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, rows: rows.length };
}

/** Counts the reference rows that use each stock phrase. */
export function countStockPhrases(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const phrase of new Set(matchStockPhrases(text))) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return counts;
}

interface Derived {
  /** Share of real rows with each yes/no feature (the values are sorted, so by search). */
  readonly yesShares: Float64Array;
  /** The stock-phrase feature's column (-1 without one) and its reason group. */
  readonly stockIndex: number;
  readonly stockGroup: string;
}

const derivedCache = new WeakMap<ReasonContext, Derived>();

/** What every row's reasons look up in the context, computed once per context. */
function derivedOf(context: ReasonContext): Derived {
  let derived = derivedCache.get(context);
  if (!derived) {
    const stockIndex = context.defs.findIndex((def) => def.id === STOCK_PHRASE);
    derived = {
      yesShares: Float64Array.from(context.realSorted, (sorted) => (sorted.length > 0 ? 1 - lowerBound(sorted, 0.5) / sorted.length : 0)),
      stockIndex,
      stockGroup: context.defs[stockIndex]?.group ?? STOCK_PHRASE,
    };
    derivedCache.set(context, derived);
  }
  return derived;
}

function phraseReason(context: Pick<ReasonContext, 'phrases' | 'realRows' | 'syntheticRows'>, text: string, alreadySaid: (phrase: string) => boolean): RowReason | undefined {
  if (context.phrases.length === 0) return undefined;
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
  for (const phrase of context.phrases) {
    if (!words.includes(` ${phrase.phrase} `) || alreadySaid(phrase.phrase)) continue;
    const real = formatCount(phrase.realCount);
    const synthetic = formatCount(phrase.syntheticCount);
    return {
      code: `phrase:${phrase.phrase}`,
      message: `uses "${phrase.phrase}", found in ${real} of ${formatCount(context.realRows)} real rows against ${synthetic} of ${formatCount(context.syntheticRows)} synthetic rows`,
    };
  }
  return undefined;
}


/** What the reasons of one comparison rest on, besides the detector: plain data, so it can cross threads. */
export interface ReasonBasis {
  /** Each feature's reference values, ascending. */
  readonly realSorted: readonly Float64Array[];
  readonly stockPhraseCounts: ReadonlyMap<string, number>;
  readonly referenceRows: number;
  readonly wordCounts?: WordCounts;
}

/**
 * The reason context of a trained detector: its dense weights and standardization, and, with a sparse part,
 * its word weights over `tfidf`. `phrases` are the comparison's over-used phrases (none where they are not known
 * yet: explainRowCore does not use them).
 */
export function reasonContext(
  detector: { readonly denseWeights: Float64Array; readonly denseMean: Float64Array; readonly denseStd: Float64Array; readonly denseClip: number; readonly sparseWeights?: Float32Array },
  tfidf: HashedTfidf,
  basis: ReasonBasis,
  phrases: Pick<ReasonContext, 'phrases' | 'realRows' | 'syntheticRows'> = { phrases: [], realRows: 0, syntheticRows: 0 },
): ReasonContext {
  return {
    defs: FEATURES,
    weights: detector.denseWeights,
    mean: detector.denseMean,
    std: detector.denseStd,
    clip: detector.denseClip,
    realSorted: basis.realSorted,
    describe: describeRowFeature,
    ...phrases,
    stockPhraseCounts: basis.stockPhraseCounts,
    referenceRows: basis.referenceRows,
    ...(detector.sparseWeights && basis.wordCounts ? { words: { tfidf, weights: detector.sparseWeights, ...basis.wordCounts } } : {}),
  };
}
