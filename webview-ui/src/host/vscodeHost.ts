/**
 * The VS Code webview host. This is the only file that calls acquireVsCodeApi(), so the rest of the panel runs
 * in a plain browser too (saved reports, tests).
 */
import type { HostMessage, PanelMessage, PanelUiState } from '../../../src/shared/panel';
import type { PanelHost } from './types';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function hasVsCodeApi(): boolean {
  return typeof acquireVsCodeApi === 'function';
}

export function vscodeHost(): PanelHost {
  const api = acquireVsCodeApi();
  return {
    kind: 'vscode',
    post: (message: PanelMessage) => api.postMessage(message),
    onMessage(handler: (message: HostMessage) => void) {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isHostMessage(event.data)) handler(event.data);
      });
    },
    getState: () => (isUiState(api.getState()) ? (api.getState() as PanelUiState) : undefined),
    setState: (state: PanelUiState) => api.setState(state),
  };
}

const HOST_TYPES: ReadonlySet<string> = new Set(['snapshot', 'empty', 'rows', 'probe', 'notice']);

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && HOST_TYPES.has(String((data as { type?: unknown }).type));
}

function isUiState(state: unknown): boolean {
  if (typeof state !== 'object' || state === null) return false;
  const candidate = state as Partial<PanelUiState>;
  return typeof candidate.scrollY === 'number' && typeof candidate.rowsQuery === 'object' && candidate.rowsQuery !== null;
}
