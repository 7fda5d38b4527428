/**
 * Fast, deterministic, non-cryptographic string hashes over UTF-16 code units, so every platform and every
 * run agrees. FNV-1a does the per-character work (one xor and one multiply, easy to run incrementally inside
 * tokenizer loops) and the murmur3 finalizer spreads its weak low bits before they pick a hash bucket.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * The murmur3 32-bit finalizer: a bijection on uint32 whose output bits each depend on every input bit.
 *
 * @example fmix32(0) // 0
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of an ordered pair of hashes, e.g. a word bigram from its two word hashes. Order matters. */
export function hashCombine(a: number, b: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ b ^ 0x27d4eb2f);
}

/**
 * 32-bit hash (uint32) of `text[start, end)` with a seed. The empty range hashes to `fmix32(FNV_OFFSET ^ seed)`.
 *
 * @example hashRange('a cat', 2, 5) === hashString('cat') // true
 */
export function hashRange(text: string, start: number, end: number, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

/** 32-bit hash (uint32) of a whole string with a seed. Collides about once per 65K distinct strings. */
export function hashString(text: string, seed = 0): number {
  return hashRange(text, 0, text.length, seed);
}

/**
 * A 64-bit content hash of the exact text (no normalization), as 16 lower-case hex digits: the key for
 * caches and ignore lists. Two independent multiply-xor lanes (the cyrb53 construction, kept at 64 bits)
 * make an accidental collision unlikely even among tens of millions of rows.
 *
 * @example textHash('') // '488bdcb81aee8d83'
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
}

function hex8(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
