/** Phrases over-used on each side, with counts; clicking one finds it in the file. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatCount, formatDecimal } from '../format';
import type { PhraseStat } from '../types';

export function phrasesSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const { phrases } = snapshot;
  return section('phrases', 'Phrases', [
    el('p', { className: 'muted', text: `Counts rest on ${formatCount(phrases.realRows)} real and ${formatCount(phrases.syntheticRows)} synthetic rows.` }),
    el('div', { className: 'phrase-tables' }, [
      phraseTable('More common in synthetic rows', phrases.overSynthetic, 'synthetic', context),
      phraseTable('More common in real rows', phrases.overReal, 'real', context),
    ]),
  ]);
}

function phraseTable(caption: string, stats: readonly PhraseStat[], side: 'synthetic' | 'real', context: PanelContext): HTMLElement {
  if (stats.length === 0) return el('div', {}, [el('h3', { text: caption }), el('p', { className: 'muted', text: 'None stands out.' })]);
  const head = el('tr', {}, ['Phrase', 'Synthetic', 'Real', 'z'].map((text) => el('th', { text, attrs: { scope: 'col' } })));
  const rows = stats.map((stat) => {
    const find = () => context.post({ type: 'findPhrase', phrase: stat.phrase, side });
    const phrase = context.hostKind === 'vscode' ? button(stat.phrase, find, { kind: 'link', title: `Find “${stat.phrase}” in the ${side === 'real' ? 'reference' : 'dataset'}` }) : el('span', { text: stat.phrase });
    return el('tr', {}, [el('td', {}, [phrase]), el('td', { className: 'num', text: formatCount(stat.syntheticCount) }), el('td', { className: 'num', text: formatCount(stat.realCount) }), el('td', { className: 'num', text: formatDecimal(stat.z, 1) })]);
  });
  return el('table', { className: `phrase-table phrases-${side}` }, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, rows)]);
}
