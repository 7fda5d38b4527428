/** The reference set's noise profile, and the probe: what training on each side does to accuracy on real rows. */
import type { PanelProbeScore, PanelSnapshot } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatCount, formatShare, plural } from '../format';
import { learningCurveChart } from '../charts/learningCurveChart';

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
    const models: [string, PanelProbeScore | undefined][] = [
      ['Real rows only', probe.realOnly],
      ['Synthetic rows only', probe.syntheticOnly],
      ['Real + synthetic', probe.blend],
    ];
    const how = probe.folds ? `, ${formatCount(probe.folds)}-fold cross-validation of the reference` : '';
    const labels = probe.labels !== undefined ? `, ${plural(probe.labels, 'label')}` : '';
    const basis = probe.testRows !== undefined ? `Accuracy on ${plural(probe.testRows, 'held-out real row')}${labels}${how}.` : 'Accuracy on held-out real rows.';
    const head = el('tr', {}, [['Trained on', ''], ['Rows', 'num'], ['Accuracy, 95% interval', 'num'], ['Macro-F1', 'num']].map(([text, className]) => el('th', { text, className, attrs: { scope: 'col' } })));
    const columns = el('colgroup', {}, ['col-probe-model', 'col-probe-rows', 'col-probe-accuracy', 'col-probe-f1'].map((className) => el('col', { className })));
    const body = models.map(([name, score]) =>
      el('tr', {}, [
        el('th', { text: name, attrs: { scope: 'row' } }),
        el('td', { className: 'num', text: score ? formatCount(score.trainedRows) : 'n/a' }),
        el('td', { className: 'num probe-accuracy', text: score ? `${formatShare(score.accuracy)} (${formatShare(score.low)}–${formatShare(score.high)})` : 'n/a' }),
        el('td', { className: 'num', text: score ? formatShare(score.macroF1) : 'n/a' }),
      ]),
    );
    const table = el('table', { className: 'probe-table' }, [columns, el('thead', {}, [head]), el('tbody', {}, body)]);
    const sentences = (probe.sentences ?? []).map((text) => el('p', { className: 'probe-difference', text }));
    const curve = probe.curve && probe.worth && probe.curve.length > 1
      ? [el('p', { className: 'probe-worth', text: probe.worthSentence ?? '' }), el('div', { className: 'probe-curve' }, [learningCurveChart(probe.curve, probe.worth)])]
      : [];
    return el('div', { className: 'probe' }, [el('p', { className: 'probe-basis', text: basis }), el('div', { className: 'table-fit' }, [table]), ...sentences, ...curve]);
  }
  if (probe) return el('p', { className: 'probe', text: probe.message ?? (probe.state === 'failed' ? 'The probe failed.' : 'The probe is unavailable.') });
  if (!snapshot.hasLabels) return el('p', { className: 'muted probe', text: 'The probe needs labels on both sides.' });
  if (context.hostKind !== 'vscode') return el('p', { className: 'muted probe', text: 'The probe was not run for this report.' });
  return el('p', { className: 'probe' }, [
    document.createTextNode('Train a small classifier on each side and compare accuracy on real rows (takes seconds). '),
    button('Run probe', () => context.post({ type: 'runProbe' }), { className: 'run-probe' }),
  ]);
}
