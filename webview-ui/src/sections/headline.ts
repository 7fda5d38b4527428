/** The headline: verdict, AUC with its interval, rows flagged, sizes, warnings and skipped lines. */
import type { PanelSnapshot } from '../../../src/shared/panel';
import type { FileError } from '../types';
import type { PanelContext } from '../context';
import { button, custom, el, section } from '../dom';
import { fileName, formatAuc, formatAucRange, formatCount, formatShare, plural } from '../format';
import { verdictText } from './verdicts';

export function headlineSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement {
  const { summary } = snapshot;
  const verdict = custom('vscode-badge', { className: `verdict verdict-${summary.verdict}`, text: verdictText(summary.verdict), attrs: { variant: 'counter' } });
  const flaggedShare = summary.rows > 0 ? summary.flagged / summary.rows : NaN;
  const figures = el('dl', { className: 'figures' }, [
    figure('AUC', `${formatAuc(summary.auc)} (95% interval ${formatAucRange(summary.aucLow, summary.aucHigh)})`, 'headline-auc'),
    figure('Rows flagged', `${formatCount(summary.flagged)} of ${formatCount(summary.rows)} (${formatShare(flaggedShare)})`, 'headline-flagged'),
    figure('Reference rows', `${formatCount(summary.referenceRows)} in ${snapshot.referenceFiles.map(fileName).join(', ') || 'no file'}`, 'headline-reference'),
    figure('Dataset rows', formatCount(summary.rows), 'headline-rows'),
    figure('Copied from the reference', `${plural(snapshot.leakage.exact, 'row')} exactly, ${plural(snapshot.leakage.near, 'row')} nearly`, 'headline-leakage'),
  ]);
  const notes: HTMLElement[] = [];
  if (snapshot.skipped > 0) notes.push(skippedNote(snapshot.skipped, snapshot.errors, 'the dataset', context, undefined));
  if (snapshot.referenceSkipped > 0) notes.push(skippedNote(snapshot.referenceSkipped, snapshot.referenceErrors, 'the reference', context, true));
  const warnings = [...snapshot.warnings.map((text) => el('li', { text })), ...notes];
  return section('headline', 'Headline', [
    el('p', { className: 'verdict-line' }, [verdict, el('span', { className: 'headline-sentence', text: summary.headline })]),
    // The kind of gap, its figures and the lever (src/core/gap/gapKind.ts); absent in reports written before it.
    ...(summary.gapKindEvidence ? [el('p', { className: 'gap-kind', text: summary.gapKindEvidence.sentence, attrs: { id: 'headline-gap-kind' } })] : []),
    figures,
    ...(warnings.length > 0 ? [el('ul', { className: 'warnings', attrs: { 'aria-label': 'Warnings' } }, warnings)] : []),
  ]);
}

function figure(term: string, value: string, id: string): HTMLElement {
  return el('div', { className: 'figure' }, [el('dt', { text: term }), el('dd', { text: value, attrs: { id } })]);
}

function skippedNote(count: number, errors: readonly FileError[], where: string, context: PanelContext, reference: true | undefined): HTMLElement {
  const item = el('li', { text: `${plural(count, 'line')} of ${where} skipped for bad input. ` });
  const first = errors[0];
  if (first) {
    const label = `First: ${fileName(first.file)}:${first.line}, ${first.message}`;
    if (context.hostKind === 'vscode') {
      const reveal = () => context.post({ type: 'revealRow', line: first.line, ...(reference ? { file: first.file } : {}) });
      item.append(button(label, reveal, { kind: 'link', className: 'reveal-error' }));
    } else {
      item.append(el('span', { text: label }));
    }
  }
  return item;
}
