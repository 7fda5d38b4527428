import { buildPhraseTrie } from '../features/phraseTrie';
import { TOKEN, type TextScan } from '../features/scan';

const { JOINED } = TOKEN;

/** A phrase found in a scanned row: tokens `first..last` (inclusive) spell `phrases[index]`. */
export interface PhraseHit {
  readonly index: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Finds lexicon phrases in a row by whole words, case-insensitively, with where they stand: the longest
 * phrase at each token, left to right, without overlaps. Like the features' PhraseMatcher, a phrase may not
 * run across punctuation, nor across a line break (cutting one would change a multi-line CSV cell's line count).
 */
export class PhraseFinder {
  private readonly root;

  constructor(readonly phrases: readonly string[]) {
    this.root = buildPhraseTrie(phrases);
  }

  find(scan: TextScan): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let k = 0; k < scan.count; k++) {
      let best: PhraseHit | undefined;
      let node = this.root.next.get(scan.words[k]);
      for (let j = k; node; ) {
        if (node.phrase >= 0) best = { index: node.phrase, first: k, last: j };
        if (++j >= scan.count || !(scan.flags[j] & JOINED) || hasLineBreak(scan.text, scan.ends[j - 1], scan.starts[j])) break;
        node = node.next.get(scan.words[j]);
      }
      if (best) {
        hits.push(best);
        k = best.last;
      }
    }
    return hits;
  }

  /**
   * Every phrase found, overlapping and nested ones too (`can you` and `you` in `can you help`), each once per
   * place it starts; for counting which phrases a row uses, where {@link find} picks the ones to replace.
   */
  findAll(scan: TextScan): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let k = 0; k < scan.count; k++) {
      let node = this.root.next.get(scan.words[k]);
      for (let j = k; node; ) {
        if (node.phrase >= 0) hits.push({ index: node.phrase, first: k, last: j });
        if (++j >= scan.count || !(scan.flags[j] & JOINED) || hasLineBreak(scan.text, scan.ends[j - 1], scan.starts[j])) break;
        node = node.next.get(scan.words[j]);
      }
    }
    return hits;
  }
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  return false;
}
