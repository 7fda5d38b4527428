/** The data behind the mode-collapse bars: distinct-1, distinct-2 and compression ratio, real against synthetic. */
import type { DiversityReport } from '../../types';
import { formatDecimal } from '../../format';

export interface DiversityDatum {
  readonly key: 'distinct1' | 'distinct2' | 'compressionRatio';
  readonly label: string;
  readonly real: number;
  readonly synthetic: number;
}

export interface DiversityChartData {
  readonly measures: DiversityDatum[];
  /** One scale for every measure: at least 1 (they are ratios), more if a value is above 1. */
  readonly xMax: number;
  readonly description: string;
}

const MEASURES: readonly { readonly key: DiversityDatum['key']; readonly label: string }[] = [
  { key: 'distinct1', label: 'Distinct words (distinct-1)' },
  { key: 'distinct2', label: 'Distinct word pairs (distinct-2)' },
  { key: 'compressionRatio', label: 'Compression ratio' },
];

/** Values that are not finite or below 0 show as 0. */
export function diversityChartData(diversity: DiversityReport): DiversityChartData {
  const clean = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
  const measures = MEASURES.map(({ key, label }) => ({ key, label, real: clean(diversity.real[key]), synthetic: clean(diversity.synthetic[key]) }));
  const xMax = measures.reduce((max, m) => Math.max(max, m.real, m.synthetic), 1);
  const description = `Diversity, higher is more varied: ${measures
    .map((m) => `${m.label} ${formatDecimal(m.real, 2)} real, ${formatDecimal(m.synthetic, 2)} synthetic`)
    .join('; ')}.`;
  return { measures, xMax, description };
}
