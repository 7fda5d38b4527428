/**
 * By field: for a file read field by field (instruction data, chat files), how it was read, then each field against
 * the same field of the reference (AUC with its interval, verdict, the biggest gap, the phrases it over-uses), then
 * the pair checks. A field's name shows its rows in the table below. Nothing for a file read for one text.
 */
import type { PanelField, PanelSnapshot } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { button, el, section } from '../dom';
import { formatAuc, formatAucRange, plural } from '../format';
import { verdictText } from './verdicts';
import { withField } from '../data/rowsPage';

/** The section, or nothing (an empty list) for a file read for one text. */
export function fieldsSection(snapshot: PanelSnapshot, context: PanelContext): HTMLElement[] {
  const fields = snapshot.fields;
  if (!fields || fields.length === 0) return [];
  const children: HTMLElement[] = [];
  if (snapshot.schema) children.push(el('p', { className: 'fields-schema muted', text: snapshot.schema }));
  children.push(el('ul', { className: 'field-list' }, fields.map((field) => fieldItem(field, context))));
  if (snapshot.pairs) {
    children.push(
      el('h3', { className: 'pairs-title', text: snapshot.pairs.title }),
      el('ul', { className: 'pair-sentences' }, snapshot.pairs.sentences.map((text) => el('li', { text }))),
    );
  }
  return [section('fields', 'By field', children)];
}

function fieldItem(field: PanelField, context: PanelContext): HTMLElement {
  const { summary } = field;
  // The field's name filters the rows table to the rows whose flag is about it, and scrolls to the table.
  const show = () => {
    context.requestRows(withField(context.rows.query, field.field));
    document.getElementById('rows')?.scrollIntoView({ block: 'start' });
  };
  const name = button(field.field, show, { kind: 'link', className: 'field-name', title: `Show the rows whose flag is about ${field.field}` });
  const interval = Number.isFinite(summary.aucLow) && Number.isFinite(summary.aucHigh) ? ` (95% interval ${formatAucRange(summary.aucLow, summary.aucHigh)})` : '';
  // With too few texts the AUC says little: it is shown, as the terminal shows it, but dimmed.
  const weak = summary.verdict === 'insufficient-data';
  const figures = el('span', { className: 'field-figures' }, [
    el('span', { className: `field-verdict verdict-${summary.verdict}`, text: verdictText(summary.verdict) }),
    el('span', { className: `field-auc${weak ? ' muted' : ''}`, text: `AUC ${formatAuc(summary.auc)}${interval}` }),
    el('span', { className: 'field-rows muted', text: plural(field.rows, 'text') }),
  ]);
  const details: HTMLElement[] = [];
  const [gap] = field.gaps;
  if (gap) details.push(el('p', { className: 'field-gap', text: `Biggest gap: ${gap.sentence}`, attrs: { title: field.gaps.map((g) => g.sentence).join('\n') } }));
  if (field.overSynthetic.length > 0) {
    const phrases = field.overSynthetic.map((p) => `“${p.phrase}”`).join(', ');
    details.push(el('p', { className: 'field-phrases muted', text: `Over-used: ${phrases}` }));
  }
  return el('li', { className: 'field-item', attrs: { 'data-field': field.field } }, [el('div', { className: 'field-head' }, [name, figures]), ...details]);
}
