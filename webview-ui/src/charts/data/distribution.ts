/**
 * The data behind a gap's small chart: real and synthetic shares on bins both sides share, with one x domain
 * and one y maximum, so the two sides are drawn on the same scale. Pure: no DOM, no d3-selection.
 */
import type { FeatureGap } from '../../types';
import { formatShare, formatValue } from '../../format';

export interface BinDatum {
  /** Where the bin sits on the x axis: the bin's edges (numeric) or its index and index + 1 (binary). */
  readonly x0: number;
  readonly x1: number;
  /** `10–15` for a numeric bin, `no` / `yes` for a binary feature. */
  readonly label: string;
  readonly real: number;
  readonly synthetic: number;
  /** Bar heights: the shares, scaled down for bins wider than the usual width so that area shows share. */
  readonly realHeight: number;
  readonly syntheticHeight: number;
}

export interface DistributionChartData {
  readonly kind: 'histogram' | 'proportion';
  readonly bins: BinDatum[];
  readonly xDomain: readonly [number, number];
  /** The tallest bar over both sides; 0 when there is nothing to draw. */
  readonly yMax: number;
  /**
   * Set when numeric bins differ in width: the most common width, the one at which height equals share.
   * A bin twice as wide is drawn half as tall for the same share, so wide tail bins do not look heavier.
   */
  readonly unitWidth?: number;
  /** The chart in words, for its aria-label. */
  readonly description: string;
}

/**
 * Bins of a gap for drawing. Numeric features use the real side's edges (both sides share them); shares are
 * normalized to sum to 1 per side. Shares that are missing, negative or not finite count as 0, and a side whose
 * shares are all 0 stays all 0. A gap with no bins gives `bins: []`, domain [0, 1] and yMax 0.
 */
export function distributionChartData(gap: FeatureGap): DistributionChartData {
  const proportion = gap.kind === 'binary';
  const real = normalize(gap.real.shares);
  const synthetic = normalize(gap.synthetic.shares);
  const edges = gap.real.edges.length > 0 ? gap.real.edges : gap.synthetic.edges;
  const count = proportion ? 2 : Math.max(0, edges.length - 1);
  const unitWidth = proportion ? undefined : commonWidth(edges.slice(0, count + 1));
  const bins: BinDatum[] = [];
  for (let i = 0; i < count; i++) {
    const x0 = proportion ? i : edges[i];
    const x1 = proportion ? i + 1 : edges[i + 1];
    const label = proportion ? (i === 0 ? 'no' : 'yes') : `${formatValue(x0)}–${formatValue(x1)}`;
    const scale = unitWidth !== undefined && x1 > x0 ? unitWidth / (x1 - x0) : 1;
    const r = real[i] ?? 0;
    const s = synthetic[i] ?? 0;
    bins.push({ x0, x1, label, real: r, synthetic: s, realHeight: r * scale, syntheticHeight: s * scale });
  }
  const xDomain: readonly [number, number] = bins.length > 0 ? [bins[0].x0, bins[bins.length - 1].x1] : [0, 1];
  const yMax = bins.reduce((max, bin) => Math.max(max, bin.realHeight, bin.syntheticHeight), 0);
  return {
    kind: proportion ? 'proportion' : 'histogram',
    bins,
    xDomain,
    yMax,
    ...(unitWidth !== undefined ? { unitWidth } : {}),
    description: describe(gap, bins, proportion),
  };
}

/** The most common bin width (the smallest on a tie), or undefined when all bins are equally wide. */
function commonWidth(edges: readonly number[]): number | undefined {
  // Rounded to 9 significant digits, so 0.5 - 0.4 and 0.1 count as one width.
  const widths = edges.slice(1).map((edge, i) => Number((edge - edges[i]).toPrecision(9))).filter((w) => Number.isFinite(w) && w > 0);
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  if (counts.size <= 1) return undefined;
  let best = Infinity;
  let bestCount = 0;
  for (const [width, n] of counts) {
    if (n > bestCount || (n === bestCount && width < best)) {
      best = width;
      bestCount = n;
    }
  }
  return best;
}

function normalize(shares: readonly number[]): number[] {
  const clean = shares.map((share) => (Number.isFinite(share) && share > 0 ? share : 0));
  const total = clean.reduce((sum, share) => sum + share, 0);
  return total > 0 ? clean.map((share) => share / total) : clean;
}

function describe(gap: FeatureGap, bins: readonly BinDatum[], proportion: boolean): string {
  if (bins.length === 0) return `${gap.name}: no distribution to show.`;
  if (proportion) {
    return `${gap.name}: ${formatShare(bins[1].real)} of real rows and ${formatShare(bins[1].synthetic)} of synthetic rows.`;
  }
  const means = `mean ${formatValue(gap.real.mean)} in real rows and ${formatValue(gap.synthetic.mean)} in synthetic rows`;
  const parts = bins.map((bin) => `${bin.label}: ${formatShare(bin.real)} real, ${formatShare(bin.synthetic)} synthetic`);
  return `${gap.name}, share of rows per bin, ${means}. ${parts.join('; ')}.`;
}
