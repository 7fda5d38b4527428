import { scanText } from './scan';

/** A trie over lower-case word tokens; `phrase` is the index of the phrase that ends at a node, or -1. */
export interface PhraseTrieNode {
  readonly next: Map<string, PhraseTrieNode>;
  phrase: number;
}

/**
 * The trie of `phrases`, tokenized as rows are (so case and spacing do not matter). When two phrases tokenize
 * alike, the first one wins. An empty phrase adds nothing.
 *
 * @example buildPhraseTrie(['thank you', 'thanks']).next.get('thank')?.next.get('you')?.phrase // 0
 */
export function buildPhraseTrie(phrases: readonly string[]): PhraseTrieNode {
  const root: PhraseTrieNode = { next: new Map(), phrase: -1 };
  phrases.forEach((phrase, index) => {
    const { words, count } = scanText(phrase);
    let node = root;
    for (let k = 0; k < count; k++) {
      let child = node.next.get(words[k]);
      if (!child) node.next.set(words[k], (child = { next: new Map(), phrase: -1 }));
      node = child;
    }
    if (node !== root && node.phrase < 0) node.phrase = index;
  });
  return root;
}
