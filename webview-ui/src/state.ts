/** The panel's UI state: its defaults, and reading a saved one defensively (older versions may have saved less). */
import type { PanelUiState, ProjectionMethod } from '../../src/shared/panel';
import { DEFAULT_ROWS_QUERY } from './data/rowsPage';

export function defaultUiState(projection: ProjectionMethod = 'pca'): PanelUiState {
  return { scrollY: 0, rowsQuery: DEFAULT_ROWS_QUERY, labelSort: { key: 'auc', descending: true }, projection };
}

export function restoreUiState(saved: Partial<PanelUiState> | undefined): PanelUiState {
  const base = defaultUiState();
  if (!saved) return base;
  return {
    scrollY: typeof saved.scrollY === 'number' && saved.scrollY >= 0 ? saved.scrollY : 0,
    rowsQuery: { ...base.rowsQuery, ...(saved.rowsQuery ?? {}) },
    labelSort: saved.labelSort ?? base.labelSort,
    projection: saved.projection === 'umap' ? 'umap' : 'pca',
    ...(saved.selectedGap !== undefined ? { selectedGap: saved.selectedGap } : {}),
    ...(saved.noDifferenceOpen === true ? { noDifferenceOpen: true } : {}),
    ...(typeof saved.uri === 'string' ? { uri: saved.uri } : {}),
  };
}
