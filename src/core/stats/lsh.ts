import { seededRandom } from './random';
import { gaussian } from './vector';

export interface LshOptions {
  readonly seed?: number;
  /** Random hyperplanes per vector; bands draw their bits from this pool. Default 128. */
  readonly bits?: number;
  /** Number of bands; a pair is a candidate when all bits of any one band agree. Default 40. */
  readonly bands?: number;
  /** Bits per band, at most 31. Default: what gives each band a 10% hit rate at `threshold`. */
  readonly rowsPerBand?: number;
  /** Cosine similarity the index should find pairs at; sets the default `rowsPerBand`. Default 0.9. */
  readonly threshold?: number;
}

/**
 * Random-hyperplane LSH (Charikar 2002) for cosine similarity: each vector gets `bits` sign bits against
 * seeded Gaussian hyperplanes; two vectors at angle θ agree on a bit with probability 1 - θ/π. A band is
 * `rowsPerBand` bits drawn from the pool; pairs that agree on a whole band become candidates. With the
 * defaults each band catches a pair at the threshold with probability 0.1, so 40 bands find about 98% of
 * such pairs and nearly all closer ones, while pairs at cosine 0.3 collide in a band about once in 10⁵.
 * Candidates must be verified with the real cosine. Up to 2^21 vectors.
 *
 * @example const index = new LshIndex(vectors, 64, { seed: 1 }); index.pairs((i, j) => check(i, j));
 */
export class LshIndex {
  readonly bands: number;
  private readonly rowsPerBand: number;
  private readonly bits: number;
  private readonly dimension: number;
  /** Hyperplanes stored dimension-major (entry d·bits + k), so zero coordinates can be skipped. */
  private readonly planes: Float32Array;
  private readonly bandBits: Uint8Array;
  /** Per band, key · 2^21 + vector index, sorted: buckets are runs of one key. */
  private readonly sorted: Float64Array[];
  private readonly projections: Float64Array;

  constructor(vectors: readonly Float32Array[], dimension: number, options: LshOptions = {}) {
    if (vectors.length >= 1 << 21) throw new RangeError('LshIndex holds at most 2^21 vectors; sample first.');
    const random = seededRandom(options.seed ?? 0);
    this.dimension = dimension;
    this.bits = Math.max(1, Math.min(255, options.bits ?? 128));
    this.bands = Math.max(1, options.bands ?? 40);
    this.rowsPerBand = Math.min(31, this.bits, options.rowsPerBand ?? rowsForThreshold(options.threshold ?? 0.9));
    this.projections = new Float64Array(this.bits);
    this.planes = new Float32Array(this.bits * dimension);
    for (let i = 0; i < this.planes.length; i++) this.planes[i] = gaussian(random);
    this.bandBits = new Uint8Array(this.bands * this.rowsPerBand);
    const pool = Uint8Array.from({ length: this.bits }, (_, i) => i);
    for (let b = 0; b < this.bands; b++) {
      for (let r = 0; r < this.rowsPerBand; r++) {
        const j = r + Math.floor(random() * (this.bits - r));
        [pool[r], pool[j]] = [pool[j], pool[r]];
        this.bandBits[b * this.rowsPerBand + r] = pool[r];
      }
    }
    this.sorted = Array.from({ length: this.bands }, () => new Float64Array(vectors.length));
    const keys = new Uint32Array(this.bands);
    vectors.forEach((vector, index) => {
      this.keys(vector, keys);
      for (let b = 0; b < this.bands; b++) this.sorted[b][index] = keys[b] * 2097152 + index;
    });
    for (const band of this.sorted) band.sort();
  }

  /** Writes the vector's key in each band into `out` (length ≥ bands). */
  keys(vector: Float32Array, out: Uint32Array): void {
    const bits = this.bits;
    const projections = this.projections.fill(0);
    const n = Math.min(vector.length, this.dimension);
    for (let d = 0; d < n; d++) {
      const v = vector[d];
      if (v === 0) continue;
      const offset = d * bits;
      for (let k = 0; k < bits; k++) projections[k] += v * this.planes[offset + k];
    }
    for (let b = 0; b < this.bands; b++) {
      let key = 0;
      for (let r = 0; r < this.rowsPerBand; r++) key = (key << 1) | (projections[this.bandBits[b * this.rowsPerBand + r]] >= 0 ? 1 : 0);
      out[b] = key >>> 0;
    }
  }

  /**
   * Calls `visit` with the members of every bucket of two or more vectors, band by band. A pair can share
   * several bands, so callers skip pairs they have already settled.
   */
  buckets(visit: (members: Uint32Array) => void): void {
    for (const band of this.sorted) {
      let start = 0;
      while (start < band.length) {
        const key = Math.floor(band[start] / 2097152);
        let end = start + 1;
        while (end < band.length && Math.floor(band[end] / 2097152) === key) end++;
        if (end - start > 1) visit(Uint32Array.from(band.subarray(start, end), (v) => v % 2097152));
        start = end;
      }
    }
  }

  /** Calls `visit` with the index of every stored vector that shares a band with `vector` (repeats possible). */
  candidates(vector: Float32Array, visit: (index: number) => void): void {
    const keys = new Uint32Array(this.bands);
    this.keys(vector, keys);
    for (let b = 0; b < this.bands; b++) {
      const band = this.sorted[b];
      const lowest = keys[b] * 2097152;
      let lo = 0;
      let hi = band.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (band[mid] < lowest) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < band.length && band[i] < lowest + 2097152; i++) visit(band[i] - lowest);
    }
  }
}

/**
 * Bits per band that make one band catch a pair at cosine `threshold` with probability 0.1:
 * (1 - acos(t)/π)^r = 0.1, clamped to 6–24 bits.
 *
 * @example rowsForThreshold(0.9) // 15
 */
export function rowsForThreshold(threshold: number): number {
  const t = Math.min(0.999, Math.max(-0.999, threshold));
  const agree = 1 - Math.acos(t) / Math.PI;
  return Math.min(24, Math.max(6, Math.round(Math.log(0.1) / Math.log(agree))));
}
