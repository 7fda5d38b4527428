/** The toolbar: the report's title, exports, the probe and the map's projection. Editor actions only in VS Code. */
import type { PanelSnapshot, ProjectionMethod } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, custom, el } from '../dom';

export function toolbar(snapshot: PanelSnapshot | undefined, context: PanelContext, title: string): HTMLElement {
  const actions: HTMLElement[] = [];
  if (context.hostKind === 'vscode' && snapshot) {
    actions.push(button('Save as HTML', () => context.post({ type: 'saveHtml' }), { secondary: true, className: 'save-html' }));
    actions.push(button('Copy as Markdown', () => context.post({ type: 'copyMarkdown' }), { secondary: true, className: 'copy-markdown' }));
    if (snapshot.hasLabels && !snapshot.probe) actions.push(button('Run probe', () => context.post({ type: 'runProbe' }), { secondary: true, className: 'run-probe' }));
    if (snapshot.map) actions.push(projectionSelect(snapshot.map.method, context));
  }
  return el('header', { className: 'toolbar', attrs: { id: 'toolbar' } }, [el('h1', { text: title }), el('div', { className: 'toolbar-actions' }, actions)]);
}

/** Shows the projection the map was drawn with; a choice is saved and sent, the next snapshot brings the map. */
function projectionSelect(shown: ProjectionMethod, context: PanelContext): HTMLElement {
  const select = custom('vscode-single-select', { className: 'projection', attrs: { 'aria-label': 'Map projection', 'data-focus': 'projection' } });
  for (const [value, text] of [['pca', 'PCA'], ['umap', 'UMAP']] as const) {
    const option = custom('vscode-option', { text, attrs: { value } });
    if (value === shown) option.setAttribute('selected', '');
    select.append(option);
  }
  select.addEventListener('change', () => {
    const value = (select as HTMLElement & { value: string }).value;
    const method: ProjectionMethod = value === 'umap' ? 'umap' : 'pca';
    if (method === shown) return;
    context.update({ projection: method });
    context.post({ type: 'setProjection', method });
  });
  return el('label', { className: 'projection-label' }, [document.createTextNode('Map: '), select]);
}
