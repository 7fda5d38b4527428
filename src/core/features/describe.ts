import { mean } from '../stats/summary';
import { lowerBound, percentileRank, quantileSorted, upperBound } from '../stats/quantile';
import type { BinaryWording, FeatureDef, NumericWording } from './types';
import { capitalize, formatShare, formatValue, shareOfRows, valuePhrase, yesPlural } from './wording';

/** A value shared by at least this share of real rows is described as "the same as", not above or below. */
const TIED = 0.5;
/** `realYes` phrases that only make sense right after the yes phrase. */
const BARE_VERBS = new Set(['do', 'does', 'did', 'are', 'is', 'have', 'has']);

/**
 * A row's value in words, measured against the sorted real values of that feature (the first `realCount`
 * of them; all by default). Numeric: `27 words, longer than 96% of real rows`, by the mid-rank percentile, or
 * `1 sentence, the same as 90% of real rows` when most real rows share the value. Yes/no:
 * `no typos (41% of real rows have one)`, `ends with . ! or ? (only 8% of real rows do)`,
 * `no final punctuation (92% of real rows end with . ! or ?)`.
 * With no real values: `27 words (no real rows to compare)`.
 */
export function describeRowFeature(def: FeatureDef, value: number, realSorted: Float64Array, realCount?: number): string {
  const real = realCount === undefined || realCount >= realSorted.length ? realSorted : realSorted.subarray(0, Math.max(0, realCount));
  if (def.kind === 'binary') return describeBinaryRow(def.wording as BinaryWording, value >= 0.5, real);
  const shown = valuePhrase(def, value);
  const n = real.length;
  if (n === 0) return `${shown} (no real rows to compare)`;
  const wording = def.wording as NumericWording;
  const equal = upperBound(real, value) - lowerBound(real, value);
  if (equal / n >= TIED) return `${shown}, the same as ${shareOfRows(equal / n, 'real')}`;
  const rank = percentileRank(real, value);
  return rank >= 0.5 ? `${shown}, ${wording.higher} than ${beyond(rank)}` : `${shown}, ${wording.lower} than ${beyond(1 - rank)}`;
}

/** `96% of real rows`; `nearly all real rows (over 99.9%)` rather than the clumsy "than over 99.9%". */
function beyond(share: number): string {
  return share > 0.999 && share < 1 ? 'nearly all real rows (over 99.9%)' : shareOfRows(share, 'real');
}

function describeBinaryRow(wording: BinaryWording, yes: boolean, real: Float64Array): string {
  if (real.length === 0) return `${yes ? wording.yes : wording.no} (no real rows to compare)`;
  const share = shareOfOnes(real);
  // After the no phrase a bare `do` would read as "do lack it", so the yes phrase is spelled out instead.
  const realYes = yes || !BARE_VERBS.has(wording.realYes) ? wording.realYes : yesPlural(wording);
  if (!yes) return `${wording.no} (${shareOfRows(share, 'real')} ${realYes})`;
  const only = share >= 0.001 && share < 0.5 ? 'only ' : ''; // not "only under 0.1%"
  return `${wording.yes} (${only}${shareOfRows(share, 'real')} ${wording.realYes})`;
}

/**
 * One plain sentence comparing a feature across the data sets. Numeric, by medians (by means when the medians
 * print the same): `Synthetic rows are longer: median 14 words against 8 in real rows.` Yes/no:
 * `41% of real rows have a typo, against 2% of synthetic rows.` Says so when either side is empty.
 */
export function describeGap(def: FeatureDef, realSorted: Float64Array, synthSorted: Float64Array): string {
  const name = def.name.toLowerCase();
  if (realSorted.length === 0 || synthSorted.length === 0) {
    return `Cannot compare ${name}: there are no ${realSorted.length === 0 ? 'real' : 'synthetic'} rows.`;
  }
  if (def.kind === 'binary') {
    const wording = def.wording as BinaryWording;
    return `${capitalize(formatShare(shareOfOnes(realSorted)))} of real rows ${yesPlural(wording)}, against ${formatShare(shareOfOnes(synthSorted))} of synthetic rows.`;
  }
  const wording = def.wording as NumericWording;
  let statistic = 'median';
  let format = wording.format;
  let real = quantileSorted(realSorted, 0.5);
  let synth = quantileSorted(synthSorted, 0.5);
  if (formatValue(real, wording) === formatValue(synth, wording)) {
    // Medians hide a shift in skewed or mostly-tied values (sentences, typo rates); means show it, with a decimal.
    statistic = 'mean';
    format = format === 'integer' ? 'decimal' : format;
    real = mean(realSorted);
    synth = mean(synthSorted);
  }
  if (formatValue(real, wording, format) === formatValue(synth, wording, format)) {
    return `Synthetic and real rows are alike in ${name}: ${statistic} ${valuePhrase(def, synth, format)} in both.`;
  }
  const verb = synth > real ? (wording.gapHigher ?? `are ${wording.higher}`) : (wording.gapLower ?? `are ${wording.lower}`);
  return `Synthetic rows ${verb}: ${statistic} ${valuePhrase(def, synth, format)} against ${formatValue(real, wording, format)} in real rows.`;
}

/** Share of sorted 0/1 values that are 1 (at least 0.5); 0 for empty input. */
function shareOfOnes(sorted: Float64Array): number {
  return sorted.length === 0 ? 0 : (sorted.length - lowerBound(sorted, 0.5)) / sorted.length;
}
