/**
 * True when `text` holds nothing but white space (as `String.prototype.trim` counts it); true for ''.
 * ASCII is decided in the loop so the common case allocates nothing.
 *
 * @example isBlank(' \t') // true
 */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    return text.trim().length === 0;
  }
  return true;
}
