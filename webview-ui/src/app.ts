/**
 * The panel: keeps the newest snapshot (older sequence numbers are dropped), the page of rows on screen and the
 * UI state, which it saves with the host on every change and restores on load (scroll, sorts, open chart).
 */
import type { HostMessage, PanelMessage, PanelSnapshot, PanelUiState, RowsPage, RowsQuery } from '../../src/shared/panel';
import type { PanelContext } from './context';
import { sameQuery, withField } from './data/rowsPage';
import { el } from './dom';
import type { PanelHost } from './host/types';
import { fieldsSection } from './sections/fields';
import { gapsSection } from './sections/gaps';
import { headlineSection } from './sections/headline';
import { labelsSection } from './sections/labels';
import { mapSection } from './sections/map';
import { modeCollapseSection } from './sections/modeCollapse';
import { noiseSection } from './sections/noise';
import { phrasesSection } from './sections/phrases';
import { rowsSection } from './sections/rows';
import { toolbar } from './sections/toolbar';
import { restoreUiState } from './state';

export interface AppOptions {
  /** What a saved page left out of its rows, for the note above the rows table. */
  readonly rowsNote?: string;
}

export class PanelApp {
  private snapshot: PanelSnapshot | undefined;
  private shownSeq = -Infinity;
  private rows: RowsPage | undefined;
  private state: PanelUiState;
  private nextRequestId = 1;
  private pendingRequest: number | undefined;
  private scrollRestored = false;
  private readonly notice = el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private noticeTimer: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PanelHost,
    private readonly options: AppOptions = {},
  ) {
    this.state = restoreUiState(host.getState());
  }

  start(): void {
    this.host.onMessage((message) => this.receive(message));
    let saving: number | undefined;
    window.addEventListener('scroll', () => {
      if (!this.scrollRestored) return;
      window.clearTimeout(saving);
      saving = window.setTimeout(() => this.save({ scrollY: Math.round(window.scrollY) }), 100);
    });
    this.renderEmpty('Gap report', 'Waiting for the analysis…');
    this.host.post({ type: 'ready' });
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case 'snapshot':
        return this.showSnapshot(message.snapshot);
      case 'empty':
        if (message.seq < this.shownSeq) return;
        this.shownSeq = message.seq;
        this.snapshot = undefined;
        return this.renderEmpty(message.title, message.message);
      case 'rows':
        if (message.requestId !== this.pendingRequest) return;
        this.pendingRequest = undefined;
        if (message.page) {
          this.rows = message.page;
          this.save({ rowsQuery: message.page.query });
        } else {
          this.showNotice('The rows are not available right now.');
        }
        return this.render();
      case 'probe':
        if (!this.snapshot || message.seq < this.snapshot.seq) return;
        this.snapshot = { ...this.snapshot, probe: message.probe };
        return this.render();
      case 'notice':
        return this.showNotice(message.message);
    }
  }

  private showSnapshot(snapshot: PanelSnapshot): void {
    if (snapshot.seq < this.shownSeq) return;
    this.shownSeq = snapshot.seq;
    this.snapshot = snapshot;
    this.rows = snapshot.rows;
    // Kept with the UI state so that VS Code's serializer can reopen the panel on this file after a reload.
    if (this.state.uri !== snapshot.uri) this.save({ uri: snapshot.uri });
    // A field filter saved for another file (or a file no longer read field by field) would hide every row.
    const field = this.state.rowsQuery.field;
    if (field !== undefined && !snapshot.fields?.some((f) => f.field === field)) {
      this.save({ rowsQuery: withField(this.state.rowsQuery, undefined) });
    }
    // The snapshot carries the default first page; ask again for the page the user was on.
    if (!sameQuery(snapshot.rows.query, this.state.rowsQuery)) this.requestRows(this.state.rowsQuery);
    this.render();
  }

  private context(snapshot: PanelSnapshot): PanelContext {
    return {
      hostKind: this.host.kind,
      state: this.state,
      rows: this.rows ?? snapshot.rows,
      loadingRows: this.pendingRequest !== undefined,
      post: (message: PanelMessage) => this.host.post(message),
      update: (change: Partial<PanelUiState>) => {
        this.save(change);
        this.render();
      },
      requestRows: (query: RowsQuery) => this.requestRows(query),
    };
  }

  private requestRows(query: RowsQuery): void {
    const requestId = this.nextRequestId++;
    this.pendingRequest = requestId;
    this.save({ rowsQuery: query });
    this.host.post({ type: 'requestRows', requestId, query });
    if (this.snapshot) this.render();
  }

  private save(change: Partial<PanelUiState>): void {
    this.state = { ...this.state, ...change };
    this.host.setState(this.state);
  }

  private render(): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const focusKey = document.activeElement?.closest('[data-focus]')?.getAttribute('data-focus');
    const scrollY = window.scrollY;
    const context = this.context(snapshot);
    const main = el('main', { className: 'sections' }, [
      headlineSection(snapshot, context),
      ...fieldsSection(snapshot, context),
      gapsSection(snapshot, context),
      mapSection(snapshot, context),
      phrasesSection(snapshot, context),
      modeCollapseSection(snapshot, context),
      labelsSection(snapshot, context),
      rowsSection(snapshot, context, this.options.rowsNote),
      noiseSection(snapshot, context),
    ]);
    this.root.replaceChildren(toolbar(snapshot, context, `Gap report: ${snapshot.file}`), this.notice, main);
    document.title = `Gap report: ${snapshot.file}`;
    if (focusKey) this.root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
    if (this.scrollRestored) {
      window.scrollTo(0, scrollY);
    } else {
      this.scrollRestored = true;
      window.scrollTo(0, this.state.scrollY);
    }
  }

  private renderEmpty(title: string, message: string): void {
    this.root.replaceChildren(el('header', { className: 'toolbar' }, [el('h1', { text: title })]), this.notice, el('p', { className: 'empty', text: message }));
  }

  private showNotice(message: string): void {
    this.notice.textContent = message;
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => {
      this.notice.textContent = '';
    }, 8000);
  }
}
