import { throwIfCancelled, type CancellationToken } from '../host';
import type { LeakageReport, LeakedRow } from '../report/types';
import { LshIndex } from '../stats/lsh';
import { dot } from '../stats/vector';
import { normalizeForMatch } from './duplicates';
import type { SideRows } from './sideRows';

export interface LeakageOptions {
  /** Cosine similarity at or above which a synthetic row counts as a near-copy of a real row. Default 0.95. */
  readonly threshold?: number;
  readonly seed?: number;
  /** Rows listed in the report, most similar first. Default 200. */
  readonly maxRows?: number;
}

/**
 * Synthetic rows that copy a real row: exactly (same normalized text, see normalizeForMatch, over all rows
 * by hashing) or nearly (cosine ≥ `threshold` between embedded rows, candidates from random-hyperplane LSH,
 * then the cosine checked). A row counts once, as exact when it is both, against the first matching real row
 * (the most similar for near copies). Counts cover every leaked row; `rows` lists the first `maxRows` by
 * similarity, then line. No rows on either side, nothing leaked.
 *
 * @example leakageReport(real, synthetic) // { exact: 3, near: 5, rows: [{ line: 12, referenceFile: 'train.jsonl', referenceLine: 40, similarity: 1, exact: true }, …], similarityThreshold: 0.95 }
 */
export function leakageReport(real: SideRows, synthetic: SideRows, options: LeakageOptions = {}, token?: CancellationToken): LeakageReport {
  const threshold = options.threshold ?? 0.95;
  const leaked: LeakedRow[] = [];
  const leakedRows = new Set<number>();
  const realLeak = (row: number, realRow: number, similarity: number, exact: boolean): void => {
    leakedRows.add(row);
    leaked.push({ line: synthetic.rows[row].line, referenceFile: real.rowFiles?.[realRow] ?? '', referenceLine: real.rows[realRow].line, similarity, exact });
  };

  const firstRealRow = new Map<string, number>();
  real.texts.forEach((text, row) => {
    const key = normalizeForMatch(text);
    if (key !== '' && !firstRealRow.has(key)) firstRealRow.set(key, row);
  });
  throwIfCancelled(token);
  synthetic.texts.forEach((text, row) => {
    const realRow = firstRealRow.get(normalizeForMatch(text));
    if (realRow !== undefined) realLeak(row, realRow, 1, true);
  });
  const exact = leaked.length;
  throwIfCancelled(token);

  // Real rows repeating an earlier real text add nothing to search against but crowd the LSH buckets.
  const realVectors: Float32Array[] = [];
  const realRowOf: number[] = [];
  const realEmbedded = real.embedded;
  for (let i = 0; i < realEmbedded.vectors.length; i++) {
    const row = realEmbedded.rows[i];
    if ((firstRealRow.get(normalizeForMatch(real.texts[row])) ?? row) === row) {
      realVectors.push(realEmbedded.vectors[i]);
      realRowOf.push(row);
    }
  }
  if (realVectors.length > 0) {
    const index = new LshIndex(realVectors, realVectors[0].length, { seed: options.seed, threshold });
    const checkedFor = new Int32Array(realVectors.length).fill(-1);
    const { rows, vectors } = synthetic.embedded;
    for (let i = 0; i < vectors.length; i++) {
      if ((i & 255) === 0) throwIfCancelled(token);
      if (leakedRows.has(rows[i])) continue;
      let best = -Infinity;
      let bestReal = -1;
      index.candidates(vectors[i], (candidate) => {
        if (checkedFor[candidate] === i) return;
        checkedFor[candidate] = i;
        const similarity = dot(vectors[i], realVectors[candidate]);
        if (similarity > best || (similarity === best && candidate < bestReal)) {
          best = similarity;
          bestReal = candidate;
        }
      });
      if (best >= threshold) realLeak(rows[i], realRowOf[bestReal], Math.min(1, best), false);
    }
  }
  leaked.sort((a, b) => b.similarity - a.similarity || Number(b.exact) - Number(a.exact) || a.line - b.line);
  return { exact, near: leaked.length - exact, rows: leaked.slice(0, options.maxRows ?? 200), similarityThreshold: threshold };
}
