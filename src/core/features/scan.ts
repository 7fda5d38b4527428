import abbreviations from '../lexicons/abbreviations.json';
import {
  ASCII_CLASS, CHAR, isBmpEmoji, isCloser, isEmojiHighSurrogate, isLetter, isLowSurrogate, isOtherLetter,
  isPunctuation, isTerminal, isUpperLetter, isWhitespace,
} from './chars';
import { LEXICON_TAGS } from './lexicons';
import { emoticonLength, specialTokenEnd } from './specialTokens';

/** Token flags, one bit each, as stored in {@link TextScan.flags}. */
export const TOKEN = {
  /** The first character is an upper-case letter. */
  UPPER_FIRST: 1,
  /** Has letters, none of them lower-case. */
  ALL_UPPER: 2,
  HAS_DIGIT: 4,
  /** Digits only, with `. , :` between digits. */
  NUMBER: 8,
  /** A URL, e-mail address or @handle. */
  SPECIAL: 16,
  SENTENCE_START: 32,
  /** An apostrophe between letters: `don't`, `John's`. */
  APOSTROPHE: 64,
  /** Only whitespace since the previous token, so a phrase may run across the gap. */
  JOINED: 128,
  /** Part of a dotted abbreviation: `U.S.`, `e.g.`. */
  DOTTED: 256,
  /** Has a letter outside ASCII. */
  NON_ASCII: 512,
} as const;

// Imported values used per character or per token are bound to module-level constants once: in an unbundled
// CommonJS build (tsx, the tests) every use of an imported binding is a getter call, which a hot loop feels.
const ASCII = ASCII_CLASS;
const { SPACE, LETTER, DIGIT, PUNCT, UPPER, TERMINAL, CLOSER, APOSTROPHE } = CHAR;
const TAGS = LEXICON_TAGS;
const { UPPER_FIRST, ALL_UPPER, HAS_DIGIT, NUMBER, SPECIAL, SENTENCE_START, JOINED, DOTTED, NON_ASCII } = TOKEN;
const ABBREVIATIONS = new Set<string>(abbreviations);

/**
 * One pass over a row's characters: tokens with their flags, lower-case forms and lexicon tags, and the
 * character-level counts every feature family reads. A scan object is reused across rows, so the hot loop
 * allocates only the lower-case token strings. Words are runs of letters and digits with inner apostrophes
 * (`don't`) and inner `. , :` between digits (`3.5`, `12:00`); hyphens split words. URLs, e-mail addresses
 * and @handles are single SPECIAL tokens.
 */
export class TextScan {
  text = '';
  /** Tokens: words, numbers and special tokens. */
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** TOKEN bits of each token. */
  flags = new Uint16Array(64);
  letters = new Uint16Array(64);
  /** Lexicon tag bits of each token (TAG in lexicons.ts); 0 for numbers and special tokens. */
  tags = new Uint16Array(64);
  /** Lower-case token text, curly apostrophes made straight. Only indexes below `count` belong to this row. */
  readonly words: string[] = [];
  /** Code points. */
  chars = 0;
  punctuation = 0;
  sentences = 0;
  hasUpper = false;
  hasLower = false;
  hasDigit = false;
  hasEmoji = false;
  repeatedPunctuation = false;
  ellipsis = false;
  private open = 0; // tokens since the last sentence boundary
  private gapClean = true; // only whitespace since the last token
  private curly = false;

  scan(text: string): this {
    this.reset(text);
    const n = text.length;
    let i = 0;
    let chunkStart = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      const bits = c < 128 ? ASCII[c] : 0;
      if (bits & SPACE || (c >= 128 && isWhitespace(c))) {
        if ((c === 10 || c === 13 || c === 0x2028) && this.open > 0) this.endSentence();
        chunkStart = true;
        i++;
        continue;
      }
      if (chunkStart) {
        chunkStart = false;
        const end = this.specialAt(i);
        if (end > 0) {
          i = this.readSpecial(i, end);
          continue;
        }
      }
      if (bits & (LETTER | DIGIT) || (c >= 128 && isOtherLetter(c))) i = this.readWord(i);
      else i = this.readSymbol(i, c, bits);
    }
    if (this.open > 0) this.endSentence();
    this.fillWords();
    return this;
  }

  /** Whether the row ends with . ! ? or … (closing quotes and brackets after it allowed). */
  endsWithTerminal(): boolean {
    let i = this.text.length - 1;
    while (i >= 0 && (isWhitespace(this.text.charCodeAt(i)) || isCloser(this.text.charCodeAt(i)))) i--;
    return i >= 0 && isTerminal(this.text.charCodeAt(i));
  }

  private reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.chars = text.length;
    this.punctuation = this.sentences = this.open = 0;
    this.hasUpper = this.hasLower = this.hasDigit = this.hasEmoji = false;
    this.repeatedPunctuation = this.ellipsis = this.curly = false;
    this.gapClean = true;
  }

  private endSentence(): void {
    this.sentences++;
    this.open = 0;
  }

  /** The end of a URL, e-mail or handle starting this chunk, or -1; only chunks with `@ . :` are examined. */
  private specialAt(start: number): number {
    const text = this.text;
    let end = start;
    let marked = false;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c < 128 ? ASCII[c] & SPACE : isWhitespace(c)) break;
      if (c === 64 || c === 46 || c === 58) marked = true;
    }
    return marked && end - start >= 3 ? specialTokenEnd(text, start, end) : -1;
  }

  private readSpecial(start: number, end: number): number {
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (isPunctuation(c)) this.punctuation++;
      else if (c >= 48 && c <= 57) this.hasDigit = true;
      else if (isLetter(c)) {
        if (isUpperLetter(c, this.text[i])) this.hasUpper = true;
        else this.hasLower = true;
      }
    }
    this.push(start, end, SPECIAL, 0);
    return end;
  }

  private readWord(start: number): number {
    const text = this.text;
    const n = text.length;
    let letters = 0;
    let upper = 0;
    let digits = 0;
    let flags = 0;
    let i = start;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const bits = c < 128 ? ASCII[c] : 0;
      if (bits & LETTER) {
        letters++;
        if (bits & UPPER) upper++;
      } else if (bits & DIGIT) digits++;
      else if (c >= 128 && isOtherLetter(c)) {
        letters++;
        flags |= NON_ASCII;
        if (isUpperLetter(c, text[i])) upper++;
      } else if ((bits & APOSTROPHE || c === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1)) && isLetter(text.charCodeAt(i - 1))) {
        flags |= TOKEN.APOSTROPHE;
        this.punctuation++;
        if (c !== 39) this.curly = true;
      } else if ((c === 46 || c === 44 || c === 58) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1)) && isDigitCode(text.charCodeAt(i - 1))) {
        this.punctuation++;
      } else break;
    }
    if (upper > 0) this.hasUpper = true;
    if (letters > upper) this.hasLower = true;
    if (digits > 0) this.hasDigit = true;
    if (upper > 0 && isUpperLetter(text.charCodeAt(start), text[start])) flags |= UPPER_FIRST;
    if (upper > 0 && upper === letters) flags |= ALL_UPPER;
    if (digits > 0) flags |= letters === 0 ? HAS_DIGIT | NUMBER : HAS_DIGIT;
    this.push(start, i, flags, letters);
    return i;
  }

  private readSymbol(start: number, c: number, bits: number): number {
    this.gapClean = false;
    if (bits & TERMINAL || (c >= 128 && isTerminal(c))) return this.readTerminalRun(start);
    const emoticon = c === 58 || c === 59 || c === 61 || c === 60 ? emoticonLength(this.text, start) : 0;
    if (emoticon > 0) {
      this.hasEmoji = true;
      for (let i = start; i < start + emoticon; i++) if (isPunctuation(this.text.charCodeAt(i))) this.punctuation++;
      return start + emoticon;
    }
    if (bits & PUNCT) this.punctuation++;
    else if (c >= 128) {
      if (isPunctuation(c)) this.punctuation++;
      else if (isEmojiHighSurrogate(c) || isBmpEmoji(c)) this.hasEmoji = true;
      else if (isLowSurrogate(c)) this.chars--;
    }
    return start + 1;
  }

  /** A run of . ! ? …: repeated punctuation, ellipses, and whether it ends a sentence. */
  private readTerminalRun(start: number): number {
    const text = this.text;
    let i = start;
    let dots = 0;
    let maxDots = 0;
    let marks = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!(c < 128 ? ASCII[c] & TERMINAL : isTerminal(c))) break;
      this.punctuation++;
      dots = c === 46 ? dots + 1 : 0;
      if (dots > maxDots) maxDots = dots;
      if (c === 0x2026) this.ellipsis = true;
      else if (c !== 46 && c !== 0x3002) marks++;
    }
    if (maxDots >= 3) this.ellipsis = true;
    if (marks >= 2) this.repeatedPunctuation = true;
    const next = i < text.length ? text.charCodeAt(i) : 32;
    const closes = next < 128 ? (ASCII[next] & (SPACE | CLOSER)) !== 0 : isWhitespace(next) || isCloser(next);
    if (closes && this.open > 0 && !(i - start === 1 && maxDots === 1 && this.abbreviationBefore(start))) this.endSentence();
    return i;
  }

  /** Whether the token right before a single `.` is an abbreviation (`Mr.`, `U.S.`), so the dot ends no sentence. */
  private abbreviationBefore(dot: number): boolean {
    const last = this.count - 1;
    if (last < 0 || this.ends[last] !== dot || this.flags[last] & NUMBER) return false;
    const length = dot - this.starts[last];
    return length === 1 || (length <= 6 && ABBREVIATIONS.has(this.text.slice(this.starts[last], dot).toLowerCase()));
  }

  private push(start: number, end: number, flags: number, letters: number): void {
    if (this.count === this.starts.length) this.grow();
    const text = this.text;
    if (this.open === 0) flags |= SENTENCE_START;
    if (this.gapClean && this.count > 0) flags |= JOINED;
    const dotAfter = text.charCodeAt(end) === 46 && isLetter(text.charCodeAt(end + 1));
    if (dotAfter || (start >= 2 && text.charCodeAt(start - 1) === 46 && isLetter(text.charCodeAt(start - 2)))) flags |= DOTTED;
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.flags[k] = flags;
    this.letters[k] = letters;
    this.open++;
    this.gapClean = true;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const copy = <T extends Int32Array | Uint16Array>(from: T, to: T): T => (to.set(from), to);
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.flags = copy(this.flags, new Uint16Array(size));
    this.letters = copy(this.letters, new Uint16Array(size));
    this.tags = copy(this.tags, new Uint16Array(size));
  }

  /** Lower-case forms and lexicon tags, from one lower-casing of the whole text. */
  private fillWords(): void {
    let lower = this.text.toLowerCase();
    if (this.curly) lower = lower.replaceAll('\u2019', "'");
    const sameLength = lower.length === this.text.length; // a few letters (İ) lower-case to two code units
    const words = this.words;
    for (let k = 0; k < this.count; k++) {
      const word = sameLength ? lower.slice(this.starts[k], this.ends[k]) : this.text.slice(this.starts[k], this.ends[k]).toLowerCase().replaceAll('\u2019', "'");
      words[k] = word;
      this.tags[k] = this.flags[k] & (SPECIAL | NUMBER) ? 0 : (TAGS.get(word) ?? 0);
    }
    // Entries past `count` are left from earlier rows: shrinking the array every row would reallocate it.
  }
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A fresh scan of one text, for helpers off the hot path. */
export function scanText(text: string): TextScan {
  return new TextScan().scan(text);
}
