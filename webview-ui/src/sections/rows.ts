/**
 * Rows: a paged, sortable table of the rows, laid out for a 600 px panel: actions first (Roughen, Go to), then
 * line, score and label, then the text with its reasons below it, wrapping; click or Enter also reveals a row.
 */
import type { PanelRow, PanelSnapshot, RowSortKey } from '../../../src/shared/panel';
import type { PanelContext } from '../context';
import { breakable, button, custom, el, section } from '../dom';
import { formatCount, formatScore, formatShare } from '../format';
import { sortHeader } from './sortHeader';
import { withField } from '../data/rowsPage';

const COLUMNS: readonly { readonly key: RowSortKey; readonly label: string }[] = [
  { key: 'line', label: 'Line' },
  { key: 'score', label: 'Score' },
  { key: 'label', label: 'Label' },
];

export function rowsSection(snapshot: PanelSnapshot, context: PanelContext, rowsNote?: string): HTMLElement {
  const page = context.rows;
  const query = page.query;
  const editor = context.hostKind === 'vscode';
  const headers = COLUMNS.map(({ key, label }) =>
    sortHeader(label, `rows-${key}`, query.sort === key, query.descending, () =>
      context.requestRows({ ...query, offset: 0, sort: key, descending: query.sort === key ? !query.descending : key === 'score' }),
    ),
  );
  // Actions first: in a narrow panel the last columns are the ones a reader would have to scroll to.
  const head = el('tr', {}, [...(editor ? [el('th', { className: 'col-actions', text: 'Actions', attrs: { scope: 'col' } })] : []), ...headers, el('th', { className: 'col-text', text: 'Text and why', attrs: { scope: 'col' } })]);
  const widths = [...(editor ? ['col-actions'] : []), 'col-line', 'col-score', 'col-label', 'col-text'];
  const columns = el('colgroup', {}, widths.map((className) => el('col', { className })));
  const byField = (snapshot.fields?.length ?? 0) > 0;
  const body = page.rows.map((row) => rowElement(row, context, editor, byField));
  const table = el('table', { className: 'rows-table', attrs: { 'aria-busy': String(context.loadingRows) } }, [
    el('caption', { text: editor ? 'Rows, most synthetic-looking first by default. Enter, a click or "Go to" opens the row in the editor.' : 'Rows, most synthetic-looking first by default.' }),
    columns,
    el('thead', {}, [head]),
    el('tbody', {}, body),
  ]);
  const first = page.total === 0 ? 0 : query.offset + 1;
  const last = Math.min(page.total, query.offset + page.rows.length);
  const status = el('span', { className: 'page-status', text: `Rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}${context.loadingRows ? ' (loading…)' : ''}`, attrs: { role: 'status' } });
  const prev = button('Previous', () => context.requestRows({ ...query, offset: Math.max(0, query.offset - query.limit) }), { secondary: true, className: 'rows-prev' });
  const next = button('Next', () => context.requestRows({ ...query, offset: query.offset + query.limit }), { secondary: true, className: 'rows-next' });
  prev.setAttribute('data-focus', 'rows-prev');
  next.setAttribute('data-focus', 'rows-next');
  if (query.offset === 0) prev.setAttribute('disabled', '');
  if (last >= page.total) next.setAttribute('disabled', '');
  const flaggedOnly = custom('vscode-checkbox', { className: 'flagged-only', attrs: { label: 'Flagged rows only', 'data-focus': 'rows-flagged' } });
  if (query.flaggedOnly) flaggedOnly.setAttribute('checked', '');
  flaggedOnly.addEventListener('change', () => context.requestRows({ ...query, offset: 0, flaggedOnly: !query.flaggedOnly }));
  const controls = el('div', { className: 'rows-controls' }, [...fieldSelect(snapshot, context), flaggedOnly, prev, status, next]);
  const note = rowsNote ? [el('p', { className: 'muted rows-note', text: rowsNote })] : [];
  const fieldNote = query.field !== undefined ? [el('p', { className: 'muted field-note', text: `Rows whose flag is about ${query.field}. Records that are not flagged are about no one field and show under All fields only.` })] : [];
  return section('rows', 'Rows', [...note, controls, ...fieldNote, table]);
}

/** For a file read field by field: "All fields" or one field, whose rows (the flag is about it) the table shows. */
function fieldSelect(snapshot: PanelSnapshot, context: PanelContext): HTMLElement[] {
  const fields = snapshot.fields ?? [];
  if (fields.length === 0) return [];
  const query = context.rows.query;
  const select = el('select', { className: 'field-select', attrs: { id: 'rows-field', 'data-focus': 'rows-field' } });
  for (const [value, text] of [['', 'All fields'], ...fields.map((f): [string, string] => [f.field, f.field])]) {
    const option = el('option', { text, attrs: { value } });
    if (value === (query.field ?? '')) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    context.requestRows(withField(query, select.value === '' ? undefined : select.value));
  });
  return [el('label', { className: 'field-select-label' }, [document.createTextNode('Field '), select])];
}

/** The tag's tooltip: each field's own score (`Scores by field: instruction 0.502, output 0.979`). */
function fieldScoresTitle(row: PanelRow): Record<string, string> {
  const scores = Object.entries(row.fieldScores ?? {});
  return scores.length > 0 ? { title: `Scores by field: ${scores.map(([field, score]) => `${field} ${formatScore(score, 3)}`).join(', ')}` } : {};
}

/** `assistant · message 3`, `output`, or `whole record` for a record whose flag names no field. */
function fieldTag(row: PanelRow): string {
  if (row.field === undefined) return 'whole record';
  return row.turn !== undefined ? `${row.field} · message ${row.turn + 1}` : row.field;
}

function rowElement(row: PanelRow, context: PanelContext, editor: boolean, byField: boolean): HTMLElement {
  // A record read field by field names its field and chat message in a tag beside the text instead.
  const where = `${row.line}${row.turn !== undefined && !byField ? ` (turn ${row.turn})` : ''}`;
  const tag = byField ? fieldTag(row) : undefined;
  const score = `${formatScore(row.score, 3)}${row.flagged ? ' flagged' : ''}`;
  const reasons = el('ul', { className: 'reasons' }, row.reasons.map((reason) => el('li', { text: reason.message, attrs: { 'data-code': reason.code } })));
  const reveal = () => context.post({ type: 'revealRow', line: row.line, ...(row.turn !== undefined ? { turn: row.turn } : {}) });
  const cells: HTMLElement[] = [];
  if (editor) {
    const roughen = button('Roughen', () => context.post({ type: 'roughenRow', line: row.line, ...(row.turn !== undefined ? { turn: row.turn } : {}) }), { secondary: true, className: 'roughen', title: `Roughen line ${row.line}` });
    const goTo = button('Go to', reveal, { kind: 'link', className: 'go-to', title: `Go to line ${row.line}` });
    cells.push(el('td', {}, [el('div', { className: 'row-actions' }, [roughen, goTo])]));
  }
  cells.push(
    el('td', { className: 'num', text: where }),
    el('td', { className: `num${row.flagged ? ' flagged' : ''}`, text: score, attrs: { title: `Higher than ${formatShare(row.percentile)} of real rows` } }),
    el('td', { className: 'row-label' }, [breakable(row.label ?? '')]),
    el('td', { className: 'row-text-cell' }, [...(tag ? [el('span', { className: `field-tag${row.field === undefined ? ' field-tag-record' : ''}`, text: tag, attrs: fieldScoresTitle(row) })] : []), el('div', { className: 'row-text', text: row.text }), reasons]),
  );
  const label = `Line ${where}${tag ? `, ${tag}` : ''}, score ${score}`;
  const tr = el('tr', { className: 'data-row', attrs: { tabindex: '0', 'data-line': String(row.line), ...(row.field !== undefined ? { 'data-field': row.field } : {}), 'data-focus': `row-${row.line}-${row.turn ?? ''}`, 'aria-label': label } }, cells);
  tr.addEventListener('click', reveal);
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === tr) reveal();
  });
  return tr;
}
