import type { HashedTfidf } from '../embed/hashedTfidf';
import { STOPWORDS } from '../features/lexicons';
import type { FeatureGap, LeaningWord, WordingReport } from '../report/types';
import { NEGLIGIBLE_EFFECT } from './effects';
import type { WordCounts } from './reasons';

/** Words used by fewer rows (both sides) are names and one-offs, no sign of a topic. */
const MIN_WORD_ROWS = 3;
const WORDS_PER_SIDE = 6;

/**
 * The words the detector leans on most in each direction, among those the samples of both sides count (so each
 * is said with its counts), each used more on the side it points to; and, when no style feature differs by more
 * than a negligible amount though the verdict finds a gap, a sentence that says the sides differ in wording
 * or topic. Real against real splits of one corpus written by different crowd tasks differ this way
 * (CLINC150's training and test splits name other entities); the report says so rather than hide it.
 */
export function wordingReport(
  words: WordCounts & { readonly tfidf: HashedTfidf; readonly weights: Float32Array },
  gaps: readonly FeatureGap[],
  showsGap: boolean,
): WordingReport {
  const leaning: { word: string; weight: number; realRows: number; syntheticRows: number }[] = [];
  for (const word of new Set([...words.realWordRows.keys(), ...words.syntheticWordRows.keys()])) {
    const realRows = words.realWordRows.get(word) ?? 0;
    const syntheticRows = words.syntheticWordRows.get(word) ?? 0;
    // Stopwords and numbers say how a request is put, or what it is about in particulars, not its topic.
    if (realRows + syntheticRows < MIN_WORD_ROWS || STOPWORDS.has(word) || /\p{N}/u.test(word)) continue;
    const bucket = words.tfidf.wordBucket(word);
    if (bucket < 0) continue;
    leaning.push({ word, weight: words.weights[bucket], realRows, syntheticRows });
  }
  const realShare = (word: { realRows: number }) => (word.realRows + 0.5) / (words.wordRows + 1);
  const syntheticShare = (word: { syntheticRows: number }) => (word.syntheticRows + 0.5) / (words.syntheticRows + 1);
  const pick = (sign: 1 | -1): LeaningWord[] =>
    leaning
      .filter((word) => sign * word.weight > 0 && sign * (syntheticShare(word) - realShare(word)) > 0)
      .sort((a, b) => sign * (b.weight - a.weight) || a.word.localeCompare(b.word))
      .slice(0, WORDS_PER_SIDE)
      .map(({ word, realRows, syntheticRows }) => ({ word, realRows, syntheticRows }));
  const datasetWords = pick(1);
  const referenceWords = pick(-1);
  const styleNegligible = gaps.every((gap) => gap.size < NEGLIGIBLE_EFFECT);
  const sentence = showsGap && styleNegligible && (datasetWords.length > 0 || referenceWords.length > 0)
    ? `The sides differ in wording or topic, not in style (no style feature differs by more than a negligible amount)${leanText(datasetWords, 'this file uses')}${leanText(referenceWords, datasetWords.length > 0 ? 'and the reference' : 'the reference uses')}.`
    : undefined;
  return { datasetWords, referenceWords, rowsCounted: { real: words.wordRows, synthetic: words.syntheticRows }, ...(sentence ? { sentence } : {}) };
}

function leanText(words: readonly LeaningWord[], lead: string): string {
  if (words.length === 0) return '';
  const separator = lead.startsWith('and') ? ', ' : ': ';
  return `${separator}${lead} ${words.map((word) => `"${word.word}"`).join(', ')} more`;
}
