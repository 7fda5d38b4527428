/** The reference set's noise profile, and the probe: what training on each side does to accuracy on real rows. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatCount, formatShare } from '../format';

export function noiseSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const profile = snapshot.noiseProfile;
  const children: Node[] = [];
  if (profile) {
    children.push(el('p', { className: 'muted', text: `How noisy the ${formatCount(profile.rows)} real rows are; "Roughen" copies this.` }));
    children.push(el('ul', { className: 'noise-sentences' }, profile.sentences.map((text) => el('li', { text }))));
    if (profile.wordQuantiles.length === 5) {
      const [p10, p25, p50, p75, p90] = profile.wordQuantiles.map((value) => formatCount(value));
      children.push(el('p', { text: `Words per real row: median ${p50}; half between ${p25} and ${p75}; 80% between ${p10} and ${p90}.` }));
    }
    if (profile.slangWords.length > 0) children.push(el('p', { text: `Slang they use: ${profile.slangWords.slice(0, 12).join(', ')}` }));
  } else {
    children.push(el('p', { className: 'muted', text: 'No noise profile in this report.' }));
  }
  children.push(el('h3', { text: 'Probe' }), probeBlock(snapshot, context));
  return section('noise', 'Noise profile and probe', children);
}

function probeBlock(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const probe = snapshot.probe;
  if (probe?.state === 'done') {
    const figures: [string, number | undefined][] = [
      ['Trained on real rows only', probe.realOnly],
      ['Trained on synthetic rows only', probe.syntheticOnly],
      ['Trained on both', probe.blend],
    ];
    const basis = probe.testRows !== undefined ? `Accuracy on ${formatCount(probe.testRows)} held-out real rows${probe.labels !== undefined ? ` over ${formatCount(probe.labels)} labels` : ''}.` : 'Accuracy on held-out real rows.';
    return el('div', { className: 'probe' }, [
      el('p', { text: basis }),
      el('dl', { className: 'figures' }, figures.map(([term, value]) => el('div', { className: 'figure' }, [el('dt', { text: term }), el('dd', { text: value === undefined ? 'n/a' : formatShare(value) })]))),
    ]);
  }
  if (probe) return el('p', { className: 'probe', text: probe.message ?? (probe.state === 'failed' ? 'The probe failed.' : 'The probe is unavailable.') });
  if (!snapshot.hasLabels) return el('p', { className: 'muted probe', text: 'The probe needs labels on both sides.' });
  if (context.hostKind !== 'vscode') return el('p', { className: 'muted probe', text: 'The probe was not run for this report.' });
  return el('p', { className: 'probe' }, [
    document.createTextNode('Train a small classifier on each side and compare accuracy on real rows (takes seconds). '),
    button('Run probe', () => context.post({ type: 'runProbe' }), { className: 'run-probe' }),
  ]);
}
