import { fieldKey, lastKey } from '../dataset/schemas';
import { formatCount, formatDecimal, formatShare, plural } from '../exporters/format';
import { twoProportionZTest } from '../stats/proportionTest';
import type { PairFields } from './pairRecords';
import type { ExampleLines, PairSide } from './pairStats';

/**
 * Pairs each side needs before the sides are compared: a median or a rate over fewer swings by more than the
 * margins below from one sample of the same data to the next.
 */
const MIN_PAIRS = 20;
/**
 * A median (length ratio, turns, words per turn) differs when one side's is at least this many times the other's:
 * medians of per-pair ratios vary by a few tens of percent between samples of one file; 1.5× is beyond that.
 */
const MEDIAN_FACTOR = 1.5;
/** And turns per conversation differ by at least this many turns: one exchange more or less is ordinary. */
const MIN_TURNS_APART = 2;
/** And words per turn by at least this many words: on short chat turns, 3 against 5 words is 1.5× and nothing to act on. */
const MIN_WORDS_APART = 5;
/**
 * A rate (refusals, restatements, …) is higher here when it is at least twice the reference's (a difference worth
 * acting on, even on a million pairs where a tiny one is significant)…
 */
const RATE_FACTOR = 2;
/**
 * …by a two-proportion z of at least this: one-sided p ≤ 0.05 / 6 (the six rates compared, at 5% family-wise,
 * Bonferroni), so equal rates name one by chance in fewer than 1 in 20 reports…
 */
const MIN_Z = 2.4;
/** …and counts at least this many pairs: one or two refusals are an accident to look at, not a pattern. */
const MIN_COUNT = 3;

/**
 * What differs between the sides' pairs, in words, most important first: copied pairs (any: a pair copied from the
 * reference is leakage whatever the rates), then what does not answer, then repeats, then shape. A rate is named
 * only when higher here by a clear margin (RATE_FACTOR, MIN_Z, MIN_COUNT); a median when it differs either way by
 * MEDIAN_FACTOR. Empty when nothing stands out, or either side has fewer than MIN_PAIRS pairs.
 */
export function pairSentences(pick: PairFields, real: PairSide, synthetic: PairSide): string[] {
  const sentences: string[] = [];
  const ask = requestNoun(pick.request);
  if (synthetic.copiedPairs > 0) {
    const n = synthetic.copiedPairs;
    const pairs = plural(n, `${lastKey(pick.request)}/${lastKey(pick.response)} pair`);
    sentences.push(`${pairs} ${n === 1 ? 'copies a reference pair' : 'copy reference pairs'} (${lineList(synthetic.examples.copiedPairs)}): leakage`);
  }
  if (real.answered < MIN_PAIRS || synthetic.answered < MIN_PAIRS) return sentences.map(ending);

  const rate = (count: number, of: number, realCount: number, realOf: number, words: (detail: string) => string): void => {
    if (!clearlyHigher(count, of, realCount, realOf)) return;
    sentences.push(`${words(`${formatShare(count / of)}`)}; ${realCount === 0 ? 'the reference has none' : `against ${formatShare(realCount / realOf)} in the reference`}`);
  };
  const n = synthetic;
  rate(n.refusals, n.answered, real.refusals, real.answered, (share) =>
    `${plural(n.refusals, 'response')} refuse${n.refusals === 1 ? 's' : ''} (${share}; ${lineList(n.examples.refusals)})`);
  rate(n.restatements, n.answered, real.restatements, real.answered, (share) =>
    `${plural(n.restatements, 'response')} only restate${n.restatements === 1 ? 's' : ''} the ${ask.one} (${share}; ${lineList(n.examples.restatements)})`);
  rate(n.noResponse, n.answered + n.noResponse, real.noResponse, real.answered + real.noResponse, (share) =>
    `${plural(n.noResponse, ask.one, ask.many)} ${n.noResponse === 1 ? 'has' : 'have'} no response (${share}; ${lineList(n.examples.noResponse)})`);
  rate(n.sameRequestPairs, n.answered, real.sameRequestPairs, real.answered, (share) =>
    `${plural(n.sameRequest, ask.one, ask.many)} appear${n.sameRequest === 1 ? 's' : ''} with different responses (${share} of pairs; ${lineList(n.examples.sameRequest)})`);
  rate(n.sameResponsePairs, n.answered, real.sameResponsePairs, real.answered, (share) =>
    `${plural(n.sameResponse, 'response')} answer${n.sameResponse === 1 ? 's' : ''} different ${ask.many} (${share} of pairs; ${lineList(n.examples.sameResponse)})`);

  if (apart(n.lengthRatio, real.lengthRatio)) {
    sentences.push(`Responses are ${times(n.lengthRatio)} times as long as their ${ask.many} here, against ${times(real.lengthRatio)} times in the reference`);
  }
  rate(n.restates, n.answered, real.restates, real.answered, (share) => `${share} of responses open by restating the ${ask.one} (${lineList(n.examples.restates)})`);
  if (n.turns !== undefined && real.turns !== undefined) {
    const [here, there] = [n.turns.perConversation, real.turns.perConversation];
    if (apart(here, there) && Math.abs(here - there) >= MIN_TURNS_APART) {
      sentences.push(`Conversations have ${formatValueOf(here)} turns here (median), against ${formatValueOf(there)} in the reference`);
    }
    if (apart(n.turns.words, real.turns.words) && Math.abs(n.turns.words - real.turns.words) >= MIN_WORDS_APART) {
      sentences.push(`Turns run ${formatValueOf(n.turns.words)} words here (median), against ${formatValueOf(real.turns.words)} in the reference`);
    }
  }
  return sentences.map(ending);
}

const ending = (sentence: string): string => `${sentence}.`;

/** Whether `count` of `of` is higher than the reference's rate by a clear margin (see RATE_FACTOR, MIN_Z, MIN_COUNT). */
function clearlyHigher(count: number, of: number, realCount: number, realOf: number): boolean {
  if (count < MIN_COUNT || of === 0 || realOf === 0) return false;
  if (count / of < RATE_FACTOR * (realCount / realOf)) return false;
  return twoProportionZTest(realCount, realOf, count, of).z >= MIN_Z;
}

function apart(here: number, there: number): boolean {
  if (!Number.isFinite(here) || !Number.isFinite(there)) return false;
  const [low, high] = here < there ? [here, there] : [there, here];
  return high >= MEDIAN_FACTOR * low && high > 0;
}

/** A ratio as "4.2 times": one decimal, two below 1 (0.25), none from 100. */
function times(ratio: number): string {
  if (ratio >= 100) return formatCount(ratio);
  return formatDecimal(ratio, ratio < 1 ? 2 : 1);
}

/** A median count: whole, or with its half (medians of an even number of counts). */
function formatValueOf(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 1);
}

/** `line 4` or `lines 4, 9, 11, 20, 31, …` (the ellipsis when more lines have it than are listed). */
function lineList(examples: ExampleLines): string {
  const lines = examples.lines.join(', ');
  return `${examples.lines.length === 1 && !examples.more ? 'line' : 'lines'} ${lines}${examples.more ? ', …' : ''}`;
}


/** How the sentences name a request: by its field (instructions, prompts, questions), a chat's as user messages. */
function requestNoun(field: string): { one: string; many: string } {
  const key = fieldKey(field);
  if (key === 'user') return { one: 'user message', many: 'user messages' };
  if (['instruction', 'prompt', 'question'].includes(key)) return { one: key, many: `${key}s` };
  if (key === 'query') return { one: 'query', many: 'queries' };
  return { one: 'request', many: 'requests' };
}
