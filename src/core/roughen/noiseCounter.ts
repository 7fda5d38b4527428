import { isBareContractionAt } from '../features/contractions';
import { CONTRACTIONS } from '../features/lexicons';
import politeness from '../lexicons/politeness.json';
import { STOCK_PHRASES } from '../features/stockPhrases';
import { isSlangAt } from '../features/slang';
import { TOKEN, type TextScan } from '../features/scan';
import { typoAt } from '../features/typos';
import type { WordDictionary } from '../host';
import { CONTRACTABLE, findContractable } from './contractionForms';
import { MARK, markBits } from './marks';
import { PhraseFinder } from './phraseSpans';
import { FORMAL_PHRASES, FORMALS_OF_SLANG, formalFinder } from './slangForms';
import { classifyTypo } from './typoKinds';
import { DONOR, type TypoKind } from './types';

const stockFinder = new PhraseFinder(STOCK_PHRASES.map((entry) => entry.phrase));
const politeFinder = new PhraseFinder(politeness);
/** Contractions whose apostrophe can go without making another word: the only ones `dont` counts are measured against. */
const DROPPABLE = new Set(CONTRACTIONS.filter((entry) => !entry.bareIsWord).map((entry) => entry.contracted.toLowerCase()));
const CONTRACTED = new Set(CONTRACTABLE.map((entry) => entry.contracted.toLowerCase()));
/** Real typos classified by kind, at most: enough for the mix, cheap on any set. */
const MAX_CLASSIFIED = 2000;
const { UPPER_FIRST, HAS_DIGIT, SPECIAL, NON_ASCII } = TOKEN;

/** The measures of one row, as {@link NoiseCounter.add} returns them. */
export interface RowStyle {
  readonly flags: number;
  readonly words: number;
  readonly typos: number;
  readonly checked: number;
}

/** Counts, row by row, everything a noise profile rests on. */
export class NoiseCounter {
  rows = 0;
  typoRows = 0;
  typoWordsInTypoRows = 0;
  checkedInTypoRows = 0;
  letterStarts = 0;
  lowerStarts = 0;
  readonly flagCounts = new Map<number, number>();
  contracted = 0;
  droppable = 0;
  bare = 0;
  full = 0;
  slangRows = 0;
  readonly slangCounts = new Map<string, number>();
  readonly formalCounts = new Uint32Array(FORMAL_PHRASES.length);
  readonly typoKinds: Record<TypoKind, number> = { neighbour: 0, drop: 0, double: 0, swap: 0 };
  classified = 0;
  readonly wordRows = new Map<string, number>();
  readonly words: number[] = [];

  /** `notATypo`: words the dictionary lacks that are vocabulary or names all the same (see typoVocabulary.ts). */
  constructor(
    private readonly dictionary: WordDictionary,
    private readonly notATypo: (word: string) => boolean = () => false,
  ) {}

  add(scan: TextScan): RowStyle {
    this.rows++;
    let typos = 0;
    let checked = 0;
    let slang = false;
    const seen = new Set<string>();
    for (let k = 0; k < scan.count; k++) {
      const word = scan.words[k];
      const checkedAs = typoAt(scan, k, this.dictionary);
      const typo = checkedAs === 1 && this.notATypo(word) ? 0 : checkedAs;
      if (typo >= 0) checked++;
      if (typo === 1) {
        typos++;
        if (this.classified++ < MAX_CLASSIFIED) {
          const kind = classifyTypo(word, this.dictionary);
          if (kind) this.typoKinds[kind]++;
        }
      }
      if (isSlangAt(scan, k)) {
        slang = true;
        this.slangCounts.set(word, (this.slangCounts.get(word) ?? 0) + 1);
      }
      if (DROPPABLE.has(word)) this.droppable++;
      const bare = isBareContractionAt(scan, k);
      if (CONTRACTED.has(word) || bare) this.contracted++;
      if (bare) this.bare++;
      if (!(scan.flags[k] & (HAS_DIGIT | SPECIAL | NON_ASCII)) && !seen.has(word)) {
        seen.add(word);
        this.wordRows.set(word, (this.wordRows.get(word) ?? 0) + 1);
      }
    }
    this.full += findContractable(scan).length;
    for (const hit of formalFinder.find(scan)) this.formalCounts[hit.index]++;
    if (slang) this.slangRows++;
    if (typos > 0) {
      this.typoRows++;
      this.typoWordsInTypoRows += typos;
      this.checkedInTypoRows += checked;
    }
    if (scan.count > 0 && /\p{L}/u.test(scan.text.charAt(scan.starts[0]))) {
      this.letterStarts++;
      if (!(scan.flags[0] & UPPER_FIRST)) this.lowerStarts++;
    }
    const flags = styleFlags(scan) | (typos > 0 ? DONOR.TYPO : 0);
    for (let bit = 1; bit <= DONOR.TYPO; bit <<= 1) if (flags & bit) this.flagCounts.set(bit, (this.flagCounts.get(bit) ?? 0) + 1);
    this.words.push(scan.count);
    return { flags, words: scan.count, typos, checked };
  }

  /** The share of rows with a DONOR bit. */
  share(bit: number): number {
    return this.rows > 0 ? (this.flagCounts.get(bit) ?? 0) / this.rows : 0;
  }

  /** Slang uses that could stand for formal phrase `index`. */
  slangFor(index: number): { word: string; count: number }[] {
    const found: { word: string; count: number }[] = [];
    for (const [word, count] of this.slangCounts) if (FORMALS_OF_SLANG.get(word)?.includes(index)) found.push({ word, count });
    return found.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  }
}

/** The DONOR bits of a scanned row. */
export function styleFlags(scan: TextScan): number {
  let flags = 0;
  if (scan.count > 0 && /\p{Ll}/u.test(scan.text.charAt(scan.starts[0]))) flags |= DONOR.LOWER_START;
  if (scan.hasLower && !scan.hasUpper) flags |= DONOR.ALL_LOWER;
  if (!scan.endsWithTerminal()) flags |= DONOR.NO_TERMINAL;
  const marks = markBits(scan);
  if (!(marks & MARK.COMMA)) flags |= DONOR.NO_COMMA;
  if (!(marks & MARK.ANY)) flags |= DONOR.NO_PUNCTUATION;
  if (scan.repeatedPunctuation) flags |= DONOR.REPEATED;
  if (stockFinder.find(scan).length > 0) flags |= DONOR.STOCK;
  if (politeFinder.find(scan).length > 0) flags |= DONOR.POLITE;
  for (let k = 0; k < scan.count; k++) if (CONTRACTED.has(scan.words[k]) || isBareContractionAt(scan, k)) flags |= DONOR.CONTRACTION;
  return flags;
}
