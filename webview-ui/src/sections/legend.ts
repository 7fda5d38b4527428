/** The key to the charts' two sides (and the map's flagged marker), shown as swatches with words. */
import { el } from '../dom';

export function legend(withFlagged = false): HTMLElement {
  const item = (className: string, text: string): HTMLElement => el('span', { className: 'legend-item' }, [el('span', { className: `swatch ${className}`, attrs: { 'aria-hidden': 'true' } }), document.createTextNode(text)]);
  const items = [item('swatch-real', 'Real rows (solid)'), item('swatch-synthetic', 'Synthetic rows (hatched)')];
  if (withFlagged) items.push(item('swatch-flagged', 'Flagged synthetic rows (diamonds)'), item('swatch-region', 'Real rows with no synthetic rows near (circled)'));
  return el('p', { className: 'legend' }, items);
}
