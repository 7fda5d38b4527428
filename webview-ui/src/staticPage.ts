/**
 * A saved report page (the panel's "Save as HTML", `synthgap check --format html`): one dataset at a time, with
 * a file picker above the report when the check compared several files, and the reader's system theme when the
 * page was written without one (the CLI's pages). The chosen file is kept in the URL's hash, so a reload or a
 * shared link opens the same file.
 */
import type { StaticDataset, StaticPanelData } from '../../src/shared/panel';
import { PanelApp } from './app';
import { el } from './dom';
import { fileName, formatAuc, formatCount } from './format';
import { staticHost } from './host/staticHost';

export function startStaticPage(root: HTMLElement, data: StaticPanelData): void {
  if (document.body.dataset.synthgapTheme === 'auto') followSystemTheme();
  const datasets = data.datasets ?? [];
  if (datasets.length === 0) {
    root.textContent = 'This page has no report data.';
    return;
  }
  let current = el('div', { className: 'static-report' });
  const show = (index: number): void => {
    const dataset = datasets[index];
    const next = el('div', { className: 'static-report' });
    current.replaceWith(next);
    current = next;
    // A fresh panel per file: sorts, pages and the open chart belong to the file they were chosen on.
    new PanelApp(next, staticHost(dataset), dataset.rowsNote ? { rowsNote: dataset.rowsNote } : {}).start();
  };
  if (datasets.length === 1) {
    root.replaceChildren(current);
    show(0);
    return;
  }
  const first = Math.min(datasets.length - 1, Math.max(0, Number(/^#file-(\d+)$/.exec(location.hash)?.[1] ?? 1) - 1));
  const picker = filePicker(datasets, first, (index) => {
    history.replaceState(null, '', `#file-${index + 1}`);
    show(index);
    window.scrollTo(0, 0);
  });
  root.replaceChildren(picker, current);
  show(first);
}

/** `Report for [a.jsonl · AUC 0.91 · 120 of 2,000 flagged ▾] file 1 of the 3 this check compared with real.jsonl`, a native select. */
function filePicker(datasets: readonly StaticDataset[], selected: number, onChange: (index: number) => void): HTMLElement {
  const select = el('select', { className: 'file-picker-select', attrs: { id: 'file-picker', 'aria-describedby': 'file-picker-count' } });
  datasets.forEach((dataset, index) => {
    const { summary, file } = dataset.snapshot;
    const option = el('option', { text: `${fileName(file)} · AUC ${formatAuc(summary.auc)} · ${formatCount(summary.flagged)} of ${formatCount(summary.rows)} flagged`, attrs: { value: String(index), title: file } });
    if (index === selected) option.selected = true;
    select.append(option);
  });
  const count = el('span', { className: 'muted', attrs: { id: 'file-picker-count' } });
  const sayCount = () => {
    const references = datasets[select.selectedIndex]?.snapshot.referenceFiles.map(fileName).join(', ') || 'the reference';
    count.textContent = `file ${formatCount(select.selectedIndex + 1)} of the ${formatCount(datasets.length)} this check compared with ${references}`;
  };
  sayCount();
  select.addEventListener('change', () => {
    sayCount();
    onChange(select.selectedIndex);
  });
  return el('nav', { className: 'file-picker', attrs: { 'aria-label': 'Checked files' } }, [
    el('label', { text: 'Report for', attrs: { for: 'file-picker' } }),
    select,
    count,
  ]);
}

/** The page's theme follows the reader's system: VS Code's light or dark theme class, switched when it changes. */
function followSystemTheme(): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = (): void => {
    document.body.classList.toggle('vscode-dark', dark.matches);
    document.body.classList.toggle('vscode-light', !dark.matches);
    document.body.dataset.vscodeThemeKind = dark.matches ? 'vscode-dark' : 'vscode-light';
  };
  apply();
  dark.addEventListener('change', apply);
}
