// Character classes by UTF-16 code, for the scanner's hot loop: cheap range tests instead of Unicode regexes.
// Non-ASCII handling is deliberately coarse (Latin, Greek, Cyrillic and CJK letters count as letters; the
// General Punctuation block counts as punctuation), which is enough for English-centred stylometry.

/** Class bits of ASCII characters, as stored in {@link ASCII_CLASS}. */
export const CHAR = { SPACE: 1, LETTER: 2, DIGIT: 4, PUNCT: 8, UPPER: 16, TERMINAL: 32, CLOSER: 64, APOSTROPHE: 128 } as const;

/** The class bits of each ASCII code: the scanner's hot loop does one table read per character. */
export const ASCII_CLASS: Uint8Array = buildAsciiClass();

function buildAsciiClass(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    table[c] =
      (isWhitespace(c) ? CHAR.SPACE : 0) | (isAsciiLetter(c) ? CHAR.LETTER : 0) | (c >= 65 && c <= 90 ? CHAR.UPPER : 0) |
      (isDigit(c) ? CHAR.DIGIT : 0) | (isPunctuation(c) ? CHAR.PUNCT : 0) | (isTerminal(c) ? CHAR.TERMINAL : 0) |
      (isCloser(c) ? CHAR.CLOSER : 0) | (c === 39 ? CHAR.APOSTROPHE : 0);
  }
  return table;
}

export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}

/** Letters outside ASCII, roughly: Latin-1 and extended Latin, Greek, Cyrillic and the scripts after them. */
export function isOtherLetter(c: number): boolean {
  if (c < 0xc0) return false;
  if (c < 0x2000) return c !== 0xd7 && c !== 0xf7;
  if (c < 0x2c00) return false; // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  return c < 0xd800 || (c >= 0xf900 && c < 0xfe00);
}

export function isLetter(c: number): boolean {
  return isAsciiLetter(c) || isOtherLetter(c);
}

/** Punctuation as Unicode's P categories draw it in ASCII, plus quotes, dashes and the ellipsis beyond. */
export function isPunctuation(c: number): boolean {
  if (c < 128) {
    return (c >= 33 && c <= 47 && c !== 36 && c !== 43) || c === 58 || c === 59 || c === 63 || c === 64 || (c >= 91 && c <= 93) || c === 95 || c === 123 || c === 125;
  }
  return c === 0xa1 || c === 0xab || c === 0xbb || c === 0xbf || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || (c >= 0x3001 && c <= 0x3003);
}

/** Characters that can end a sentence: . ! ? … and their full-width forms. */
export function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Closing quotes and brackets, which may follow a sentence's final punctuation. */
export function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x2019 || c === 0x201d || c === 0xbb;
}

/**
 * Emoji in the Basic Multilingual Plane (weather, dingbats, stars, clocks); the astral emoji blocks are found
 * by their high surrogate instead, see {@link isEmojiHighSurrogate}.
 */
export function isBmpEmoji(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55 || c === 0x231a || c === 0x231b || (c >= 0x23e9 && c <= 0x23fa);
}

/** High surrogates of U+1F000–U+1FBFF, the blocks that hold nearly all pictographic emoji. */
export function isEmojiHighSurrogate(c: number): boolean {
  return c >= 0xd83c && c <= 0xd83e;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function isUpperLetter(c: number, ch: string): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase();
}
