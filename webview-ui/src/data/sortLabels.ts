/** Sorting the per-label table. Pure, so it is unit-tested in node. */
import type { PanelUiState } from '../../../src/shared/panel';
import type { LabelStat } from '../types';

/** A sorted copy; ties by label, so the order never depends on the input's. */
export function sortLabels(labels: readonly LabelStat[], sort: PanelUiState['labelSort']): LabelStat[] {
  const sign = sort.descending ? -1 : 1;
  const byLabel = (a: LabelStat, b: LabelStat): number => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  return labels.slice().sort((a, b) => {
    const primary = sort.key === 'label' ? byLabel(a, b) : a[sort.key] - b[sort.key];
    return sign * primary || byLabel(a, b);
  });
}
