// Word n-gram counts that merge in any order with one result: a count-min sketch of rows containing each gram
// (linear: merging adds counters) and a candidate set (the union of each partition's top grams, a set union).
// The report ranks candidates by the merged sketch's estimate, so which partition saw a gram first never matters.
import { STOPWORDS } from '../features/lexicons';
import { sentenceWords } from '../gap/words';
import { hashString } from '../stats/hash';

/** Longest gram counted: the phrase finder's (phrases.ts) 4 words. */
export const MAX_GRAM_WORDS = 4;
/**
 * Count-min sketch shape. An estimate exceeds the true count by at most e/width of all counted gram-rows with
 * probability 1 - e^-depth: on 1M rows of about 40 grams each, under 0.2% of the rows with 98% odds, while a phrase
 * worth listing is in 1% of rows or more. 4 × 32,768 counters are 128K numbers a sketch.
 */
export const CMS_DEPTH = 4;
export const CMS_WIDTH = 1 << 15;
/** Grams a partition adds to the candidates: its top by row count. 1,000 hold every phrase a report lists (20). */
export const TOP_GRAMS = 1000;
/** The distinct grams of a text (1 to MAX_GRAM_WORDS words inside a sentence), lone stopwords left out. */
export function textGrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const words of sentenceWords(text)) {
    for (let i = 0; i < words.length; i++) {
      let gram = '';
      for (let n = 1; n <= MAX_GRAM_WORDS && i + n <= words.length; n++) {
        gram = n === 1 ? words[i] : `${gram} ${words[i + n - 1]}`;
        if (n === 1 && STOPWORDS.has(gram)) continue;
        grams.add(gram);
      }
    }
  }
  return grams;
}

/**
 * The counter of `gram` in each of the sketch's rows: two seeded hashes combined as h1 + d·h2 (Kirsch and
 * Mitzenmacher 2006: as good as independent hashes for a count-min sketch), so a gram is hashed twice, not per row.
 */
function cells(gram: string): number[] {
  const h1 = hashString(gram, 1);
  const h2 = hashString(gram, 2) | 1;
  const out: number[] = [];
  for (let d = 0; d < CMS_DEPTH; d++) out.push(d * CMS_WIDTH + ((h1 + Math.imul(d, h2)) >>> 0) % CMS_WIDTH);
  return out;
}

/** The sketch's estimate of rows containing `gram`: never below the truth. */
export function estimateGram(cms: ArrayLike<number>, gram: string): number {
  let best = Infinity;
  for (const cell of cells(gram)) best = Math.min(best, cms[cell]);
  return best;
}

/**
 * A count-min sketch of rows containing each gram of `texts` (the same shape and hashing as a sketch's, so the
 * two compare cell by cell): what `fit` keeps of the reference's grams, so a report can test grams the model does
 * not hold as phrases. Counts as 32-bit integers.
 */
export function gramCounts(texts: Iterable<string>): Uint32Array {
  const cms = new Uint32Array(CMS_DEPTH * CMS_WIDTH);
  for (const text of texts) for (const gram of textGrams(text)) for (const cell of cells(gram)) cms[cell]++;
  return cms;
}

/** The error bound of a count-min estimate: e/width of the counted gram-rows (any row of it sums to them). */
export function gramErrorBound(cms: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < CMS_WIDTH; i++) total += cms[i];
  return (Math.E / CMS_WIDTH) * total;
}

/**
 * Counts one partition's grams: every gram in the count-min sketch, and the grams that may be among its top
 * TOP_GRAMS: a gram joins them when its estimate passes the floor (the TOP_GRAMS-th largest estimate at the last
 * pruning), and when they reach twice TOP_GRAMS they are pruned back to the top by estimate. So memory is the
 * sketch and 2,000 grams, and a gram is looked up only once it is frequent. Deterministic for a given input.
 */
export class GramCounter {
  readonly cms = new Array<number>(CMS_DEPTH * CMS_WIDTH).fill(0);
  private readonly top = new Set<string>();
  private floor = 0;

  add(grams: Iterable<string>): void {
    const cms = this.cms;
    for (const gram of grams) {
      let estimate = Infinity;
      for (const cell of cells(gram)) estimate = Math.min(estimate, ++cms[cell]);
      if (estimate > this.floor && !this.top.has(gram)) {
        this.top.add(gram);
        if (this.top.size >= 2 * TOP_GRAMS) this.prune();
      }
    }
  }

  /** The partition's top grams by estimate, ties by the gram, sorted by the gram. */
  candidates(): string[] {
    return this.ranked().slice(0, TOP_GRAMS).sort();
  }

  private ranked(): string[] {
    const estimates = [...this.top].map((gram) => [gram, estimateGram(this.cms, gram)] as const);
    return estimates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([gram]) => gram);
  }

  private prune(): void {
    const ranked = this.ranked();
    this.top.clear();
    for (const gram of ranked.slice(0, TOP_GRAMS)) this.top.add(gram);
    this.floor = estimateGram(this.cms, ranked[TOP_GRAMS - 1]);
  }
}

/** Whether a text holds a phrase (words joined by one space) inside one sentence. */
export function holdsPhrase(sentences: readonly string[], phrase: string): boolean {
  const needle = ` ${phrase} `;
  return sentences.some((sentence) => sentence.includes(needle));
}

/** A text's sentences as ` word word ` strings for holdsPhrase. */
export function phraseSentences(text: string): string[] {
  return sentenceWords(text).map((words) => ` ${words.join(' ')} `);
}

/** The union of two sorted candidate lists, sorted, without repeats. */
export function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
