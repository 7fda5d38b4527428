import type { TextScan } from '../features/scan';
import plainWords from '../lexicons/plainWords.json';
import { PhraseFinder } from './phraseSpans';
import type { PlainWordChoice } from './types';

/** One entry of plainWords.json: a formal phrase and the plain ones it may be written as. */
export interface PlainWordEntry {
  readonly formal: string;
  readonly plain: readonly string[];
  /** The phrase names a thing or an action the row is about (`residence`, `verify`), not how it asks. */
  readonly content?: boolean;
}

/**
 * The lexicon's framing entries, lower-cased: how a row asks (`could you`, `I would like`, `regarding`,
 * `currently`). Content entries are left out: a plain synonym of a content word can change what the row says
 * (`residence permits` → `home permits`, `verify my identity` → `check my identity`, `terminate` → `cancel`),
 * and which word a row uses for its topic is the row's to keep.
 */
export const PLAIN_WORDS: readonly PlainWordEntry[] = (plainWords as PlainWordEntry[]).filter((entry) => entry.content !== true).map((entry) => ({
  formal: entry.formal.toLowerCase(),
  plain: entry.plain.map((plain) => plain.toLowerCase()),
}));

/** Finds the formal phrases of {@link PLAIN_WORDS} (index = entry), longest first, to replace or count. */
export const formalWordFinder = new PhraseFinder(PLAIN_WORDS.map((entry) => entry.formal));

/** Every plain phrase of the lexicon, each once. */
const PLAIN_PHRASES: readonly string[] = [...new Set(PLAIN_WORDS.flatMap((entry) => entry.plain))];
const plainFinder = new PhraseFinder(PLAIN_PHRASES);
const PLAIN_INDEX = new Map(PLAIN_PHRASES.map((phrase, index) => [phrase, index]));

/**
 * Counts, row by row, the rows that use each formal phrase of the lexicon and each plain one. A plain phrase
 * counts wherever it stands, also inside a longer phrase (`give me` in `can you give me`): a row that uses it
 * shows the real set writes it.
 */
export class PlainWordCounter {
  rows = 0;
  private readonly formalRows = new Uint32Array(PLAIN_WORDS.length);
  private readonly plainRows = new Uint32Array(PLAIN_PHRASES.length);
  /** The last row (1-based) each phrase was counted in, so a row counts a phrase once. */
  private readonly formalSeen = new Uint32Array(PLAIN_WORDS.length);
  private readonly plainSeen = new Uint32Array(PLAIN_PHRASES.length);

  add(scan: TextScan): void {
    const row = ++this.rows;
    for (const hit of formalWordFinder.find(scan)) {
      if (this.formalSeen[hit.index] !== row) this.formalRows[hit.index]++;
      this.formalSeen[hit.index] = row;
    }
    for (const hit of plainFinder.findAll(scan)) {
      if (this.plainSeen[hit.index] !== row) this.plainRows[hit.index]++;
      this.plainSeen[hit.index] = row;
    }
  }

  /**
   * The entries whose plain forms the rows use, with the share of rows using plain among those using either
   * form, and the plain forms used (most used first). An entry no row writes plainly is left out: roughening
   * never writes a plain form the real set lacks.
   */
  choices(): PlainWordChoice[] {
    const choices: PlainWordChoice[] = [];
    PLAIN_WORDS.forEach((entry, index) => {
      const plain = entry.plain
        .map((word) => ({ word, count: this.plainRows[PLAIN_INDEX.get(word) as number] }))
        .filter((option) => option.count > 0)
        .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
      const used = plain.reduce((sum, option) => sum + option.count, 0);
      if (used > 0) choices.push({ formal: entry.formal, rate: used / (used + this.formalRows[index]), plain });
    });
    return choices;
  }
}
