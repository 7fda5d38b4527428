/** Phrases over-used on each side, with both sides' counts and rates; clicking one finds it in the file. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatCount, formatDecimal, formatValue, plural } from '../format';
import type { PhraseStat } from '../types';

type Phrases = PanelSnapshot['phrases'];

export function phrasesSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const { phrases } = snapshot;
  const tested = phrases.tested === undefined ? '' : ` Of ${plural(phrases.tested, 'phrase')} tested, a phrase is listed when its rate differs beyond chance.`;
  const none = phrases.overSynthetic.length + phrases.overReal.length === 0;
  return section('phrases', 'Phrases', [
    el('p', { className: 'muted', text: `Counts rest on ${formatCount(phrases.realRows)} real and ${formatCount(phrases.syntheticRows)} synthetic rows; rates are per 1,000 rows of each side.${tested}` }),
    ...(none
      ? [el('p', { className: 'phrases-none', text: noPhraseText(phrases) })]
      : [
          el('div', { className: 'phrase-tables' }, [
            phraseTable('More common in synthetic rows', phrases.overSynthetic, phrases, 'synthetic', context),
            phraseTable('More common in real rows', phrases.overReal, phrases, 'real', context),
          ]),
        ]),
  ]);
}

/** The same sentence the terminal and the Markdown report print (core exporters/sentences.ts noPhraseText). */
function noPhraseText(phrases: Phrases): string {
  if (phrases.realRows === 0 || phrases.syntheticRows === 0) return 'No phrase was compared: one side has no rows.';
  if (phrases.tested === 0) return 'No phrase is in enough rows to show a difference between the sides.';
  const tested = phrases.tested === undefined ? '' : ` (tested ${plural(phrases.tested, 'phrase')})`;
  return `No phrase is used more on one side than the other${tested}.`;
}

function perThousand(count: number, rows: number): string {
  if (!(rows > 0)) return 'n/a';
  return count === 0 ? '0' : formatValue((1000 * count) / rows);
}

function phraseTable(caption: string, stats: readonly PhraseStat[], phrases: Phrases, side: 'synthetic' | 'real', context: PanelContext): HTMLElement {
  if (stats.length === 0) return el('div', {}, [el('h3', { text: caption }), el('p', { className: 'muted', text: 'None stands out.' })]);
  const columns = ['Phrase', 'Synthetic rows', 'per 1,000', 'Real rows', 'per 1,000', 'z'];
  const head = el('tr', {}, columns.map((text) => el('th', { text, attrs: { scope: 'col' } })));
  const rows = stats.map((stat) => {
    const find = () => context.post({ type: 'findPhrase', phrase: stat.phrase, side });
    const phrase = context.hostKind === 'vscode' ? button(stat.phrase, find, { kind: 'link', title: `Find “${stat.phrase}” in the ${side === 'real' ? 'reference' : 'dataset'}` }) : el('span', { text: stat.phrase });
    const num = (text: string, className = 'num') => el('td', { className, text });
    return el('tr', {}, [
      el('td', {}, [phrase]),
      num(formatCount(stat.syntheticCount)),
      num(perThousand(stat.syntheticCount, phrases.syntheticRows), 'num rate'),
      num(formatCount(stat.realCount)),
      num(perThousand(stat.realCount, phrases.realRows), 'num rate'),
      num(formatDecimal(stat.z, 1)),
    ]);
  });
  return el('table', { className: `phrase-table phrases-${side}` }, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, rows)]);
}
