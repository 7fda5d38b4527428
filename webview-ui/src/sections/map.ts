/** The map of both sides, the real clusters synthetic rows never reach, and synthetic-only clusters. */
import type { MapPoint, PanelSnapshot } from '../../../src/shared/panel';
import { mapChart } from '../charts/mapChart';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatShare, plural } from '../format';
import type { CoverageCluster } from '../types';
import { legend } from './legend';

const MAX_LISTED_POINTS = 100;

export function mapSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const children: Node[] = [el('p', { text: snapshot.coverage.sentence })];
  const map = snapshot.map;
  const canReveal = context.hostKind === 'vscode';
  if (map) {
    const examples = new Map(snapshot.coverage.missing.map((cluster) => [cluster.id, cluster]));
    const regionText = (id: number): string => {
      const cluster = examples.get(id);
      return cluster ? `Real rows with no synthetic rows near (${formatShare(cluster.realShare)} of real rows):\n${cluster.examples.join('\n')}` : 'Real rows with no synthetic rows near';
    };
    const reveal = (point: MapPoint) => context.post({ type: 'revealRow', line: point.line, ...(point.turn !== undefined ? { turn: point.turn } : {}), ...(point.side === 'real' ? { file: point.file } : {}) });
    children.push(
      legend(true),
      el('p', { className: 'map-note', text: `${map.method.toUpperCase()} projection of ${plural(map.realRows, 'real row')} and ${plural(map.syntheticRows, 'synthetic row')} (${map.embedder}).` }),
      mapChart(map, { regionText, ...(canReveal ? { onPick: reveal } : {}) }),
      flaggedList(map.points, canReveal ? reveal : undefined),
    );
  } else {
    children.push(el('p', { className: 'muted', text: 'No map in this report.' }));
  }
  const reference = snapshot.referenceFiles.length === 1 ? snapshot.referenceFiles[0] : undefined;
  if (snapshot.coverage.missing.length > 0) {
    children.push(el('h3', { text: 'Real rows synthetic rows never reach' }), clusterList(snapshot.coverage.missing, context, reference ? { file: reference } : undefined));
  }
  if (snapshot.coverage.syntheticOnly.length > 0) {
    children.push(el('h3', { text: 'Synthetic rows with no real rows near' }), clusterList(snapshot.coverage.syntheticOnly, context, {}));
  }
  return section('map', 'Map', children);
}

/** The flagged points as a list, so they are reachable without a mouse. */
function flaggedList(points: readonly MapPoint[], reveal: ((point: MapPoint) => void) | undefined): HTMLElement {
  const flagged = points.filter((point) => point.flagged).slice(0, MAX_LISTED_POINTS);
  const items = flagged.map((point) => {
    const text = `Line ${point.line}: ${point.text}`;
    return el('li', {}, [reveal ? button(text, () => reveal(point), { kind: 'link' }) : el('span', { text })]);
  });
  return el('details', { className: 'point-list' }, [el('summary', { text: `Flagged rows on the map (${plural(flagged.length, 'row')})` }), el('ul', {}, items)]);
}

function clusterList(clusters: readonly CoverageCluster[], context: PanelContext, target: { readonly file?: string } | undefined): HTMLElement {
  const items = clusters.map((cluster) => {
    const head = `${cluster.label !== undefined ? `${cluster.label}: ` : ''}${formatShare(cluster.realShare)} of real rows, ${formatShare(cluster.syntheticShare)} of synthetic rows`;
    const examples = cluster.examples.map((text, i) => {
      const line = cluster.exampleLines[i];
      const canReveal = context.hostKind === 'vscode' && target !== undefined && line !== undefined;
      const quote = el('q', { text });
      if (!canReveal) return el('li', {}, [quote]);
      return el('li', {}, [button(`Line ${line}`, () => context.post({ type: 'revealRow', line, ...target }), { kind: 'link' }), document.createTextNode(' '), quote]);
    });
    return el('li', { className: 'cluster' }, [el('span', { text: head }), el('ul', { className: 'examples' }, examples)]);
  });
  return el('ul', { className: 'clusters' }, items);
}
