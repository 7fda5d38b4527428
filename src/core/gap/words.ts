/**
 * The words of a text for phrase counts and distinct-n, as sentences: lower-cased letter/number runs
 * (inner apostrophes kept, `’` read as `'`; numbers keep their inner `.` and `,`), every other punctuation
 * mark dropped. A sentence ends at `.`, `!`, `?`, `…` or a line break, so n-grams never run across a sentence
 * end. Empty sentences are left out; an empty text gives `[]`.
 *
 * @example sentenceWords("Hi there! What's 3.5 km?") // [['hi', 'there'], ["what's", '3.5', 'km']]
 */
export function sentenceWords(text: string): string[][] {
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const token = match[0];
    if (token.length === 1 && SENTENCE_END.includes(token)) {
      if (current.length > 0) sentences.push(current);
      current = [];
    } else {
      current.push(token.includes('’') ? token.replaceAll('’', "'") : token);
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/**
 * The words of a text's opening, as sentenceWords reads them: whole sentences from the first, until they hold at
 * least `minWords` words (or the text ends). Reads no further than it needs, so a long text costs its opening only.
 *
 * @example openingWords('Sure! Here is a poem about the sea: waves.', 4) // ['sure', 'here', 'is', 'a', 'poem', 'about', 'the', 'sea', 'waves']
 */
export function openingWords(text: string, minWords: number): string[] {
  const words: string[] = [];
  const scan = OPENING_SCAN;
  scan.lastIndex = 0;
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    const token = match[0];
    if (token.length === 1 && SENTENCE_END.includes(token)) {
      if (words.length >= minWords) break;
    } else {
      words.push(token.toLowerCase().replaceAll('’', "'"));
    }
  }
  return words;
}

const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[.!?…\n]/gu;
const SENTENCE_END = '.!?…\n';
/** TOKEN for exec loops (matchAll copies its regex; an exec loop shares lastIndex, so it gets its own). */
const OPENING_SCAN = new RegExp(TOKEN.source, 'gu');
