/** Mode collapse: near-duplicate groups with their sizes, examples and lines; diversity real against synthetic. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import { diversityChart } from '../charts/diversityChart';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatDecimal, plural } from '../format';
import { legend } from './legend';

export function modeCollapseSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const { diversity } = snapshot;
  const groups = diversity.nearDuplicateGroups.map((group) => {
    const lines = group.lines.map((line) =>
      context.hostKind === 'vscode' ? button(`Line ${line}`, () => context.post({ type: 'revealRow', line }), { kind: 'link' }) : el('span', { className: 'line-ref', text: `Line ${line}` }),
    );
    return el('li', { className: 'duplicate-group' }, [
      el('span', { className: 'group-size', text: plural(group.size, 'row') }),
      el('ul', { className: 'examples' }, group.examples.map((text) => el('li', {}, [el('q', { text })]))),
      el('p', { className: 'group-lines' }, lines),
    ]);
  });
  const similarity = `Mean similarity to the nearest row on the same side: ${formatDecimal(diversity.real.meanNearestSimilarity, 2)} real, ${formatDecimal(diversity.synthetic.meanNearestSimilarity, 2)} synthetic.`;
  return section('mode-collapse', 'Mode collapse', [
    el('p', { text: diversity.sentence }),
    // Which embedding and cosine the groups rest on; with the hashed embedding, that paraphrases are not detected.
    ...(diversity.method ? [el('p', { className: 'muted grouping-method', text: diversity.method })] : []),
    legend(),
    diversityChart(diversity),
    el('p', { className: 'muted', text: similarity }),
    ...(groups.length > 0 ? [el('h3', { text: diversity.paraphrases ? 'Near-duplicate and paraphrase groups' : 'Near-duplicate groups' }), el('ol', { className: 'duplicate-groups' }, groups)] : []),
  ]);
}
