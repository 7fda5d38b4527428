import { FNV_OFFSET, FNV_PRIME, fmix32 } from '../stats/hash';

/** The second lane's multiplier (cyrb53's): odd and unrelated to FNV's prime, so the lanes collide independently. */
const SECOND_PRIME = 1597334677;
// Local copies: the hot loop reads plain constants, not imported bindings (a getter per character under some loaders).
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/;

/**
 * A 53-bit key of the text normalizeForMatch makes of `text` (lower-cased, punctuation dropped, white space
 * collapsed to one space and trimmed), computed in one pass without building that text (a million responses would
 * otherwise be copied three times over): two multiply-xor lanes over its code units, 32 and 21 bits of them. Two texts normalizeForMatch makes equal get the same key; a false match among
 * a million distinct texts has odds of about 1 in 20,000. Undefined when the normalized text is empty.
 *
 * @example matchKey('  Where is my PACKAGE?') === matchKey('where is my package') // true
 */
export function matchKey(text: string): number | undefined {
  const lower = text.toLowerCase();
  let a = OFFSET;
  let b = OFFSET;
  let started = false;
  let space = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const next = lower.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const kind = classify(code, wide ? lower.slice(i, i + 2) : lower[i]);
    if (kind === SPACE) {
      space = started;
    } else if (kind === WORD) {
      if (space) {
        a = Math.imul(a ^ 0x20, PRIME);
        b = Math.imul(b ^ 0x20, SECOND_PRIME);
        space = false;
      }
      a = Math.imul(a ^ code, PRIME);
      b = Math.imul(b ^ code, SECOND_PRIME);
      if (wide) {
        i++;
        a = Math.imul(a ^ next, PRIME);
        b = Math.imul(b ^ next, SECOND_PRIME);
      }
      started = true;
    } else if (wide) {
      i++;
    }
  }
  return started ? fmix32(a) * 2 ** 21 + (fmix32(b) >>> 11) : undefined;
}

const WORD = 0;
const SPACE = 1;
const OTHER = 2;

/** Letters and digits are kept, white space separates, everything else is dropped; ASCII (lower-cased) without a regex. */
function classify(code: number, char: string): number {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return WORD;
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE;
  if (code < 0x80) return OTHER;
  if (WORD_CHAR.test(char)) return WORD;
  return SPACE_CHAR.test(char) ? SPACE : OTHER;
}
