/**
 * Where they differ: the gaps that matter (effect size at least the terminal's negligible one), largest first, as
 * sentences with small charts, one at a time opening larger; the rest folded under "No difference".
 */
import type { PanelSnapshot } from '../../../src/shared/panel';
import { distributionChart } from '../charts/distributionChart';
import type { PanelContext } from '../context';
import { el, section } from '../dom';
import { formatDecimal, formatValue, plural } from '../format';
import type { FeatureGap } from '../types';
import { legend } from './legend';

export function gapsSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  if (snapshot.gaps.length === 0) return section('gaps', 'Where they differ', [el('p', { text: 'No feature differs measurably.' })]);
  // The terminal's rule: a gap under the negligible effect size is not a gap. Order stays the report's (largest first).
  const matter = snapshot.gaps.filter((gap) => gap.size >= snapshot.negligibleEffect);
  const rest = snapshot.gaps.filter((gap) => !(gap.size >= snapshot.negligibleEffect));
  const children: Node[] = [legend()];
  if (matter.length > 0) {
    children.push(el('ol', { className: 'gap-list' }, matter.map((gap, rank) => gapItem(gap, rank, context))));
  } else {
    children.push(el('p', { className: 'no-gaps', text: `No style feature differs by more than a negligible amount (effect size under ${formatDecimal(snapshot.negligibleEffect, 1)}).` }));
  }
  if (rest.length > 0) {
    const items = rest.map((gap, i) => gapItem(gap, matter.length + i, context));
    const summary = el('summary', { text: `No difference (${plural(rest.length, 'feature')})`, attrs: { 'data-focus': 'gaps-no-difference' } });
    const fold = el('details', { className: 'no-difference' }, [
      summary,
      el('p', { className: 'muted', text: `Effect size under ${formatDecimal(snapshot.negligibleEffect, 1)}: too small to matter.` }),
      el('ol', { className: 'gap-list' }, items),
    ]);
    // Open stays open across re-renders: it is UI state, like the chart a user opened inside it.
    if (context.state.noDifferenceOpen || rest.some((gap) => gap.feature === context.state.selectedGap)) fold.setAttribute('open', '');
    fold.addEventListener('toggle', () => {
      if (fold.open === Boolean(context.state.noDifferenceOpen)) return;
      // Closing the fold closes a chart open inside it, or the next render would open the fold again.
      const closesChart = !fold.open && rest.some((gap) => gap.feature === context.state.selectedGap);
      context.update({ noDifferenceOpen: fold.open, ...(closesChart ? { selectedGap: undefined } : {}) });
    });
    children.push(fold);
  }
  return section('gaps', 'Where they differ', children);
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
