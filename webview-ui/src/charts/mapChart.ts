/**
 * The map: real points as blue circles, synthetic points as orange squares, flagged ones as red diamonds, one
 * SVG path per class; missing real clusters circled. Hover shows the nearest row's text; click reveals it.
 */
import * as d3 from 'd3';
import type { MapPoint, MapReport } from '../../../src/shared/panel';
import { MAP_LAYOUT as LAYOUT, mapChartData, nearestPoint, type PlacedRegion } from './data/map';
import { fileName } from '../format';

export interface MapChartOptions {
  /** Examples of each missing cluster's real rows, for the circle's tooltip. */
  readonly regionText: (cluster: number) => string;
  /** Called on click; absent in a saved page, where nothing can be revealed. */
  readonly onPick?: (point: MapPoint) => void;
}

export function mapChart(map: MapReport, options: MapChartOptions): HTMLElement {
  const data = mapChartData(map, LAYOUT);
  const wrapper = document.createElement('div');
  wrapper.className = 'map-wrapper';
  const svg = d3
    .create('svg')
    .attr('class', 'chart map-chart')
    .attr('viewBox', `0 0 ${LAYOUT.width} ${LAYOUT.height}`)
    .attr('role', 'img')
    .attr('aria-label', data.description);
  svg.append('rect').attr('class', 'map-ground').attr('width', LAYOUT.width).attr('height', LAYOUT.height);
  const points = svg.append('g').attr('class', 'map-points');
  points.append('path').attr('class', 'map-real').attr('d', data.paths.real || null);
  points.append('path').attr('class', 'map-synthetic').attr('d', data.paths.synthetic || null);
  points.append('path').attr('class', 'map-flagged').attr('d', data.paths.flagged || null);
  svg
    .append('g')
    .attr('class', 'map-regions')
    .selectAll('circle')
    .data(data.regions)
    .join('circle')
    .attr('class', 'map-region')
    .attr('cx', (r) => r.cx)
    .attr('cy', (r) => r.cy)
    .attr('r', (r) => r.r);
  const focus = svg.append('circle').attr('class', 'map-focus').attr('r', 6).attr('visibility', 'hidden');
  const tooltip = document.createElement('div');
  tooltip.className = 'map-tooltip';
  tooltip.hidden = true;
  tooltip.setAttribute('role', 'tooltip');

  const hide = (): void => {
    tooltip.hidden = true;
    focus.attr('visibility', 'hidden');
  };
  const show = (text: string, x: number, y: number): void => {
    tooltip.textContent = text;
    tooltip.hidden = false;
    // CSSOM, not a style attribute: the CSP allows this.
    tooltip.style.setProperty('left', `${Math.round((x / LAYOUT.width) * 100)}%`);
    tooltip.style.setProperty('top', `${Math.round((y / LAYOUT.height) * 100)}%`);
  };
  const node = svg.node() as SVGSVGElement;
  svg.on('mousemove', (event: MouseEvent) => {
    const [x, y] = d3.pointer(event, node);
    const hit = nearestPoint(data.placed, x, y, 8);
    if (hit) {
      focus.attr('cx', hit.px).attr('cy', hit.py).attr('visibility', 'visible');
      show(pointText(hit.point), hit.px, hit.py);
      return;
    }
    const region = regionAt(data.regions, x, y);
    if (region) show(options.regionText(region.cluster), x, y);
    else hide();
  });
  svg.on('mouseleave', hide);
  if (options.onPick) {
    const pick = options.onPick;
    svg.classed('clickable', true).on('click', (event: MouseEvent) => {
      const [x, y] = d3.pointer(event, node);
      const hit = nearestPoint(data.placed, x, y, 8);
      if (hit) pick(hit.point);
    });
  }
  // The axes of a projection have no units; their titles say which projection's components they are.
  const [xTitle, yTitle] = map.method === 'umap' ? ['UMAP dimension 1', 'UMAP dimension 2'] : ['Principal component 1', 'Principal component 2'];
  const plot = document.createElement('div');
  plot.className = 'map-plot';
  plot.append(node, tooltip);
  const titleY = document.createElement('span');
  titleY.className = 'map-axis-title map-axis-y';
  titleY.textContent = yTitle;
  const titleX = document.createElement('span');
  titleX.className = 'map-axis-title map-axis-x';
  titleX.textContent = xTitle;
  wrapper.append(titleY, plot, titleX);
  return wrapper;
}

function pointText(point: MapPoint): string {
  const side = point.side === 'real' ? 'Real' : point.flagged ? 'Synthetic, flagged' : 'Synthetic';
  const where = `${fileName(point.file)}:${point.line}${point.turn !== undefined ? ` turn ${point.turn}` : ''}`;
  return `${side} · ${where}${point.label !== undefined ? ` · ${point.label}` : ''}\n${point.text}`;
}

function regionAt(regions: readonly PlacedRegion[], x: number, y: number): PlacedRegion | undefined {
  return regions.find((r) => (r.cx - x) ** 2 + (r.cy - y) ** 2 <= r.r * r.r);
}
