import { TOKEN, TextScan } from '../features/scan';

const { UPPER_FIRST, SENTENCE_START, HAS_DIGIT, SPECIAL, NON_ASCII, ALL_UPPER } = TOKEN;

/**
 * A word the dictionary lacks counts as vocabulary, not as a typo, once this many distinct real rows write it.
 * A slip of the keys is private to one writer: in CLINC150's 15,000 crowd rows, the 114 unknown words found in
 * three rows or more are nearly all lower-cased names and brands (`fargo` 31 rows, `citibank` 14, `brooklyn`
 * 10, `usaa` 9), while the misspellings among them stop at two rows (`immediatly`, `acccounts`, `alot`). Two
 * would also clear those; more lets names through as typos. A large set repeats common misspellings more often,
 * so the typo rate it measures errs low, which roughening can afford: it then adds fewer typos, not wrong ones.
 */
export const VOCABULARY_ROWS = 3;
/** Proper nouns kept in a profile at most: enough for any set's entities, small enough to store with it. */
const MAX_PROPER_NOUNS = 5000;

/**
 * Collects, over real rows, what the typo count must not take for a typo: words written in
 * {@link VOCABULARY_ROWS} rows or more, and proper nouns, lower-case words that the rows capitalize inside a
 * sentence more often than not (`Kaneville`, `Maryland`), or that `knownNames` lists (say, names capitalized in the synthetic rows
 * being roughened, which a lower-cased real set writes as `kaneville`).
 */
export class TypoVocabulary {
  private readonly rows = new Map<string, number>();
  private readonly capitalized = new Map<string, number>();
  /** Lower-case occurrences inside a sentence, against which a capitalized one must win to make a name. */
  private readonly lower = new Map<string, number>();

  constructor(private readonly knownNames: ReadonlySet<string> = new Set()) {}

  add(scan: TextScan): void {
    const seen = new Set<string>();
    for (let k = 0; k < scan.count; k++) {
      const flags = scan.flags[k];
      if (flags & (HAS_DIGIT | SPECIAL | NON_ASCII)) continue;
      const word = scan.words[k];
      if (!(flags & (SENTENCE_START | ALL_UPPER)) && word !== 'i') {
        const counts = flags & UPPER_FIRST ? this.capitalized : this.lower;
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      if (seen.has(word)) continue;
      seen.add(word);
      this.rows.set(word, (this.rows.get(word) ?? 0) + 1);
    }
  }

  /**
   * Whether a word is a proper noun of these rows: capitalized inside a sentence more often than not there. One
   * capital is not enough: run-on rows (`the rate is wrong Why`) capitalize ordinary words now and then.
   */
  isProperNoun(word: string): boolean {
    return (this.capitalized.get(word) ?? 0) > (this.lower.get(word) ?? 0);
  }

  /** Whether a lower-case word is vocabulary or a proper noun, so not a typo however the dictionary sees it. */
  notATypo(word: string): boolean {
    return (this.rows.get(word) ?? 0) >= VOCABULARY_ROWS || this.isProperNoun(word) || this.knownNames.has(word);
  }

  /** The proper nouns (see {@link isProperNoun}), most often capitalized first, at most {@link MAX_PROPER_NOUNS}. */
  properNouns(): string[] {
    const nouns = [...this.capitalized].filter(([word]) => this.isProperNoun(word)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return nouns.slice(0, MAX_PROPER_NOUNS).map(([word]) => word);
  }
}

/**
 * The words a set of rows capitalizes inside a sentence, lower-case: its likely names and places, which the
 * typo count of a lower-cased real set should not count (`kaneville`).
 *
 * @example namesIn(['Fly to Kaneville.']) // Set {'kaneville'}
 */
export function namesIn(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  const scanner = new TextScan();
  for (const text of texts) {
    const scan = scanner.scan(text);
    for (let k = 0; k < scan.count; k++) {
      const flags = scan.flags[k];
      if (flags & UPPER_FIRST && !(flags & (SENTENCE_START | ALL_UPPER | HAS_DIGIT | SPECIAL)) && scan.words[k] !== 'i') names.add(scan.words[k]);
    }
  }
  return names;
}
