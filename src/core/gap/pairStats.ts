import type { DatasetRow } from '../dataset/types';
import { throwIfCancelled, type CancellationToken } from '../host';
import { quantileSorted, sortedCopy } from '../stats/quantile';
import { matchKey } from './matchKey';
import { recordPairs, type Pair, type PairFields } from './pairRecords';
import { isRefusal } from './refusals';
import { countWords, restating } from './restates';

/** Records between cancellation checks: well under a second's work (about 15 µs a record). */
const CHECK_EVERY = 4096;

/** The checks that list example lines, as PairReport.examples names them. */
export const PAIR_CHECKS = ['copiedPairs', 'refusals', 'restatements', 'noResponse', 'sameRequest', 'sameResponse', 'restates'] as const;
export type PairCheck = (typeof PAIR_CHECKS)[number];

/** The first lines of a check, each once, and whether more lines were found than kept. */
export class ExampleLines {
  readonly lines: number[] = [];
  more = false;
  constructor(private readonly max: number) {}

  add(line: number): void {
    if (this.lines.at(-1) === line) return;
    if (this.lines.length < this.max) this.lines.push(line);
    else this.more = true;
  }
}

/** One side's pair figures. Medians are NaN when nothing was measured. */
export interface PairSide {
  /** Requests with a response, and requests without one. */
  readonly answered: number;
  readonly noResponse: number;
  readonly refusals: number;
  readonly restates: number;
  readonly restatements: number;
  /** Distinct requests with 2+ different responses, and the answered pairs they hold (for the side's rate). */
  readonly sameRequest: number;
  readonly sameRequestPairs: number;
  readonly sameResponse: number;
  readonly sameResponsePairs: number;
  readonly copiedPairs: number;
  /** Median of response words / request words over pairs whose request has words. */
  readonly lengthRatio: number;
  /**
   * Chat only: the median over conversations of their turns, and of their words per turn (a conversation's mean,
   * so short questions and long answers do not split the median between them). System prompts are not turns.
   */
  readonly turns?: { readonly perConversation: number; readonly words: number };
  /** Keys of the side's normalized request/response pairs, for the copy check against it. */
  readonly pairKeys: ReadonlySet<number>;
  readonly examples: Readonly<Record<PairCheck, ExampleLines>>;
}

/**
 * Measures one side's pairs in one pass over its records, plus one over its answered pairs' keys (requests and
 * responses are compared by matchKey, 53-bit hashes of their normalized text, not kept as strings: a million
 * responses would otherwise stay in memory).
 * `copiedFrom` holds the reference's pair keys when measuring the dataset. A cancelled token throws CancelledError.
 */
export function measurePairs(rows: readonly DatasetRow[], pick: PairFields, maxExamples: number, copiedFrom?: ReadonlySet<number>, token?: CancellationToken): PairSide {
  const examples = Object.fromEntries(PAIR_CHECKS.map((check) => [check, new ExampleLines(maxExamples)])) as Record<PairCheck, ExampleLines>;
  const counts = { answered: 0, noResponse: 0, refusals: 0, restates: 0, restatements: 0, copiedPairs: 0 };
  const lines: number[] = [];
  const requestKeys: number[] = [];
  const responseKeys: number[] = [];
  const pairKeys = new Set<number>();
  const ratios: number[] = [];
  const turnCounts: number[] = [];
  const turnWords: number[] = [];

  const measure = (pair: Pair): void => {
    if (pair.response === undefined) {
      counts.noResponse++;
      examples.noResponse.add(pair.line);
      return;
    }
    const requestWords = countWords(pair.request);
    const responseWords = countWords(pair.response);
    counts.answered++;
    if (requestWords > 0) ratios.push(responseWords / requestWords);
    if (isRefusal(pair.response)) {
      counts.refusals++;
      examples.refusals.add(pair.line);
    }
    const restated = restating(pair.task, pair.request, pair.response, countWords(pair.task), responseWords);
    if (restated.restates) {
      counts.restates++;
      examples.restates.add(pair.line);
    }
    if (restated.only) {
      counts.restatements++;
      examples.restatements.add(pair.line);
    }
    const requestKey = matchKey(pair.request);
    const responseKey = matchKey(pair.response);
    if (requestKey === undefined || responseKey === undefined) return;
    const pairKey = matchKey(`${requestKey} ${responseKey}`) ?? 0;
    pairKeys.add(pairKey);
    if (copiedFrom?.has(pairKey)) {
      counts.copiedPairs++;
      examples.copiedPairs.add(pair.line);
    }
    lines.push(pair.line);
    requestKeys.push(requestKey);
    responseKeys.push(responseKey);
  };

  for (let r = 0; r < rows.length; r++) {
    if (r % CHECK_EVERY === 0) throwIfCancelled(token);
    const row = rows[r];
    recordPairs(row, pick, measure);
    if (row.fields?.some((field) => field.turn !== undefined)) {
      // A system prompt sets the scene and is mostly the same in every conversation of a file: not a turn here.
      let turns = 0;
      let words = 0;
      for (const field of row.fields) {
        if (field.field === 'system') continue;
        turns++;
        words += countWords(field.text);
      }
      if (turns > 0) {
        turnCounts.push(turns);
        turnWords.push(words / turns);
      }
    }
  }
  const sameRequest = repeatedWithOthers(requestKeys, responseKeys, lines, examples.sameRequest);
  const sameResponse = repeatedWithOthers(responseKeys, requestKeys, lines, examples.sameResponse);
  return {
    ...counts,
    sameRequest: sameRequest.keys,
    sameRequestPairs: sameRequest.pairs,
    sameResponse: sameResponse.keys,
    sameResponsePairs: sameResponse.pairs,
    lengthRatio: median(ratios),
    ...(turnCounts.length > 0 ? { turns: { perConversation: median(turnCounts), words: median(turnWords) } } : {}),
    pairKeys,
    examples,
  };
}

/**
 * Keys (requests) that come with two or more different partner keys (responses), how many pairs those keys hold,
 * and the first of their lines into `examples`: linear, one map of each key's first partner.
 */
function repeatedWithOthers(keys: readonly number[], partners: readonly number[], lines: readonly number[], examples: ExampleLines): { keys: number; pairs: number } {
  const firstPartner = new Map<number, number>();
  const many = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    const first = firstPartner.get(keys[i]);
    if (first === undefined) firstPartner.set(keys[i], partners[i]);
    else if (first !== partners[i]) many.add(keys[i]);
  }
  let pairs = 0;
  for (let i = 0; i < keys.length; i++) {
    if (!many.has(keys[i])) continue;
    pairs++;
    examples.add(lines[i]);
  }
  return { keys: many.size, pairs };
}

function median(values: readonly number[]): number {
  return quantileSorted(sortedCopy(values), 0.5);
}
