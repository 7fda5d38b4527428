// Editing a row in place: cutting a phrase out or putting another in its place, so that what is left still
// reads as written (no doubled spaces, no orphaned comma, a capital where a sentence starts).

const TERMINAL = /[.!?\u2026]/;
const CLAUSE = /[,;:]/;

/**
 * `replacement` in the case of `original`: upper-case when the original is all capitals (two letters or
 * more), capitalized when it starts with a capital, as given otherwise.
 *
 * @example matchCase('Could you please', 'can you') // 'Can you'
 */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters.charAt(0);
  if (first !== '' && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * The text with `[start, end)` replaced by `replacement` in the replaced words' case, or cut out when the
 * replacement is empty (see {@link cutSpan}). A lone lower-case `i` in the replacement becomes `I` unless
 * the row is written all in lower case.
 *
 * @example replaceSpan('Could you please help?', 0, 16, 'can you') // 'Can you help?'
 */
export function replaceSpan(text: string, start: number, end: number, replacement: string): string {
  if (replacement === '') return cutSpan(text, start, end);
  let written = matchCase(text.slice(start, end), replacement);
  if (text !== text.toLowerCase()) written = written.replace(/(^|\s)i(?=\s|$|')/g, '$1I');
  let after = text.slice(end);
  // `Could you provide` → `can you give me` before `me a fact` must not say `me me`.
  const last = /\p{L}+$/u.exec(written)?.[0];
  const repeated = last === undefined ? undefined : new RegExp(`^[ \\t]+${last}(?![\\p{L}\\p{N}'])`, 'iu').exec(after);
  if (repeated) after = after.slice(repeated[0].length);
  return text.slice(0, start) + written + after;
}

/**
 * The text without `[start, end)`, tidied: punctuation that belonged to the phrase goes with it
 * (`Certainly! What…`, `help me, please?`), spaces close up, an empty sentence left behind disappears, and
 * a sentence whose first words were cut starts with a capital again when it had one.
 *
 * @example cutSpan('Certainly! What time is it?', 0, 9) // 'What time is it?'
 */
export function cutSpan(text: string, start: number, end: number): string {
  let before = text.slice(0, start);
  let after = text.slice(end);
  const sentenceStart = isSentenceStart(before);
  const phraseOwnsMark = /^[,;:!](?=\s|$)/.test(after) && (sentenceStart || CLAUSE.test(before.trimEnd().slice(-1)));
  if (phraseOwnsMark) after = after.slice(1);
  after = after.replace(/^[ \t]+/, '');
  if (after === '' || TERMINAL.test(after.charAt(0)) || CLAUSE.test(after.charAt(0))) {
    before = before.replace(/[ \t]+$/, '').replace(/[,;:]$/, '');
    if (isSentenceStart(before)) after = after.replace(/^[.!?\u2026,;:]+[ \t]*/, '');
  } else if (before !== '' && !/\s$/.test(before)) {
    before += ' ';
  }
  const capital = sentenceStart && /\p{Lu}/u.test(text.charAt(start));
  if (capital && isSentenceStart(before)) after = after.charAt(0).toUpperCase() + after.slice(1);
  return before + after;
}

/** Whether text that follows `before` starts a sentence: nothing before it, or a sentence end. */
function isSentenceStart(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed === '' || TERMINAL.test(trimmed.slice(-1));
}
