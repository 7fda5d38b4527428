import { emoticonLength } from '../features/specialTokens';
import { TOKEN, type TextScan } from '../features/scan';

const { DOTTED } = TOKEN;

/** Bits of {@link markBits}. */
export const MARK = { COMMA: 1, ANY: 2 } as const;

/**
 * Where the sentence punctuation of a scanned row stands: `. , ; : ! ? …` between tokens, never inside one
 * (`3.5`, `12:00`, a URL), never the dots of `U.S.` or `e.g.`, and never part of an emoticon (`:)`).
 * Indexes in `scan.text`, ascending.
 *
 * @example punctuationMarks(scanText('Hi, U.S. team.')) // [2, 13]
 */
export function punctuationMarks(scan: TextScan): number[] {
  const text = scan.text;
  const marks: number[] = [];
  for (let k = 0; k <= scan.count; k++) {
    const from = k === 0 ? 0 : scan.ends[k - 1];
    const to = k === scan.count ? text.length : scan.starts[k];
    const afterDotted = k > 0 && (scan.flags[k - 1] & DOTTED) !== 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if ((c === 58 || c === 59) && emoticonLength(text, i) > 0) {
        i += emoticonLength(text, i) - 1;
        continue;
      }
      if (c === 46 && afterDotted && i === from) continue;
      if (c === 44 || c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 0x2026) marks.push(i);
    }
  }
  return marks;
}

/** MARK bits of a scanned row: whether it has a comma, and whether it has any sentence punctuation. */
export function markBits(scan: TextScan): number {
  let bits = 0;
  for (const at of punctuationMarks(scan)) bits |= scan.text.charCodeAt(at) === 44 ? MARK.COMMA | MARK.ANY : MARK.ANY;
  return bits;
}
