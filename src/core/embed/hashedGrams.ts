import * as hash from '../stats/hash';

// Local copies: a module-namespace lookup per character costs more than the hashing itself when the code
// runs unbundled (tests, tsx), because CommonJS interop turns each imported name into a getter call.
const FNV_OFFSET = hash.FNV_OFFSET;
const FNV_PRIME = hash.FNV_PRIME;
const fmix32 = hash.fmix32;
const hashCombine = hash.hashCombine;

/**
 * Turns a text into two lists of 32-bit feature hashes, allocating nothing but one lower-cased copy:
 * - words: lower-cased word unigrams and bigrams (letters, digits and marks; an apostrophe between two word
 *   characters stays inside the word, and a curly one counts as straight);
 * - chars: character 2-, 3- and 4-grams of the raw text inside each whitespace-separated token padded with
 *   boundary markers, plus runs of unusual whitespace. Case and punctuation survive here, and the markers tell
 *   the text's first and last token apart, so `Hello` at the start and `?` at the end are features.
 * The buffers are reused between calls; read them before the next `extract`.
 */
export class GramExtractor {
  words: Uint32Array = new Uint32Array(256);
  wordCount = 0;
  chars: Uint32Array = new Uint32Array(1024);
  charCount = 0;
  private padded = new Uint16Array(64);

  extract(text: string): void {
    this.wordCount = 0;
    this.charCount = 0;
    if (text.indexOf(FIELD_MARK) < 0) {
      this.extractWords(text.toLowerCase());
      this.extractChars(text);
      return;
    }
    // A record's fields (see fieldGramText): each field's grams are its own, salted by the field's name, so
    // "Certainly" opening an output and opening an instruction are two features, and no gram spans two fields.
    let at = 0;
    while (at < text.length) {
      let salt = 0;
      let start = at;
      if (text.charCodeAt(at) === 0x1e) {
        const nameEnd = text.indexOf(NAME_END, at + 1);
        start = nameEnd < 0 ? text.length : nameEnd + 1;
        salt = fieldSalt(text, at + 1, Math.max(at + 1, start - 1));
      }
      const next = text.indexOf(FIELD_MARK, start);
      const end = next < 0 ? text.length : next;
      const words = this.wordCount;
      const chars = this.charCount;
      const content = text.slice(start, end);
      this.extractWords(content.toLowerCase());
      this.extractChars(content);
      if (salt !== 0) {
        for (let k = words; k < this.wordCount; k++) this.words[k] = hashCombine(this.words[k], salt);
        for (let k = chars; k < this.charCount; k++) this.chars[k] = hashCombine(this.chars[k], salt);
      }
      at = end;
    }
  }

  private extractWords(lower: string): void {
    const n = lower.length;
    let previous = -1;
    let i = 0;
    while (i < n) {
      let c = lower.charCodeAt(i);
      if (!isWordUnit(c)) {
        i++;
        continue;
      }
      let h = FNV_OFFSET;
      for (;;) {
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        if (i >= n) break;
        c = lower.charCodeAt(i);
        if (isWordUnit(c)) continue;
        if ((c === 0x27 || c === 0x2019) && i + 1 < n && isWordUnit(lower.charCodeAt(i + 1))) {
          c = 0x27;
          continue;
        }
        break;
      }
      const word = fmix32(h);
      this.pushWord(fmix32(word ^ WORD_SEED));
      if (previous >= 0) this.pushWord(hashCombine(previous, word));
      previous = word;
    }
  }

  private extractChars(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i > 0) this.spaceRun(text, 0, i);
    let first = true;
    while (i < n) {
      const start = i;
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      const end = i;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const last = i >= n;
      this.tokenGrams(text, start, end, first ? TEXT_START : WORD_EDGE, last ? TEXT_END : WORD_EDGE);
      // A single plain space is the default separator; anything else (tabs, newlines, double spaces) is signal.
      if (i - end > 1 || (i > end && text.charCodeAt(end) !== 0x20)) this.spaceRun(text, end, i);
      first = false;
    }
  }

  private tokenGrams(text: string, start: number, end: number, left: number, right: number): void {
    const m = end - start + 2;
    if (this.padded.length < m) this.padded = new Uint16Array(m * 2);
    const p = this.padded;
    p[0] = left;
    for (let k = start; k < end; k++) p[k - start + 1] = text.charCodeAt(k);
    p[m - 1] = right;
    if (this.chars.length < this.charCount + 3 * m) this.chars = grow(this.chars, this.charCount + 3 * m);
    const out = this.chars;
    let count = this.charCount;
    for (let k = 0; k + 1 < m; k++) {
      let h = Math.imul(FNV_OFFSET ^ p[k], FNV_PRIME);
      const stop = Math.min(m, k + 4);
      for (let j = k + 1; j < stop; j++) {
        h = Math.imul(h ^ p[j], FNV_PRIME);
        out[count++] = fmix32(h ^ CHAR_SEED);
      }
    }
    this.charCount = count;
  }

  private spaceRun(text: string, start: number, end: number): void {
    let h = Math.imul(FNV_OFFSET, FNV_PRIME);
    for (let k = start; k < Math.min(end, start + 4); k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    if (this.chars.length <= this.charCount) this.chars = grow(this.chars, this.charCount + 1);
    this.chars[this.charCount++] = fmix32(h ^ SPACE_SEED);
  }

  private pushWord(hash: number): void {
    if (this.words.length <= this.wordCount) this.words = grow(this.words, this.wordCount + 1);
    this.words[this.wordCount++] = hash;
  }
}

/** Opens a field in {@link fieldGramText}'s text; its name runs to NAME_END. Control characters no dataset text holds. */
const FIELD_MARK = '\u001e';
const NAME_END = '\u001f';
const FIELD_SEED = 0x7f4a7c15;

/**
 * The text a record's grams are read from, so that each field's word and character grams are features of their
 * own (GramExtractor.extract salts them by the field's name): what the combined detector of a file read field by
 * field learns from. Shown to no one; the record's joined text is what users see.
 *
 * @example fieldGramText([{ field: 'output', text: 'Sure!' }]) // '\u001eoutput\u001fSure!'
 */
export function fieldGramText(fields: readonly { readonly field: string; readonly text: string }[]): string {
  return fields.map((part) => `${FIELD_MARK}${part.field}${NAME_END}${part.text}`).join('');
}

function fieldSalt(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return fmix32(h ^ FIELD_SEED) || 1;
}

const WORD_SEED = 0x5bd1e995;
const CHAR_SEED = 0x1b873593;
const SPACE_SEED = 0x2f693c5d;
const TEXT_START = 0x02;
const TEXT_END = 0x03;
const WORD_EDGE = 0x20;

function grow(array: Uint32Array, atLeast: number): Uint32Array {
  const next = new Uint32Array(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Word characters: ASCII letters and digits by table; other BMP code units are classified once by the
// Unicode letter/number/mark classes and remembered. Surrogates (emoji, rare scripts) never join words;
// the character n-grams still see them.
const WORD_CLASS = /[\p{L}\p{N}\p{M}]/u;
const unitClass = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 other
for (let c = 0; c < 128; c++) {
  const isAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  unitClass[c] = isAlnum ? 1 : 2;
}
for (let c = 0xd800; c <= 0xdfff; c++) unitClass[c] = 2;

function isWordUnit(c: number): boolean {
  let k = unitClass[c];
  if (k === 0) {
    k = WORD_CLASS.test(String.fromCharCode(c)) ? 1 : 2;
    unitClass[c] = k;
  }
  return k === 1;
}
