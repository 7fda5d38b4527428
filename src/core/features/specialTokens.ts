import { isAsciiLetter, isCloser, isDigit, isTerminal, isWhitespace } from './chars';

// URLs, e-mail addresses and @handles are single tokens that no word feature should look inside:
// they are not typos, not names, and their dots do not end sentences.

/** Top-level domains common enough to treat `name.tld` without a scheme as a web address. */
const TLDS = new Set(['com', 'org', 'net', 'io', 'co', 'edu', 'gov', 'uk', 'us', 'de', 'fr', 'ca', 'au', 'in', 'info', 'biz', 'app', 'dev', 'ai', 'me', 'ly']);

/**
 * If the whitespace-delimited chunk `text[start, chunkEnd)` is a URL, an e-mail address or an @handle, the end
 * of that token (trailing sentence punctuation excluded); otherwise -1.
 *
 * @example specialTokenEnd('see https://x.io.', 4, 17) // 16
 */
export function specialTokenEnd(text: string, start: number, chunkEnd: number): number {
  let end = chunkEnd;
  while (end > start && (isTerminal(text.charCodeAt(end - 1)) || isCloser(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 44)) end--;
  if (end - start < 2) return -1;
  const first = text.charCodeAt(start) | 32;
  if (text.charCodeAt(start) === 64) return isWordCode(text.charCodeAt(start + 1)) ? end : -1;
  if ((first === 104 || first === 119) && hasScheme(text, start, end)) return end;
  let at = -1;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 64 && at < 0) at = i;
    else if (c === 46 && dot < 0 && i > start) dot = i;
    else if (c === 58 && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) return end;
  }
  if (at > start) {
    const domainDot = text.indexOf('.', at + 2);
    return domainDot > 0 && domainDot < end - 1 ? end : -1;
  }
  return dot >= start + 2 && isDomain(text, start, dot, end) ? end : -1;
}

function isWordCode(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}

function hasScheme(text: string, start: number, end: number): boolean {
  const head = text.slice(start, Math.min(end, start + 8)).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://') || (head.startsWith('www.') && end - start > 5);
}

/** `name.tld` or `name.tld/path`: letters, digits and hyphens before the dot, a known domain after it. */
function isDomain(text: string, start: number, dot: number, end: number): boolean {
  for (let i = start; i < dot; i++) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c) && c !== 45) return false;
  }
  let tldEnd = dot + 1;
  while (tldEnd < end && isAsciiLetter(text.charCodeAt(tldEnd))) tldEnd++;
  const next = tldEnd < end ? text.charCodeAt(tldEnd) : 47;
  if (next !== 47 && next !== 46 && next !== 58) return false;
  return TLDS.has(text.slice(dot + 1, tldEnd).toLowerCase());
}

/** `)` `(` `D` `P` `p` `O` `/` `|` `*` `]` `[` `3`: what a text emoticon's mouth may be. */
const MOUTHS = new Set([41, 40, 68, 80, 112, 79, 47, 124, 42, 93, 91, 51]);

/**
 * Length of a text emoticon (`:)`, `;-(`, `:D`, `<3`, `:'(`) starting at `start`, or 0. It must stand alone:
 * whitespace or the text's start before it, and no letter or digit right after it, so `10:30` and `re:D` are not.
 *
 * @example emoticonLength('thanks :)', 7) // 2
 */
export function emoticonLength(text: string, start: number): number {
  if (start > 0 && !isWhitespace(text.charCodeAt(start - 1))) return 0;
  const c = text.charCodeAt(start);
  let i = start + 1;
  if (c === 60) {
    if (text.charCodeAt(i) !== 51) return 0; // <3
    i++;
  } else {
    if (c !== 58 && c !== 59 && c !== 61) return 0; // : ; =
    const nose = text.charCodeAt(i);
    if (nose === 45 || nose === 39 || nose === 111) i++; // - ' o
    if (!MOUTHS.has(text.charCodeAt(i))) return 0;
    i++;
  }
  return i < text.length && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))) ? 0 : i - start;
}
