/** Where they differ: the ranked gaps as sentences, each with its small chart; one at a time opens larger. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import { distributionChart } from '../charts/distributionChart';
import type { PanelContext } from '../context';
import { el, section } from '../dom';
import { formatDecimal, formatValue } from '../format';
import type { FeatureGap } from '../types';
import { legend } from './legend';

export function gapsSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  if (snapshot.gaps.length === 0) return section('gaps', 'Where they differ', [el('p', { text: 'No feature differs measurably.' })]);
  const items = snapshot.gaps.map((gap, rank) => gapItem(gap, rank, context));
  return section('gaps', 'Where they differ', [legend(), el('ol', { className: 'gap-list' }, items)]);
}

function gapItem(gap: FeatureGap, rank: number, context: PanelContext): HTMLElement {
  const open = context.state.selectedGap === gap.feature;
  const detailsId = `gap-details-${rank}`;
  const toggle = el('button', {
    className: 'gap-toggle',
    text: open ? 'Hide details' : 'Details',
    attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': detailsId, 'data-focus': `gap-${gap.feature}` },
  });
  toggle.addEventListener('click', () => context.update(open ? { selectedGap: undefined } : { selectedGap: gap.feature }));
  const item = el('li', { className: 'gap-item', attrs: { 'data-feature': gap.feature } }, [
    el('div', { className: 'gap-text' }, [el('h3', { text: gap.name }), el('p', { text: gap.sentence }), toggle]),
    distributionChart(gap, 'small'),
  ]);
  if (open) {
    const facts = `Mean ${formatValue(gap.real.mean)} real, ${formatValue(gap.synthetic.mean)} synthetic; median ${formatValue(gap.real.median)} real, ${formatValue(gap.synthetic.median)} synthetic; effect ${formatDecimal(gap.effect, 2)}, KS ${formatDecimal(gap.ks, 2)}.`;
    item.append(el('div', { className: 'gap-details', attrs: { id: detailsId } }, [distributionChart(gap, 'large'), el('p', { className: 'gap-facts', text: facts })]));
  }
  return item;
}
