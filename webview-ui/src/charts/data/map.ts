/**
 * The map's drawing data: points in pixels, one SVG path per class (real, synthetic, flagged), so thousands of
 * points cost three DOM nodes. Pure: no DOM, no d3-selection.
 */
import type { MapPoint, MapReport } from '../../../../src/shared/panel';

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}

export interface PlacedPoint {
  readonly point: MapPoint;
  readonly px: number;
  readonly py: number;
}

export interface PlacedRegion {
  readonly cluster: number;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface MapChartData {
  readonly placed: PlacedPoint[];
  /** SVG path data: real points as circles, synthetic points as squares, flagged synthetic points as diamonds. */
  readonly paths: { readonly real: string; readonly synthetic: string; readonly flagged: string };
  readonly regions: PlacedRegion[];
  readonly counts: { readonly real: number; readonly synthetic: number; readonly flagged: number };
  readonly description: string;
}

/** The map's drawing size in SVG units (the SVG scales to its box). */
export const MAP_LAYOUT: MapLayout = { width: 560, height: 400, margin: 12 };

const SIZE = 2.5;

/**
 * Places the map's points on a `width` × `height` canvas with equal scales on both axes (distances mean the
 * same across and down). Points with non-finite coordinates are left out. No points gives empty paths.
 */
export function mapChartData(map: MapReport, layout: MapLayout): MapChartData {
  const points = map.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = [...points.map((p) => p.x), ...map.missing.flatMap((r) => [r.x - r.radius, r.x + r.radius])];
  const ys = [...points.map((p) => p.y), ...map.missing.flatMap((r) => [r.y - r.radius, r.y + r.radius])];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const inner = { w: layout.width - 2 * layout.margin, h: layout.height - 2 * layout.margin };
  const scale = Math.min(inner.w / Math.max(x1 - x0, 1e-9), inner.h / Math.max(y1 - y0, 1e-9));
  const offsetX = layout.margin + (inner.w - (x1 - x0) * scale) / 2;
  const offsetY = layout.margin + (inner.h - (y1 - y0) * scale) / 2;
  const toX = (x: number): number => round(offsetX + (x - x0) * scale);
  // y grows upwards on the map and downwards on screen.
  const toY = (y: number): number => round(offsetY + (y1 - y) * scale);
  const placed = points.map((point) => ({ point, px: toX(point.x), py: toY(point.y) }));
  const real: string[] = [];
  const synthetic: string[] = [];
  const flagged: string[] = [];
  for (const { point, px, py } of placed) {
    if (point.side === 'real') real.push(circle(px, py));
    else if (point.flagged) flagged.push(diamond(px, py));
    else synthetic.push(square(px, py));
  }
  const regions = map.missing.map((r) => ({ cluster: r.cluster, cx: toX(r.x), cy: toY(r.y), r: round(Math.max(r.radius * scale, 6)) }));
  const counts = { real: real.length, synthetic: synthetic.length + flagged.length, flagged: flagged.length };
  const description =
    `Map of ${counts.real} real and ${counts.synthetic} synthetic rows (${map.method.toUpperCase()} projection), ` +
    `${counts.flagged} flagged; ${regions.length} kinds of real rows with no synthetic rows near are circled.`;
  return { placed, paths: { real: real.join(''), synthetic: synthetic.join(''), flagged: flagged.join('') }, regions, counts, description };
}

/** The placed point nearest to (x, y) within `radius` pixels, or undefined. Linear; fine for a few thousand. */
export function nearestPoint(placed: readonly PlacedPoint[], x: number, y: number, radius: number): PlacedPoint | undefined {
  let best: PlacedPoint | undefined;
  let bestDistance = radius * radius;
  for (const candidate of placed) {
    const d = (candidate.px - x) ** 2 + (candidate.py - y) ** 2;
    if (d <= bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [-1, 1];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === max ? [min - 1, max + 1] : [min, max];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function circle(x: number, y: number): string {
  return `M${round(x - SIZE)},${y}a${SIZE},${SIZE} 0 1,0 ${2 * SIZE},0a${SIZE},${SIZE} 0 1,0 ${-2 * SIZE},0`;
}

function square(x: number, y: number): string {
  return `M${round(x - SIZE)},${round(y - SIZE)}h${2 * SIZE}v${2 * SIZE}h${-2 * SIZE}z`;
}

function diamond(x: number, y: number): string {
  const s = SIZE + 1;
  return `M${x},${round(y - s)}l${s},${s}l${-s},${s}l${-s},${-s}z`;
}
