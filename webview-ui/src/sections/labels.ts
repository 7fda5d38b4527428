/** Per label: a sortable table of AUC and top gap per label, and labels found on one side only. */
import type { PanelSnapshot, PanelUiState } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { breakable, el, section } from '../dom';
import { formatAuc, formatCount } from '../format';
import { sortLabels } from '../data/sortLabels';
import { sortHeader } from './sortHeader';

type LabelSort = PanelUiState['labelSort'];

const COLUMNS: readonly { readonly key: LabelSort['key']; readonly label: string }[] = [
  { key: 'label', label: 'Label' },
  { key: 'auc', label: 'AUC' },
  { key: 'realRows', label: 'Real rows' },
  { key: 'syntheticRows', label: 'Synthetic rows' },
];

export function labelsSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const { byLabel } = snapshot;
  if (byLabel.labels.length === 0 && byLabel.onlyReal.length === 0 && byLabel.onlySynthetic.length === 0) {
    return section('labels', 'Per label', [el('p', { className: 'muted', text: 'The rows have no labels.' })]);
  }
  const sort = context.state.labelSort;
  const names = new Map(snapshot.gaps.map((gap) => [gap.feature, gap.name]));
  const headers = COLUMNS.map(({ key, label }) =>
    sortHeader(label, `label-${key}`, sort.key === key, sort.descending, () => context.update({ labelSort: { key, descending: sort.key === key ? !sort.descending : key !== 'label' } })),
  );
  const rows = sortLabels(byLabel.labels, sort).map((stat) =>
    el('tr', {}, [
      el('th', { attrs: { scope: 'row' } }, [breakable(stat.label)]),
      el('td', { className: 'num', text: formatAuc(stat.auc) }),
      el('td', { className: 'num', text: formatCount(stat.realRows) }),
      el('td', { className: 'num', text: formatCount(stat.syntheticRows) }),
      el('td', { text: stat.topGap !== undefined ? (names.get(stat.topGap) ?? stat.topGap) : '' }),
    ]),
  );
  const columns = el('colgroup', {}, ['col-label-name', 'col-auc', 'col-count', 'col-count', 'col-top-gap'].map((className) => el('col', { className })));
  const table = el('table', { className: 'labels-table' }, [
    el('caption', { text: 'AUC per label: 0.5 means the sides cannot be told apart' }),
    columns,
    el('thead', {}, [el('tr', {}, [...headers, el('th', { text: 'Top gap', attrs: { scope: 'col' } })])]),
    el('tbody', {}, rows),
  ]);
  const oneSided: HTMLElement[] = [];
  if (byLabel.onlyReal.length > 0) oneSided.push(el('p', { text: `Only in real rows: ${byLabel.onlyReal.join(', ')}` }));
  if (byLabel.onlySynthetic.length > 0) oneSided.push(el('p', { text: `Only in synthetic rows: ${byLabel.onlySynthetic.join(', ')}` }));
  // Fixed columns that wrap keep the table inside a 600 px panel; many labels scroll inside the box, not the page.
  const box = el('div', { className: 'labels-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': `AUC per label, ${byLabel.labels.length} labels` } }, [table]);
  return section('labels', 'Per label', [box, ...oneSided]);
}
