import { STOPWORDS } from '../features/lexicons';
import { throwIfCancelled, type CancellationToken } from '../host';
import type { PhraseReport, PhraseStat } from '../report/types';
import { binomialTwoSidedP, smallestBinomialP } from '../stats/binomialTest';
import { logOddsZ, pooledPrior } from '../stats/logOdds';
import { NgramCounter } from '../stats/ngramCounter';
import { sampleIndexes, seededRandom } from '../stats/random';
import { sentenceWords } from './words';

// A lone stopword (`the`, `of`) says nothing a reader can act on, even when its rate differs: phrases skip STOPWORDS.
const REAL = 0;
const SYNTHETIC = 1;

export interface PhraseOptions {
  readonly seed?: number;
  /** Rows counted per side, a seeded sample beyond that. Default 20,000: counts settle well before. */
  readonly maxRows?: number;
  /** Phrases listed per direction. Default 20. */
  readonly top?: number;
  /** Longest n-gram counted. Default 4; longer phrases are rebuilt from overlapping 4-grams and recounted. */
  readonly maxWords?: number;
  /**
   * A phrase must be in at least this many rows of the side that over-uses it. Default 3: one or two rows are one
   * writer's habit, whatever a test says (on 400 rows a side, 3 against 0 is not significant anyway).
   */
  readonly minRows?: number;
  /**
   * The chance, over every phrase tested, of listing any phrase the two sides use at the same rate: 0.05, the
   * usual family-wise level. Each phrase is tested at `alpha` divided by the number of phrases tested.
   */
  readonly alpha?: number;
  /** Strength of the pooled prior relative to the data; see pooledPrior. Default 1. */
  readonly priorWeight?: number;
  /** Overlapping 4-grams join into one longer phrase when their counts are within this ratio. Default 0.8. */
  readonly similarCounts?: number;
}

/** How phrases are tested: at `level` each (the family-wise alpha over `tested`), `tested` phrases in all. */
interface PhraseTest {
  readonly level: number;
  readonly tested: number;
}

interface Candidate {
  readonly words: string[];
  readonly real: number;
  readonly synthetic: number;
  readonly z: number;
}

/**
 * Phrases (1 to `maxWords` words within a sentence, see sentenceWords) that one side uses more than the other,
 * counted as rows containing them on a seeded sample of each side, ranked by the log-odds z-score with the
 * pooled informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). A phrase is listed when the two sides'
 * rates differ significantly: given the rows that contain it on either side, the number on the synthetic side
 * is binomial with the synthetic side's share of rows under "same rate" (exact, two-sided; conservative next to
 * Fisher's exact test), at `alpha` divided by the number of phrases tested, where a phrase whose rows are too
 * few to ever reach that level is not counted as tested (Tarone 1990). So the bar scales with the file: on 400
 * rows a side a phrase in 30 real rows and no synthetic one is listed, and two halves of one file list nothing.
 * Chains of overlapping 4-grams with nearly the same rows are merged and recounted, and a phrase inside a longer
 * listed one is left out when, without the longer phrase's rows, it is no longer over-used; so `i hope this message finds you well` is listed once, not as `i hope this message`,
 * `finds you well` or `i`. O(words · maxWords).
 * Empty sides give empty lists.
 *
 * @example phraseReport(real, synthetic).overSynthetic[0] // { phrase: 'i hope this message finds you well', realCount: 0, syntheticCount: 607, z: 15.2 } (in 30% of 2,000 rows)
 */
export function phraseReport(realTexts: readonly string[], syntheticTexts: readonly string[], options: PhraseOptions = {}, token?: CancellationToken): PhraseReport {
  const maxWords = options.maxWords ?? 4;
  const random = seededRandom(options.seed ?? 0);
  const maxRows = options.maxRows ?? 20_000;
  const real = tokenizeSample(realTexts, maxRows, random);
  const synthetic = tokenizeSample(syntheticTexts, maxRows, random);
  throwIfCancelled(token);
  const counter = new NgramCounter(maxWords);
  for (const row of real) counter.addRow(row, REAL);
  throwIfCancelled(token);
  for (const row of synthetic) counter.addRow(row, SYNTHETIC);
  throwIfCancelled(token);

  const nReal = real.length;
  const nSynthetic = synthetic.length;
  const minRows = options.minRows ?? 3;
  const priorWeight = options.priorWeight ?? 1;
  const score = (words: string[], r: number, s: number, totalReal = nReal, totalSynthetic = nSynthetic): Candidate => {
    const { alpha, alpha0 } = pooledPrior(s, totalSynthetic, r, totalReal, priorWeight);
    return { words, real: r, synthetic: s, z: logOddsZ(s, totalSynthetic, r, totalReal, alpha, alpha0) };
  };
  // Which phrases are tested must not depend on how their rows split between the sides (phraseTest): the total.
  const eligible = (id: number): boolean => {
    if (counter.count(id, REAL) + counter.count(id, SYNTHETIC) < minRows) return false;
    const words = counter.words(id);
    return !(words.length === 1 && STOPWORDS.has(words[0]));
  };
  const plan = phraseTest(counter, eligible, nReal, nSynthetic, options.alpha ?? 0.05);
  // Whether one side uses the phrase more than the other, at the corrected level: +1 synthetic, -1 real, 0 neither.
  const direction = (r: number, s: number, totalReal = nReal, totalSynthetic = nSynthetic): 0 | 1 | -1 => {
    if (!plan || Math.max(r, s) < minRows) return 0;
    const share = totalSynthetic / Math.max(1, totalReal + totalSynthetic);
    // A phrase in too few rows cannot reach the level whatever its split: no need to compute its tail.
    if (!(share > 0 && share < 1) || smallestBinomialP(r + s, share) > plan.level) return 0;
    if (binomialTwoSidedP(s, r + s, share) > plan.level) return 0;
    return s * totalReal > r * totalSynthetic ? (s >= minRows ? 1 : 0) : r >= minRows ? -1 : 0;
  };
  const overSynthetic: Candidate[] = [];
  const overReal: Candidate[] = [];
  counter.forEach((id) => {
    if (!plan || !eligible(id)) return;
    const r = counter.count(id, REAL);
    const s = counter.count(id, SYNTHETIC);
    const side = direction(r, s);
    if (side === 1) overSynthetic.push(score(counter.words(id), r, s));
    else if (side === -1) overReal.push(score(counter.words(id), r, s));
  });
  const similar = options.similarCounts ?? 0.8;
  const top = options.top ?? 20;
  // Every row with the longer phrase has the shorter one, so set those rows aside and test what is left:
  // if the shorter phrase is no longer over-used, the longer one explains it.
  const residualDirection = (outer: Candidate, inner: Candidate): number =>
    direction(inner.real - outer.real, inner.synthetic - outer.synthetic, nReal - outer.real, nSynthetic - outer.synthetic);
  const finish = (candidates: Candidate[], sign: 1 | -1, over: (c: Candidate) => number): PhraseStat[] => {
    const merged = mergeChains(candidates, maxWords, over, similar, 3 * top)
      .map((words) => score(words, countRows(real, words), countRows(synthetic, words)))
      .filter((c) => direction(c.real, c.synthetic) === sign);
    return dropSubphrases([...candidates, ...merged], (outer, inner) => residualDirection(outer, inner) !== sign)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || b.words.length - a.words.length)
      .slice(0, top)
      .map((c) => ({
        phrase: c.words.join(' '),
        realCount: c.real,
        syntheticCount: c.synthetic,
        z: c.z,
        realPerThousand: (1000 * c.real) / nReal,
        syntheticPerThousand: (1000 * c.synthetic) / nSynthetic,
      }));
  };
  return {
    overSynthetic: finish(overSynthetic, 1, (c) => c.synthetic),
    overReal: finish(overReal, -1, (c) => c.real),
    realRows: nReal,
    syntheticRows: nSynthetic,
    tested: plan?.tested ?? 0,
  };
}

/**
 * The level each phrase is tested at: `alpha` over the number of phrases that could reach it (Tarone's
 * modified Bonferroni). A phrase in k rows in all can give no p-value below smallestBinomialP(k), so the
 * phrases tested are those in at least K rows, for the smallest K at which smallestBinomialP(K) times their
 * number is at most `alpha`. Which phrases are tested depends on their total counts only, not on how they split
 * between the sides, so the family-wise error stays at `alpha`. Undefined when a side is empty.
 */
function phraseTest(counter: NgramCounter, eligible: (id: number) => boolean, nReal: number, nSynthetic: number, alpha: number): PhraseTest | undefined {
  if (nReal === 0 || nSynthetic === 0) return undefined;
  const syntheticShare = nSynthetic / (nReal + nSynthetic);
  const byTotal = new Uint32Array(nReal + nSynthetic + 2);
  counter.forEach((id) => {
    if (eligible(id)) byTotal[counter.count(id, REAL) + counter.count(id, SYNTHETIC)]++;
  });
  let atLeast = 0;
  let tested = 0;
  let level = 0;
  // From the largest total down: the last K (smallest) that still satisfies the bound wins.
  for (let k = byTotal.length - 1; k >= 1; k--) {
    atLeast += byTotal[k];
    if (atLeast > 0 && smallestBinomialP(k, syntheticShare) * atLeast <= alpha) {
      tested = atLeast;
      level = alpha / atLeast;
    }
  }
  return { level, tested };
}

function tokenizeSample(texts: readonly string[], maxRows: number, random: () => number): string[][][] {
  return Array.from(sampleIndexes(texts.length, maxRows, random), (i) => sentenceWords(texts[i]));
}

/** Rows with the words in this order inside one sentence. */
function countRows(rows: string[][][], phrase: readonly string[]): number {
  let count = 0;
  for (const sentences of rows) {
    if (sentences.some((words) => containsRun(words, phrase))) count++;
  }
  return count;
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Chains of `maxWords`-grams where each overlaps the next in all but one word and has nearly the same count:
 * the pieces of one longer phrase. Returned as word lists to be recounted, since overlap alone does not prove
 * the pieces occur together; at most `maxChains`, from the highest-scoring pieces, to bound the recounting.
 */
function mergeChains(candidates: readonly Candidate[], maxWords: number, over: (c: Candidate) => number, similar: number, maxChains: number): string[][] {
  const longest = candidates.filter((c) => c.words.length === maxWords).sort((a, b) => b.z - a.z);
  const byPrefix = new Map<string, Candidate[]>();
  const bySuffix = new Map<string, Candidate[]>();
  for (const c of longest) {
    pushTo(byPrefix, c.words.slice(0, -1).join(' '), c);
    pushTo(bySuffix, c.words.slice(1).join(' '), c);
  }
  const used = new Set<Candidate>();
  const near = (a: Candidate, b: Candidate): boolean => Math.min(over(a), over(b)) >= similar * Math.max(over(a), over(b));
  const pick = (list: Candidate[] | undefined, from: Candidate): Candidate | undefined =>
    list?.filter((c) => !used.has(c) && near(c, from)).sort((a, b) => over(b) - over(a))[0];
  const chains: string[][] = [];
  for (const start of longest) {
    if (used.has(start) || chains.length >= maxChains) continue;
    used.add(start);
    const words = [...start.words];
    let right = pick(byPrefix.get(start.words.slice(1).join(' ')), start);
    while (right && words.length < 16) {
      used.add(right);
      words.push(right.words[maxWords - 1]);
      right = pick(byPrefix.get(right.words.slice(1).join(' ')), right);
    }
    let left = pick(bySuffix.get(start.words.slice(0, -1).join(' ')), start);
    while (left && words.length < 16) {
      used.add(left);
      words.unshift(left.words[0]);
      left = pick(bySuffix.get(left.words.slice(0, -1).join(' ')), left);
    }
    if (words.length > maxWords) chains.push(words);
  }
  return chains;
}

/** Leaves out phrases contained in a longer candidate that `explains` them. */
function dropSubphrases(candidates: readonly Candidate[], explains: (outer: Candidate, inner: Candidate) => boolean): Candidate[] {
  const byKey = new Map(candidates.map((c) => [c.words.join(' '), c]));
  const dropped = new Set<Candidate>();
  for (const outer of byKey.values()) {
    const w = outer.words;
    for (let length = 1; length < w.length; length++) {
      for (let i = 0; i + length <= w.length; i++) {
        const inner = byKey.get(w.slice(i, i + length).join(' '));
        if (inner && !dropped.has(inner) && explains(outer, inner)) dropped.add(inner);
      }
    }
  }
  return [...byKey.values()].filter((c) => !dropped.has(c));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
