import type { FeatureDef } from '../features/types';
import type { PhraseStat, RowReason } from '../report/types';
import { matchStockPhrases } from '../features/stockPhrases';
import { lowerBound, percentileRank } from '../stats/quantile';

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
}

/** A contribution smaller than this (in logits) does not explain anything worth saying. */
const MIN_CONTRIBUTION = 0.05;
/** A numeric value must sit in the outer fifth of the real values to count as unusual. */
const UNUSUAL_PERCENTILE = 0.8;

/**
 * The one to three reasons that push a row's score up most, each phrased against the real set. A feature
 * counts only when the row's value is unusual among real rows, so a reason is never "typical".
 */
export function explainRow(context: ReasonContext, values: ArrayLike<number>, offset: number, text: string, maxReasons = 3): RowReason[] {
  const yesShares = yesSharesOf(context);
  const candidates: { def: FeatureDef; contribution: number; value: number; sorted: Float64Array }[] = [];
  for (let j = 0; j < context.defs.length; j++) {
    const std = context.std[j];
    if (!(std > 0)) continue;
    const value = values[offset + j];
    const z = Math.max(-context.clip, Math.min(context.clip, (value - context.mean[j]) / std));
    const contribution = context.weights[j] * z;
    if (contribution < MIN_CONTRIBUTION) continue;
    const def = context.defs[j];
    if (!isUnusual(def, value, context.realSorted[j], yesShares[j])) continue;
    candidates.push({ def, contribution, value, sorted: context.realSorted[j] });
  }
  candidates.sort((a, b) => b.contribution - a.contribution);

  const reasons: RowReason[] = [];
  const groups = new Set<string>();
  for (const candidate of candidates) {
    const group = candidate.def.group ?? candidate.def.id;
    if (groups.has(group)) continue;
    groups.add(group);
    const message = candidate.def.id === STOCK_PHRASE && candidate.value >= 0.5 ? stockPhraseMessage(context, text) : undefined;
    reasons.push({ code: candidate.def.id, message: message ?? context.describe(candidate.def, candidate.value, candidate.sorted) });
    if (reasons.length === maxReasons) break;
  }
  const phrase = reasons.length < maxReasons ? phraseReason(context, text) : undefined;
  if (phrase) reasons.push(phrase);
  return reasons;
}

function isUnusual(def: FeatureDef, value: number, sorted: Float64Array, yesShare: number): boolean {
  // A yes/no value is unusual when fewer than half of the real rows share it.
  if (def.kind === 'binary') return (value >= 0.5 ? yesShare : 1 - yesShare) < 0.5;
  const rank = percentileRank(sorted, value);
  return rank >= UNUSUAL_PERCENTILE || rank <= 1 - UNUSUAL_PERCENTILE;
}

const STOCK_PHRASE = 'stock-phrase';

/** Names the stock phrase a row uses: `opens with "Certainly", found in 0 of 3,080 real rows`. */
function stockPhraseMessage(context: ReasonContext, text: string): string | undefined {
  const [phrase] = matchStockPhrases(text);
  if (!phrase) return undefined;
  const where = text.trimStart().toLowerCase().startsWith(phrase.toLowerCase()) ? 'opens with' : 'uses';
  const count = context.stockPhraseCounts.get(phrase) ?? 0;
  return `${where} "${phrase}", found in ${formatCount(count)} of ${formatCount(context.referenceRows)} real rows`;
}

/** Counts the reference rows that use each stock phrase. */
export function countStockPhrases(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const phrase of new Set(matchStockPhrases(text))) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return counts;
}

const yesShareCache = new WeakMap<ReasonContext, Float64Array>();

/** Share of real rows with each yes/no feature, computed once per context (the values are sorted, so by search). */
function yesSharesOf(context: ReasonContext): Float64Array {
  let shares = yesShareCache.get(context);
  if (!shares) {
    shares = Float64Array.from(context.realSorted, (sorted) => (sorted.length > 0 ? 1 - lowerBound(sorted, 0.5) / sorted.length : 0));
    yesShareCache.set(context, shares);
  }
  return shares;
}

function phraseReason(context: ReasonContext, text: string): RowReason | undefined {
  if (context.phrases.length === 0) return undefined;
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
  for (const phrase of context.phrases) {
    if (!words.includes(` ${phrase.phrase} `)) continue;
    const real = formatCount(phrase.realCount);
    const synthetic = formatCount(phrase.syntheticCount);
    return {
      code: `phrase:${phrase.phrase}`,
      message: `uses "${phrase.phrase}", found in ${real} of ${formatCount(context.realRows)} real rows against ${synthetic} of ${formatCount(context.syntheticRows)} synthetic rows`,
    };
  }
  return undefined;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
