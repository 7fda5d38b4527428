/** A sortable column header: a button inside a `<th>` that carries `aria-sort`. */
import { el } from '../dom';

export function sortHeader(label: string, key: string, active: boolean, descending: boolean, onSort: () => void): HTMLElement {
  const arrow = active ? (descending ? ' ▼' : ' ▲') : '';
  const sortButton = el('button', { className: 'sort-button', text: `${label}${arrow}`, attrs: { type: 'button', 'data-sort': key, 'data-focus': `sort-${key}` } });
  sortButton.addEventListener('click', onSort);
  return el('th', { attrs: { scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' } }, [sortButton]);
}
