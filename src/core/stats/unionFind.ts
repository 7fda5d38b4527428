/**
 * Disjoint sets over 0..n-1 with path halving and union by size: near-constant time per operation.
 *
 * @example const sets = new UnionFind(3); sets.union(0, 2); sets.find(2) === sets.find(0) // true
 */
export class UnionFind {
  private readonly parent: Uint32Array;
  private readonly sizes: Uint32Array;

  constructor(n: number) {
    this.parent = new Uint32Array(n);
    this.sizes = new Uint32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.sizes[ra] < this.sizes[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.sizes[ra] += this.sizes[rb];
    return true;
  }

  /** Size of the set that holds i. */
  size(i: number): number {
    return this.sizes[this.find(i)];
  }
}
