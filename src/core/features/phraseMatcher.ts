import { buildPhraseTrie, type PhraseTrieNode } from './phraseTrie';
import { scanText, TOKEN, type TextScan } from './scan';

const { JOINED } = TOKEN;

/**
 * Finds lexicon phrases in a scanned row by whole words, case-insensitively: a trie over lower-case tokens,
 * walked from each token. A phrase may not run across punctuation (`thank you. For…` is not `thank you for`),
 * except a single comma when the matcher is made `acrossCommas` (so `I'm sorry, but` matches as written).
 */
export class PhraseMatcher {
  private readonly root: PhraseTrieNode;

  /**
   * `startTag` is the lexicon tag (lexicons.ts) that marks the first words of these phrases: matching starts only
   * at tokens that carry it, which spares a map lookup for most tokens. 0 tries every token. `acrossCommas`: a
   * phrase may also run across a comma between words (`I'm sorry, but`); the lexicon then writes the comma or not.
   */
  constructor(
    readonly phrases: readonly string[],
    private readonly startTag = 0,
    private readonly acrossCommas = false,
  ) {
    this.root = buildPhraseTrie(phrases);
  }

  /** Whether any phrase occurs in the row. */
  any(scan: TextScan): boolean {
    return this.walk(scan, stopAtFirst);
  }

  /** The phrases that occur in the row, as written in the lexicon, each once, in order of first occurrence. */
  findAll(scan: TextScan): string[] {
    const found: string[] = [];
    this.walk(scan, (index) => {
      if (!found.includes(this.phrases[index])) found.push(this.phrases[index]);
      return false;
    });
    return found;
  }

  /** Matches of a text not yet scanned, for callers off the hot path. */
  findAllIn(text: string): string[] {
    return this.findAll(scanText(text));
  }

  /**
   * The bitwise OR of `bits[i]` over the phrases `i` that occur in the row, for a family that sorts one lexicon's
   * phrases into several features; 0 when none occurs. Stops early once every bit of `all` is set.
   */
  mask(scan: TextScan, bits: ArrayLike<number>, all: number): number {
    let found = 0;
    this.walk(scan, (index) => (found |= bits[index]) === all);
    return found;
  }

  /** Calls `onMatch` for each match; stops early when it returns true, and then returns true. */
  private walk(scan: TextScan, onMatch: (index: number) => boolean): boolean {
    const { words, flags, tags, count } = scan;
    const startTag = this.startTag;
    for (let k = 0; k < count; k++) {
      if (startTag !== 0 && !(tags[k] & startTag)) continue;
      let node = this.root.next.get(words[k]);
      for (let j = k; node; ) {
        if (node.phrase >= 0 && onMatch(node.phrase)) return true;
        if (++j >= count || !(flags[j] & JOINED || (this.acrossCommas && commaBetween(scan, j)))) break;
        node = node.next.get(words[j]);
      }
    }
    return false;
  }
}

/** Whether only one comma and whitespace stand between token `j - 1` and token `j`. */
function commaBetween(scan: TextScan, j: number): boolean {
  const gap = scan.text.slice(scan.ends[j - 1], scan.starts[j]);
  return gap.trim() === ',';
}

const stopAtFirst = (): boolean => true;
