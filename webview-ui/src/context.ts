/** What every section gets: the snapshot's host actions and the UI state it may read and change. */
import type { PanelMessage, PanelUiState, RowsPage, RowsQuery } from '../../src/shared/panel';

export interface PanelContext {
  /** `static` for a saved report page: editor actions are hidden there. */
  readonly hostKind: 'vscode' | 'static';
  readonly state: PanelUiState;
  /** The page of rows on screen (the snapshot's first page until another is asked for). */
  readonly rows: RowsPage;
  /** Whether a rows request is on its way. */
  readonly loadingRows: boolean;
  post(message: PanelMessage): void;
  /** Changes the UI state, saves it with the host and re-renders what depends on it. */
  update(change: Partial<PanelUiState>): void;
  requestRows(query: RowsQuery): void;
}
