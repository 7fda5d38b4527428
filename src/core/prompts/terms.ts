import { STOPWORDS } from '../features/lexicons';
import { sentenceWords } from '../gap/words';
import { logOddsZ, pooledPrior } from '../stats/logOdds';

export interface TermOptions {
  /** Terms returned at most. Default 8. */
  readonly top?: number;
  /** Smallest log-odds z-score. Default 2. */
  readonly minZ?: number;
  /** A term must be in at least this share of the group's rows (and in 2). Default 0.05. */
  readonly minShare?: number;
}

/**
 * The words and two-word phrases that set a group of texts apart from the others: counted as rows containing
 * them (see sentenceWords; lone stopwords and bigrams of two stopwords left out), ranked by the log-odds z-score
 * with the pooled informative prior (Monroe et al. 2008), as phrase gaps are. A term inside an already chosen
 * term, or containing one, is skipped, so the list names different things. Empty groups give no terms.
 *
 * @example distinctiveTerms(['reset my pin', 'change pin'], others) // ['pin', 'reset', …]
 */
export function distinctiveTerms(group: readonly string[], others: readonly string[], options: TermOptions = {}): string[] {
  const inGroup = countRows(group);
  const inOthers = countRows(others);
  const minRows = Math.max(2, Math.ceil((options.minShare ?? 0.05) * group.length));
  const minZ = options.minZ ?? 2;
  const scored: { term: string; z: number }[] = [];
  for (const [term, count] of inGroup) {
    if (count < minRows) continue;
    const other = inOthers.get(term) ?? 0;
    const { alpha, alpha0 } = pooledPrior(count, group.length, other, others.length);
    const z = logOddsZ(count, group.length, other, others.length, alpha, alpha0);
    if (z >= minZ) scored.push({ term, z });
  }
  scored.sort((a, b) => b.z - a.z || a.term.localeCompare(b.term));
  const chosen: string[] = [];
  for (const { term } of scored) {
    if (chosen.length >= (options.top ?? 8)) break;
    if (chosen.some((c) => contains(c, term) || contains(term, c))) continue;
    chosen.push(term);
  }
  return chosen;
}

/** Rows containing each unigram (not a stopword) and bigram (not two stopwords). */
function countRows(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const words of sentenceWords(text)) {
      words.forEach((word, i) => {
        if (!STOPWORDS.has(word) && word.length > 1) seen.add(word);
        const next = words[i + 1];
        if (next !== undefined && !(STOPWORDS.has(word) && STOPWORDS.has(next))) seen.add(`${word} ${next}`);
      });
    }
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Whether `outer` holds `inner` as whole words. */
function contains(outer: string, inner: string): boolean {
  return ` ${outer} `.includes(` ${inner} `);
}
