import { throwIfCancelled, type CancellationToken } from '../host';
import { formatCount, formatShare } from '../exporters/format';
import type { DiversityReport, SideDiversity } from '../report/types';
import { compressionRatio } from '../stats/compression';
import { distinctN } from '../stats/distinct';
import { sampleIndexes, seededRandom } from '../stats/random';
import { nearDuplicateGroups, type DuplicateOptions, type DuplicateResult } from './duplicates';
import { nearestSimilarities } from './neighbours';
import type { SideRows } from './sideRows';
import { sentenceWords } from './words';

export interface DiversityOptions extends DuplicateOptions {
  /** Rows per side for distinct-n and compression, the same number on both sides. Default 10,000. */
  readonly textRows?: number;
  /** Embedded rows per side for nearest-neighbour similarity, the same number on both sides. Default 2,000. */
  readonly neighbourRows?: number;
  /**
   * The cosine at which the embedding calls two texts one request in other words (NearCopyThresholds.paraphrase),
   * for a semantic embedding; the groups then gather paraphrases around a leading row (DuplicateOptions.linkage).
   * Without it, groups are near-copies at `threshold`, and the report says paraphrases were not looked for.
   */
  readonly paraphrase?: number;
  /** The embedding's id (Embedder.id), named in the report's method sentence. */
  readonly embedder?: string;
}

/**
 * How varied each side is, measured on equal-size seeded samples of both sides (distinct-n, compression and
 * nearest-neighbour similarity all change with sample size), plus the near-duplicate groups among all
 * synthetic rows (see nearDuplicateGroups). `SideDiversity.rows` is the text sample size. A side without
 * rows gets zeros; without embeddings the similarity is NaN and the sentence rests on distinct-2.
 *
 * @example diversityReport(real, synthetic).sentence // 'Synthetic rows repeat themselves: 1,240 rows are near-copies…'
 */
export function diversityReport(real: SideRows, synthetic: SideRows, options: DiversityOptions = {}, token?: CancellationToken): DiversityReport {
  const seed = options.seed ?? 0;
  const paraphrases = options.paraphrase !== undefined;
  const threshold = options.paraphrase ?? options.threshold ?? 0.9;
  const textRows = Math.min(real.texts.length, synthetic.texts.length, options.textRows ?? 10_000);
  const neighbourRows = Math.min(real.embedded.vectors.length, synthetic.embedded.vectors.length, options.neighbourRows ?? 1000);
  const realSide = measureSide(real, textRows, neighbourRows, threshold, seed, token);
  const syntheticSide = measureSide(synthetic, textRows, neighbourRows, threshold, seed + 1, token);
  const duplicates = nearDuplicateGroups(synthetic, { ...options, threshold, linkage: paraphrases ? 'leader' : 'single' }, token);
  const embedded = synthetic.embedded.vectors.length > 0;
  return {
    real: realSide.stats,
    synthetic: syntheticSide.stats,
    nearDuplicateGroups: duplicates.groups,
    nearDuplicateRows: duplicates.duplicateRows,
    similarityThreshold: threshold,
    sentence: diversitySentence(realSide, syntheticSide, duplicates, paraphrases),
    ...(options.embedder !== undefined ? { embedder: options.embedder } : {}),
    paraphrases: paraphrases && embedded,
    method: methodSentence(options.embedder, threshold, paraphrases, embedded),
  };
}

/**
 * How the groups were found, for every view: `Groups: rows at cosine ≥ 0.80 to a group's first row on
 * model2vec:potion-base-8M, a semantic embedding, so paraphrases count.`
 */
function methodSentence(embedder: string | undefined, threshold: number, paraphrases: boolean, embedded: boolean): string {
  const on = embedder === undefined ? 'the embedding' : embedder;
  if (!embedded) return 'Groups: rows with the same text (lower-cased, punctuation dropped); no embedding was computed, so paraphrases are not detected.';
  if (paraphrases) return `Groups: rows with the same text, or at cosine ≥ ${threshold.toFixed(2)} to a group's first row on ${on}, a semantic embedding, so paraphrases count.`;
  // The hashed embedding compares character grams; a model without a measured paraphrase cosine is not asked to.
  const why = embedder?.startsWith('hashed') ? 'which compares spelling, not meaning' : 'which has no measured paraphrase cosine';
  return `Groups: rows with the same text, or at cosine ≥ ${threshold.toFixed(2)} on ${on}, ${why}: paraphrases are not detected (a semantic embedding, --embedder, finds them).`;
}

interface Measured {
  readonly stats: SideDiversity;
  /** Share of the neighbour sample whose nearest neighbour is a near-copy (≥ threshold); NaN without embeddings. */
  readonly copyShare: number;
}

function measureSide(side: SideRows, textRows: number, neighbourRows: number, threshold: number, seed: number, token?: CancellationToken): Measured {
  const random = seededRandom(seed);
  const texts = Array.from(sampleIndexes(side.texts.length, textRows, random), (i) => side.texts[i]);
  const sentences = texts.flatMap(sentenceWords);
  throwIfCancelled(token);
  const picked = sampleIndexes(side.embedded.vectors.length, neighbourRows, random);
  const nearest = nearestSimilarities(Array.from(picked, (i) => side.embedded.vectors[i]), token);
  let sum = 0;
  let copies = 0;
  for (const s of nearest) {
    sum += s;
    if (s >= threshold) copies++;
  }
  const rows = texts.length;
  return {
    stats: {
      distinct1: distinctN(sentences, 1),
      distinct2: distinctN(sentences, 2),
      compressionRatio: rows > 0 ? compressionRatio(texts.join('\n')) || 0 : 0,
      meanNearestSimilarity: nearest.length > 1 ? sum / nearest.length : NaN,
      rows,
    },
    copyShare: nearest.length > 1 ? copies / nearest.length : NaN,
  };
}

/** Differences smaller than this in mean nearest-neighbour similarity are not worth a sentence. */
const SIMILARITY_MARGIN = 0.05;

/**
 * A group this large is a cluster the sentence must not talk over: three rows restating one request are a
 * pattern, two can be a coincidence (two of 3,000 CLINC150 gpt-3.5 rows repeat a text on the hashed embedding).
 */
const CLUSTER_ROWS = 3;

function diversitySentence(real: Measured, synthetic: Measured, duplicates: DuplicateResult, paraphrases: boolean): string {
  const { duplicateRows, groupCount } = duplicates;
  const clustered = (duplicates.groups[0]?.size ?? 0) >= CLUSTER_ROWS;
  const r = real.stats;
  const s = synthetic.stats;
  const kind = paraphrases ? ['a near-copy or paraphrase', 'near-copies or paraphrases'] : ['a near-copy', 'near-copies'];
  const copies =
    duplicateRows === 0
      ? `no synthetic row is ${kind[0]} of another`
      : `${formatCount(duplicateRows)} ${duplicateRows === 1 ? `row is ${kind[0]}` : `rows are ${kind[1]}`} of another synthetic row (${formatCount(groupCount)} ${groupCount === 1 ? 'group' : 'groups'})`;
  if (Number.isNaN(s.meanNearestSimilarity) || Number.isNaN(r.meanNearestSimilarity)) {
    const fewer = s.distinct2 < 0.9 * r.distinct2;
    const lead = fewer ? 'Synthetic rows repeat their wording' : 'Synthetic rows vary their wording about as much as real rows';
    return `${lead}: distinct word pairs ${s.distinct2.toFixed(2)} against ${r.distinct2.toFixed(2)} in real rows; ${copies}.`;
  }
  const similarity = `nearest-neighbour similarity ${s.meanNearestSimilarity.toFixed(2)} against ${r.meanNearestSimilarity.toFixed(2)} in real rows`;
  // Real rows of one intent restate each other too: the share of each side with such a neighbour puts the groups in scale.
  const neighbours = paraphrases ? `; ${formatShare(synthetic.copyShare)} of sampled synthetic rows have one, against ${formatShare(real.copyShare)} of real rows` : '';
  const moreCopies = synthetic.copyShare >= 2 * real.copyShare && synthetic.copyShare - real.copyShare >= 0.02;
  if (duplicateRows > 0 && moreCopies) return `Synthetic rows repeat themselves: ${copies}; ${similarity}.`;
  if (s.meanNearestSimilarity - r.meanNearestSimilarity >= SIMILARITY_MARGIN) return `Synthetic rows are less varied than real rows: ${similarity}; ${copies}.`;
  if (r.meanNearestSimilarity - s.meanNearestSimilarity >= SIMILARITY_MARGIN) {
    // Spread wider on average is not "more varied" while some rows restate each other: say both.
    if (clustered) return `Synthetic rows are spread more widely than real rows on average (${similarity}), but ${copies}${neighbours}.`;
    return `Synthetic rows are more varied than real rows: ${similarity}; ${copies}.`;
  }
  return `Synthetic rows are about as varied as real rows: ${similarity}; ${copies}${duplicateRows > 0 ? neighbours : ''}.`;
}
