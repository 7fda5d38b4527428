/** What the panel needs from whoever hosts it: a VS Code webview or a saved HTML page. */
import type { HostMessage, PanelMessage, PanelUiState } from '../../../src/shared/panel';

export interface PanelHost {
  /** `vscode` can reveal rows, roughen, run the probe and export; `static` is a saved report page. */
  readonly kind: 'vscode' | 'static';
  post(message: PanelMessage): void;
  /** Calls `handler` for every message from the host, in order. */
  onMessage(handler: (message: HostMessage) => void): void;
  getState(): PanelUiState | undefined;
  setState(state: PanelUiState): void;
}
