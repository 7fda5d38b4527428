/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every platform,
 * which is what keeps results from jumping between runs.
 *
 * @example const next = seededRandom(42); next(); // 0.6011037519201636
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place, driven by `random`. Returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(array: T, random: Random): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/**
 * `count` distinct indexes from `0..n-1`, in increasing order; all of them when `count >= n`.
 * Deterministic for a given `random`.
 */
export function sampleIndexes(n: number, count: number, random: Random): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (count >= n) return all;
  // Partial Fisher–Yates: the first `count` slots end up a uniform sample.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.slice(0, count).sort();
}
