/**
 * The panel's entry: in a VS Code webview it talks to the extension; in a saved page it reads the report from the
 * page's JSON data element. Only the components the panel uses are imported, to keep the bundle small.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import './styles.css';
import { STATIC_DATA_ELEMENT_ID, type StaticPanelData } from '../../src/shared/panel';
import { PanelApp } from './app';
import { applySeriesColors } from './theme';
import { startStaticPage } from './staticPage';
import { hasVsCodeApi, vscodeHost } from './host/vscodeHost';

function start(): void {
  // Lit adopts constructed stylesheets (allowed by the CSP); where it cannot, it injects <style> with this nonce.
  const nonce = document.currentScript?.nonce;
  if (nonce) (globalThis as { litNonce?: string }).litNonce = nonce;
  applySeriesColors(document.body);
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  if (hasVsCodeApi()) {
    new PanelApp(root, vscodeHost()).start();
    return;
  }
  const element = document.getElementById(STATIC_DATA_ELEMENT_ID);
  if (!element?.textContent) {
    root.textContent = 'This page has no report data.';
    return;
  }
  startStaticPage(root, JSON.parse(element.textContent) as StaticPanelData);
}

start();
