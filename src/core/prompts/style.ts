import { computeFeatures } from '../features/compute';
import { matchContractions } from '../features/contractions';
import { FEATURE_COUNT, featureIndex } from '../features/registry';
import { matchSlang } from '../features/slang';
import { findTypos } from '../features/typos';
import type { WordDictionary } from '../host';
import { sentenceWords } from '../gap/words';
import { quantileSorted } from '../stats/quantile';

/** How a set of real rows is written, measured with the built-in features. Shares are 0..1. */
export interface StyleProfile {
  readonly rows: number;
  /** Words per row: 10th percentile, median, 90th percentile. */
  readonly words: { readonly p10: number; readonly median: number; readonly p90: number };
  readonly allLowercase: number;
  readonly startsCapital: number;
  readonly noFinalPunctuation: number;
  /**
   * Rows with at least one likely misspelling: a word the dictionary lacks that is one edit (a letter dropped,
   * added, changed or two swapped) from a dictionary word the rows use more often, so `recieve` counts when
   * `receive` is common, and a lower-cased name (`kevin`) does not.
   */
  readonly typoRows: number;
  /** Mean share of words the dictionary does not know (the `typo-rate` feature, names included). */
  readonly typoRate: number;
  /** The most frequent likely misspellings, most frequent first. */
  readonly typos: string[];
  readonly slangRows: number;
  /** The chat slang the rows use, most frequent first. */
  readonly slang: string[];
  readonly contractionRows: number;
  /** Rows that drop an apostrophe (`dont`), and the forms used. */
  readonly bareContractionRows: number;
  readonly bareContractions: string[];
  readonly politenessRows: number;
  readonly stockPhraseRows: number;
  readonly digitRows: number;
  readonly emojiRows: number;
}

/** Listed words (typos, slang, bare contractions) per profile. */
const LISTED = 8;

/**
 * The style of `texts`: length range, casing, final punctuation, typos, slang, contractions, politeness,
 * stock phrases, digits and emoji, each as the share of rows (FEATURES, one text scan each), with the
 * misspellings and slang actually used. O(total text length). Empty input gives zero shares and NaN words.
 *
 * @example styleProfile(['where is my card', 'pls help me']).allLowercase // 1
 */
export function styleProfile(texts: readonly string[], dictionary: WordDictionary, vocabulary: ReadonlyMap<string, number> = wordCounts(texts)): StyleProfile {
  const n = texts.length;
  const values = new Float32Array(FEATURE_COUNT);
  const at = (id: string) => featureIndex(id);
  const [words, lower, capital, terminal, typoRate, hasTypo, contraction, bare, slang, stock, polite, digits, emoji] = [
    'words', 'all-lowercase', 'starts-capital', 'terminal-punctuation', 'typo-rate', 'has-typo', 'contraction',
    'bare-contraction', 'slang', 'stock-phrase', 'politeness', 'digits', 'emoji',
  ].map(at);
  const sums = new Float64Array(FEATURE_COUNT);
  const lengths = new Float64Array(n);
  const typos = new Map<string, number>();
  const likely = new Map<string, boolean>();
  let typoRows = 0;
  const slangWords = new Map<string, number>();
  const bareForms = new Map<string, number>();
  texts.forEach((text, i) => {
    computeFeatures(text, dictionary, values, 0);
    for (let j = 0; j < FEATURE_COUNT; j++) sums[j] += values[j];
    lengths[i] = values[words];
    if (values[hasTypo]) {
      let found = false;
      for (const word of new Set(findTypos(text, dictionary))) {
        let isLikely = likely.get(word);
        if (isLikely === undefined) likely.set(word, (isLikely = isLikelyMisspelling(word, vocabulary, dictionary)));
        if (!isLikely) continue;
        found = true;
        typos.set(word, (typos.get(word) ?? 0) + 1);
      }
      if (found) typoRows++;
    }
    if (values[slang]) for (const word of matchSlang(text)) slangWords.set(word, (slangWords.get(word) ?? 0) + 1);
    if (values[bare]) for (const word of new Set(matchContractions(text).bare)) bareForms.set(word, (bareForms.get(word) ?? 0) + 1);
  });
  lengths.sort();
  const share = (j: number) => (n > 0 ? sums[j] / n : 0);
  return {
    rows: n,
    words: { p10: quantileSorted(lengths, 0.1), median: quantileSorted(lengths, 0.5), p90: quantileSorted(lengths, 0.9) },
    allLowercase: share(lower),
    startsCapital: share(capital),
    noFinalPunctuation: n > 0 ? 1 - share(terminal) : 0,
    typoRows: n > 0 ? typoRows / n : 0,
    typoRate: share(typoRate),
    typos: mostFrequent(typos),
    slangRows: share(slang),
    slang: mostFrequent(slangWords),
    contractionRows: share(contraction),
    bareContractionRows: share(bare),
    bareContractions: mostFrequent(bareForms),
    politenessRows: share(polite),
    stockPhraseRows: share(stock),
    digitRows: share(digits),
    emojiRows: share(emoji),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * How often each lower-case word occurs in the texts (see sentenceWords), for {@link isLikelyMisspelling}.
 *
 * @example wordCounts(['my card', 'My card!']).get('card') // 2
 */
export function wordCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const words of sentenceWords(text)) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Whether a word of four or more letters is one edit (a letter dropped, added or changed, or two neighbours
 * swapped) from a dictionary word that `vocabulary` counts at least twice and more often than the word itself.
 * About 55 lookups per letter.
 *
 * @example isLikelyMisspelling('recieve', new Map([['receive', 40], ['recieve', 2]]), dictionary) // true
 */
export function isLikelyMisspelling(word: string, vocabulary: ReadonlyMap<string, number>, dictionary: WordDictionary): boolean {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return false;
  const floor = Math.max(2, (vocabulary.get(word) ?? 0) + 1);
  const common = (candidate: string) => candidate !== word && (vocabulary.get(candidate) ?? 0) >= floor && dictionary.has(candidate);
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    if (common(head + tail)) return true;
    if (i + 1 < word.length && common(head + word[i + 1] + word[i] + word.slice(i + 2))) return true;
    for (const c of LETTERS) if (common(head + c + tail) || common(head + c + word.slice(i))) return true;
  }
  for (const c of LETTERS) if (common(word + c)) return true;
  return false;
}

/** Keys by count, then alphabetically, the first {@link LISTED}. */
function mostFrequent(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, LISTED).map(([word]) => word);
}
