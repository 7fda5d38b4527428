// Shared by the detector tests: the development data, simple dense features, a plain TF-IDF + logistic
// regression baseline, and the flag rule the product applies to out-of-fold scores.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { HashedTfidf } from '../../../src/core/embed/hashedTfidf';
import type { DetectorResult } from '../../../src/core/gap/detector/types';
import { trainDetector } from '../../../src/core/gap/detector/train';
import { trainLogistic } from '../../../src/core/gap/logistic';
import type { LogisticRows } from '../../../src/core/gap/logisticRows';
import { rowDot } from '../../../src/core/gap/logisticRows';
import { auc } from '../../../src/core/stats/auc';
import { quantileSorted, sortedCopy } from '../../../src/core/stats/quantile';
import { sampleIndexes, seededRandom, shuffleInPlace } from '../../../src/core/stats/random';
import { REPO_DATA } from '../../support/repoData';

export interface LabeledText {
  readonly text: string;
  readonly label: string;
}

export function readJsonl(relative: string): LabeledText[] {
  return readFileSync(resolve(REPO_DATA, relative), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabeledText);
}

export function readCsv(relative: string): LabeledText[] {
  const parsed = Papa.parse<{ text: string; category: string }>(readFileSync(resolve(REPO_DATA, relative), 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => ({ text: row.text, label: row.category }));
}

/** `n` texts drawn at random (seeded), in random order. */
export function sample(rows: readonly LabeledText[], n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return shuffleInPlace(Array.from(sampleIndexes(rows.length, n, random), (i) => rows[i].text), random);
}

/** Two disjoint random halves of `2n` rows of one file. */
export function halves(rows: readonly LabeledText[], n: number, seed: number): [string[], string[]] {
  const both = sample(rows, 2 * n, seed);
  return [both.slice(0, n), both.slice(n)];
}

/**
 * `n` random rows of `a`, and as many rows of `b` per label as that sample holds: both sides then ask for the
 * same things as often, and any gap left is in how they are written.
 */
export function labelMatched(a: readonly LabeledText[], b: readonly LabeledText[], n: number, seed: number): [string[], string[]] {
  const random = seededRandom(seed);
  const picked = Array.from(sampleIndexes(a.length, n, random), (i) => a[i]);
  const wanted = new Map<string, number>();
  for (const row of picked) wanted.set(row.label, (wanted.get(row.label) ?? 0) + 1);
  const matched: string[] = [];
  for (const row of shuffleInPlace(b.slice(), random)) {
    const left = wanted.get(row.label) ?? 0;
    if (left > 0) {
      matched.push(row.text);
      wanted.set(row.label, left - 1);
    }
  }
  return [shuffleInPlace(picked.map((row) => row.text), random), matched];
}

/** A few dense features a test can compute itself: characters, words, all lower-case, final . ! ?, inner punctuation. */
export const SIMPLE_FEATURES = 5;

export function simpleFeatures(texts: readonly string[]): Float32Array {
  const out = new Float32Array(texts.length * SIMPLE_FEATURES);
  texts.forEach((text, i) => {
    const o = i * SIMPLE_FEATURES;
    out[o] = text.length;
    out[o + 1] = text.split(/\s+/).filter(Boolean).length;
    out[o + 2] = text === text.toLowerCase() ? 1 : 0;
    out[o + 3] = /[.!?]\s*$/.test(text) ? 1 : 0;
    out[o + 4] = /[,;:'"]/.test(text) ? 1 : 0;
  });
  return out;
}

/** The detector on real texts (first) against synthetic ones, with the built-in hashed TF-IDF fitted on both. */
export function detect(real: readonly string[], synthetic: readonly string[], seed = 1): DetectorResult {
  const texts = [...real, ...synthetic];
  const tfidf = new HashedTfidf();
  tfidf.fit(texts);
  return trainDetector(
    {
      count: texts.length,
      isSynthetic: new Uint8Array(texts.length).fill(1, real.length),
      dense: simpleFeatures(texts),
      denseDim: SIMPLE_FEATURES,
      sparse: (row) => tfidf.vector(texts[row]),
      sparseDim: tfidf.buckets,
    },
    { seed },
  );
}

/** Share of the synthetic rows scored above the real rows' 95th percentile: the product's flag rule. */
export function flaggedShare(scores: Float64Array, realCount: number): number {
  const threshold = quantileSorted(sortedCopy(scores.subarray(0, realCount)), 0.95);
  let above = 0;
  for (let i = realCount; i < scores.length; i++) if (scores[i] > threshold) above++;
  return above / (scores.length - realCount);
}

/**
 * The baseline the detector must match: plain TF-IDF over lower-cased word unigrams and bigrams (the
 * scikit-learn defaults: tokens of two or more word characters, raw counts, smooth IDF, L2 norm) and
 * logistic regression with C = 1, cross-fitted over 5 folds. Returns the out-of-fold AUC.
 */
export function baselineAuc(real: readonly string[], synthetic: readonly string[], seed = 1): number {
  const texts = [...real, ...synthetic];
  const vocabulary = new Map<string, number>();
  const documents = texts.map((text) => {
    const tokens = text.toLowerCase().match(/\b\w\w+\b/gu) ?? [];
    const terms = [...tokens, ...tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`)];
    const counts = new Map<number, number>();
    for (const term of terms) {
      let id = vocabulary.get(term);
      if (id === undefined) vocabulary.set(term, (id = vocabulary.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
  const df = new Float64Array(vocabulary.size);
  for (const counts of documents) for (const id of counts.keys()) df[id]++;
  const offsets = new Float64Array(texts.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  documents.forEach((counts, row) => {
    const ids = [...counts.keys()].sort((x, y) => x - y);
    const weights = ids.map((id) => (counts.get(id) ?? 0) * (Math.log((1 + texts.length) / (1 + df[id])) + 1));
    const norm = Math.hypot(...weights) || 1;
    ids.forEach((id, k) => {
      indices.push(id);
      values.push(weights[k] / norm);
    });
    offsets[row + 1] = indices.length;
  });
  const rows: LogisticRows = {
    count: texts.length,
    labels: new Uint8Array(texts.length).fill(1, real.length),
    dense: new Float32Array(0),
    denseDim: 0,
    sparse: { offsets, indices: Uint32Array.from(indices), values: Float32Array.from(values) },
    sparseDim: vocabulary.size,
  };
  const random = seededRandom(seed);
  const fold = new Uint8Array(texts.length);
  for (const [from, to] of [[0, real.length], [real.length, texts.length]]) {
    const order = shuffleInPlace(Array.from({ length: to - from }, (_, i) => from + i), random);
    order.forEach((row, position) => (fold[row] = position % 5));
  }
  const scores = new Float64Array(texts.length);
  for (let k = 0; k < 5; k++) {
    const subset = Uint32Array.from(texts.keys()).filter((row) => fold[row] !== k);
    const model = trainLogistic(rows, subset, { c: 1, tolerance: 0.01, maxEpochs: 200 });
    for (let row = 0; row < texts.length; row++) if (fold[row] === k) scores[row] = rowDot(model.weights, rows, row);
  }
  return auc(scores, rows.labels);
}
