// CSS selectors of the VS Code 1.139 web workbench (code-server 4.139.1). VS Code does not promise them;
// keeping them in one file makes a VS Code upgrade a one-file fix.
export const SELECTORS = {
  workbench: '.monaco-workbench',
  editorArea: '.monaco-workbench .part.editor',
  statusBar: '.monaco-workbench .part.statusbar',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  /** The restricted-mode indicator on the left of the status bar. */
  restrictedModeStatus: '.monaco-workbench .part.statusbar #status\\.workspaceTrust',

  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputRowLabel: '.quick-input-widget .quick-input-list .monaco-list-row .label-name',

  activeTab: '.tabs-container .tab.active',
  activeEditor: '.part.editor .editor-group-container.active .monaco-editor',
  editorLines: '.view-lines .view-line',
  lineNumbers: '.margin-view-overlays .line-numbers',
  /** Squiggles are decorations in the overlay layer, one class per severity. */
  squiggle: '.view-overlays .cdr[class*="squiggly-"]',

  /** Editor hovers only: workbench tooltips (title bar, activity bar) are .monaco-hover.workbench-hover. */
  hover: '.monaco-editor .monaco-hover:not(.hidden):not(.workbench-hover)',
  hoverContent: '.monaco-editor .monaco-hover:not(.hidden):not(.workbench-hover) .monaco-hover-content',

  /** The quick-fix menu (the "action widget" since VS Code 1.78). */
  actionWidget: '.action-widget',
  actionWidgetItem: '.action-widget .monaco-list-row.action',

  /** The cursor position in the status bar: `Ln 12, Col 1 (44 selected)`. */
  cursorPosition: '.monaco-workbench .part.statusbar #status\\.editor\\.selection',
  /** A webview is an iframe (the host) around another (the content, `#active-frame`). */
  webviewHost: '.monaco-workbench iframe.webview.ready',
  webviewContent: 'iframe#active-frame',

  /** Modal dialogs, such as the workspace-trust prompt. */
  dialog: '.monaco-dialog-box',
  notificationToast: '.notification-toast',
} as const;
