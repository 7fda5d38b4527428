/**
 * The host of a saved report page: no editor behind it. It answers requestRows from the rows embedded in the
 * page (sorted and paged like the server does), keeps UI state in memory, and answers editor-only actions with
 * a notice. Every posted message is also dispatched as a `synthgap-post` event on window, which tests listen to.
 */
import type { HostMessage, PanelMessage, PanelUiState, StaticDataset } from '../../../src/shared/panel';
import { pageRows } from '../data/rowsPage';
import type { PanelHost } from './types';

/** The host of one dataset of the page (a page of several shows one at a time). */
export function staticHost(data: StaticDataset): PanelHost {
  const handlers: ((message: HostMessage) => void)[] = [];
  let state: PanelUiState | undefined;
  const send = (message: HostMessage): void => {
    // Answers arrive asynchronously, as they do from the extension.
    queueMicrotask(() => handlers.forEach((handler) => handler(message)));
  };
  return {
    kind: 'static',
    post(message: PanelMessage) {
      window.dispatchEvent(new CustomEvent('synthgap-post', { detail: message }));
      const answer = answerFor(data, message);
      if (answer) send(answer);
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    getState: () => state,
    setState(next) {
      state = next;
    },
  };
}

function answerFor(data: StaticDataset, message: PanelMessage): HostMessage | undefined {
  switch (message.type) {
    case 'ready':
      return { type: 'snapshot', snapshot: data.snapshot };
    case 'requestRows':
      return { type: 'rows', requestId: message.requestId, page: pageRows(data.rows, message.query) };
    case 'revealRow':
      return { type: 'notice', message: `Open ${message.file ?? data.snapshot.file} in VS Code to go to line ${message.line}.` };
    case 'roughenRow':
    case 'findPhrase':
    case 'runProbe':
    case 'setProjection':
    case 'saveHtml':
    case 'copyMarkdown':
      return { type: 'notice', message: 'This is a saved report: open the dataset in VS Code for this.' };
  }
}
