/**
 * Dot product of two equally long Float32Arrays (one element type keeps the call site monomorphic) (the cosine similarity when both are L2-normalized), summed in
 * four lanes so the JIT can keep them in registers. Reads `min(a.length, b.length)` entries; 0 for empty.
 *
 * @example dot(Float32Array.of(0.6, 0.8), Float32Array.of(1, 0)) // 0.6000000238418579
 */
export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/**
 * A standard normal deviate from two uniforms (Box–Muller), for seeded Gaussian projections.
 *
 * @example gaussian(seededRandom(1)) // the same number on every run
 */
export function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
