/**
 * Small inline SVG charts for the HTML report: real and synthetic distributions of one feature, overlaid.
 * Numeric features draw density bars on the shared bin edges (so unequal bins do not mislead) with a tick at
 * each side's mean; binary features draw the share of rows with the feature per side. Colors come from CSS
 * classes, so the page's light and dark themes apply.
 */
import type { Distribution, FeatureGap } from './types';
import { formatShare, formatValue } from './format';
import { gapValue } from './sentences';
import { html, type SafeHtml } from './htmlTemplate';

const WIDTH = 260;
const HEIGHT = 84;
const PAD = 4;
const AXIS = 14;
const SIDES = ['real', 'synthetic'] as const;

interface Bin {
  readonly x0: number;
  readonly x1: number;
  readonly share: number;
}

export function distributionChart(gap: FeatureGap): SafeHtml {
  const label = `${gap.name}: real ${gapValue(gap, 'real')}, synthetic ${gapValue(gap, 'synthetic')}`;
  const body = gap.kind === 'binary' ? binaryBars(gap) : histogram(gap);
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}"><title>${label}</title>${body}</svg>`;
}

function histogram(gap: FeatureGap): SafeHtml {
  const real = binsOf(gap.real);
  const synthetic = binsOf(gap.synthetic);
  // Without usable edges both sides fall back on bin indexes; the axis then has no values to show.
  const byIndex = !real || !synthetic;
  const sides = byIndex ? [indexBins(gap.real), indexBins(gap.synthetic)] : [real, synthetic];
  const all = sides.flat();
  if (all.length === 0) return html`<text class="axis" x="${PAD}" y="${HEIGHT / 2}">No data</text>`;
  const lo = Math.min(...all.map((b) => b.x0));
  const hi = Math.max(lo + 1e-9, ...all.map((b) => b.x1));
  const minWidth = (hi - lo) / 200;
  const density = (b: Bin): number => b.share / Math.max(b.x1 - b.x0, minWidth);
  const top = Math.max(0, ...all.map(density));
  const plot = HEIGHT - AXIS - PAD;
  const x = (v: number): number => PAD + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (WIDTH - 2 * PAD);
  const bars = sides.map((bins, s) =>
    bins
      .filter((b) => b.share > 0 && top > 0)
      .map((b) => {
        const h = (density(b) / top) * plot;
        const w = Math.max(0.75, x(b.x1) - x(b.x0));
        return html`<rect class="${SIDES[s]}" x="${r(x(b.x0))}" y="${r(PAD + plot - h)}" width="${r(w)}" height="${r(h)}"/>`;
      }),
  );
  const means = byIndex
    ? []
    : SIDES.map((side) => {
        const mean = gap[side].mean;
        if (!Number.isFinite(mean)) return null;
        return html`<line class="mean ${side}" x1="${r(x(mean))}" x2="${r(x(mean))}" y1="${PAD}" y2="${PAD + plot}"/>`;
      });
  const baseline = PAD + plot;
  return html`${bars}${means}<line class="baseline" x1="${PAD}" x2="${WIDTH - PAD}" y1="${baseline}" y2="${baseline}"/>${
    !byIndex &&
    html`<text class="axis" x="${PAD}" y="${HEIGHT - 2}">${axisValue(lo)}</text><text class="axis" x="${WIDTH - PAD}" y="${HEIGHT - 2}" text-anchor="end">${axisValue(hi)}</text>`
  }`;
}

function binaryBars(gap: FeatureGap): SafeHtml {
  const labelWidth = 70;
  const valueWidth = 56;
  const span = WIDTH - labelWidth - valueWidth;
  return html`${SIDES.map((side, i) => {
    const d = gap[side];
    const share = clamp01(d.shares[1] ?? d.mean);
    const y = 14 + i * 32;
    return html`<text class="axis" x="0" y="${y + 13}">${side === 'real' ? 'Real' : 'Synthetic'}</text><rect class="track" x="${labelWidth}" y="${y}" width="${span}" height="18"/><rect class="${side}" x="${labelWidth}" y="${y}" width="${r(share * span)}" height="18"/><text class="axis" x="${labelWidth + span + 6}" y="${y + 13}">${formatShare(share)}</text>`;
  })}`;
}

/** The bins of a numeric distribution, or undefined when its edges do not describe its shares. */
function binsOf(d: Distribution): Bin[] | undefined {
  const { edges, shares } = d;
  if (edges.length !== shares.length + 1 || !edges.every(Number.isFinite)) return undefined;
  for (let i = 1; i < edges.length; i++) if (edges[i] < edges[i - 1]) return undefined;
  return shares.map((share, i) => ({ x0: edges[i], x1: edges[i + 1], share: clamp01(share) }));
}

function indexBins(d: Distribution): Bin[] {
  return d.shares.map((share, i) => ({ x0: i, x1: i + 1, share: clamp01(share) }));
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** Axis ends read `60`, not `60.0`. */
function axisValue(v: number): string {
  return formatValue(v).replace(/\.0+$/, '');
}

function r(v: number): string {
  return v.toFixed(1);
}
