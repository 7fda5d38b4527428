/**
 * Row counts of word n-grams (1 to `maxWords` words) for two sides, stored as a trie in typed arrays: an
 * n-gram is its (n-1)-gram prefix plus one word id, found through an open-addressing hash table, so
 * counting does no string building and no per-n-gram allocation. Each row counts an n-gram at most once.
 *
 * @example const c = new NgramCounter(2); c.addRow([['a', 'b', 'a']], 0); c.count(c.find(['a']), 0) // 1
 */
export class NgramCounter {
  private readonly vocabulary = new Map<string, number>();
  private readonly wordList: string[] = [];
  private parent = new Int32Array(1 << 12);
  private word = new Int32Array(1 << 12);
  private depth = new Uint8Array(1 << 12);
  private counts = [new Int32Array(1 << 12), new Int32Array(1 << 12)];
  private lastRow = new Int32Array(1 << 12);
  private slots = new Int32Array(1 << 13).fill(-1);
  private nodes = 1; // node 0 is the root, the empty n-gram
  private rows = 0;

  constructor(private readonly maxWords: number) {}

  /** Number of distinct n-grams seen. */
  get size(): number {
    return this.nodes - 1;
  }

  /** Adds one row, given as sentences of words; n-grams stay inside a sentence. */
  addRow(sentences: readonly (readonly string[])[], side: 0 | 1): void {
    const row = ++this.rows;
    for (const words of sentences) {
      const ids = words.map((w) => this.wordId(w));
      for (let i = 0; i < ids.length; i++) {
        let node = 0;
        for (let n = 0; n < this.maxWords && i + n < ids.length; n++) {
          node = this.child(node, ids[i + n], true);
          if (this.lastRow[node] !== row) {
            this.lastRow[node] = row;
            this.counts[side][node]++;
          }
        }
      }
    }
  }

  /** Rows of `side` (0 or 1) that contain n-gram `id`. */
  count(id: number, side: 0 | 1): number {
    return id > 0 ? this.counts[side][id] : 0;
  }

  /** Id of the n-gram, or -1 when it was never seen. */
  find(words: readonly string[]): number {
    let node = 0;
    for (const w of words) {
      const id = this.vocabulary.get(w);
      if (id === undefined) return -1;
      node = this.child(node, id, false);
      if (node < 0) return -1;
    }
    return node > 0 ? node : -1;
  }

  /** The words of n-gram `id`. */
  words(id: number): string[] {
    const out = new Array<string>(this.depth[id]);
    for (let node = id, i = out.length - 1; node > 0; node = this.parent[node], i--) out[i] = this.wordList[this.word[node]];
    return out;
  }

  /** Calls `visit` with every n-gram id. */
  forEach(visit: (id: number) => void): void {
    for (let id = 1; id < this.nodes; id++) visit(id);
  }

  private wordId(w: string): number {
    let id = this.vocabulary.get(w);
    if (id === undefined) {
      id = this.wordList.length;
      this.vocabulary.set(w, id);
      this.wordList.push(w);
    }
    return id;
  }

  private child(parent: number, word: number, create: boolean): number {
    const mask = this.slots.length - 1;
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca6b)) & mask;
    for (let id = this.slots[slot]; id !== -1; id = this.slots[slot]) {
      if (this.parent[id] === parent && this.word[id] === word) return id;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const id = this.nodes++;
    if (id >= this.parent.length) this.grow();
    this.parent[id] = parent;
    this.word[id] = word;
    this.depth[id] = this.depth[parent] + 1;
    if (this.nodes * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = id;
    return id;
  }

  private grow(): void {
    const size = this.parent.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.parent = copy(this.parent, (n) => new Int32Array(n));
    this.word = copy(this.word, (n) => new Int32Array(n));
    this.depth = copy(this.depth, (n) => new Uint8Array(n));
    this.lastRow = copy(this.lastRow, (n) => new Int32Array(n));
    this.counts = this.counts.map((c) => copy(c, (n) => new Int32Array(n)));
  }

  /** Doubles the slot table and re-inserts every node (including the one just made). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 1; id < this.nodes; id++) {
      let slot = (Math.imul(this.parent[id], 0x9e3779b1) ^ Math.imul(this.word[id] + 1, 0x85ebca6b)) & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}
