/**
 * A copy of `text` that does not keep the string it was cut from alive. V8 represents substrings as
 * views into their parent, so a cell cut from a decoded block of a streamed file would pin the whole
 * block (other columns included) for as long as the row lives; concatenating forces a flat copy first.
 * Elsewhere this is just an equal string.
 *
 * @example detach('abc') // 'abc'
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
